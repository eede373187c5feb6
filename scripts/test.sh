#!/usr/bin/env bash
# Sets up .venv (when missing) and runs everything CI runs: format, lint, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/ruff format --check src tests bench scripts
.venv/bin/ruff check src tests bench scripts
.venv/bin/mypy src
# The tests in parallel, one process per core (pytest-xdist); every test still runs, each in a
# folder, database and port of its own. PACER_TEST_WORKERS=0 runs them in this one process.
.venv/bin/python -m pytest -n "${PACER_TEST_WORKERS:-auto}" "$@"
