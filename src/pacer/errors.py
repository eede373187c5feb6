"""Domain errors: each carries one message line for the person, never a traceback."""

from __future__ import annotations

from pacer.i18n import Message


class PacerError(Exception):
    """A user-facing error: bad input, a missing file, a refused operation."""

    exit_code = 1

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


class StoreBusy(PacerError):
    """Another pacer held the database longer than we wait: try again (EX_TEMPFAIL)."""

    exit_code = 75


class InputError(PacerError):
    """Bad input (a date, a number, an environment variable, a file that is not one): the
    command line exits 2 (EX_USAGE, like argparse's own refusals) and the web answers 400."""

    exit_code = 2


class AlreadyDone(PacerError):
    """`done` on a unit already marked done: nothing written, exit status 3, so that a script
    replaying its list can tell "already so" from a real failure (1) and bad input (2)."""

    exit_code = 3
