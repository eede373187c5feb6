"""`python -m pacer`: the same as the `pacer` command."""

from pacer.cli import main

raise SystemExit(main())
