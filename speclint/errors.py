"""The one error family for user-facing failures.

Anything raised as a `SpeclintError` is a user or environment mistake (bad config, not a git
repository, unknown rule): the CLI prints `str(error)` on one line and exits 2. Everything else
is a bug and keeps its traceback.
"""

from __future__ import annotations


class SpeclintError(Exception):
    """A problem the user can fix; `str()` is the whole one-line message."""


class ConfigError(SpeclintError):
    """The configuration file is malformed or holds an unknown key or a bad value."""


class GitError(SpeclintError):
    """git is missing, the directory is no repository, or a git command failed."""


class UsageError(SpeclintError):
    """The command line asks for something impossible (an unknown rule, a missing file)."""


class OutputError(SpeclintError):
    """The report cannot be written (a full disk, a closed terminal)."""
