"""`python -m pacer`: the same as the `pacer` command."""

from pacer.entry import main

raise SystemExit(main())
