"""Errors the library raises; the CLI maps them to exit codes."""


class FactcheckError(Exception):
    """Base class for every error factcheck reports to the user."""


class InputError(FactcheckError):
    """Input that cannot be read or understood (exit code 2)."""


class SourceNotFound(FactcheckError):
    """A named source or path does not exist (exit code 2)."""


class StoreError(FactcheckError):
    """The workspace store cannot be read or written (exit code 2)."""
