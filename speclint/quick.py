"""The console entry point, with a fast lane for the commit hooks and plain checks.

A hook runs on every commit and should cost little more than starting Python. The forms the
hooks use (`speclint check --staged …`, `--pre-push`) and a plain `speclint check` with the same
few options are parsed here, without click (importing it costs about 35 ms), and run straight
away; a change-set check loads rules and parsers only when the change can matter to a spec.
Every other command line, including `--help` and anything unexpected, goes to the full command
line (`speclint.cli`), which parses it and says what is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

_FLAGS = frozenset({"--staged", "--pre-push", "--exit-zero", "--no-cache"})
_VALUES = frozenset({"--commit-msg-file", "--select", "--ignore", "--fail-on", "--config", "--color"})
_CHOICES = {"--fail-on": ("error", "warning", "info"), "--color": ("auto", "always", "never")}


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    options = parse(args)
    if options is None:
        from speclint.cli import main as full

        full(args)
        return
    from speclint import command

    raise SystemExit(command.guarded(lambda: _check(options)))


def parse(args: Sequence[str]) -> dict[str, str] | None:
    """The options of `check`, `check --staged` or `check --pre-push` in the narrow forms the fast
    lane knows; None for anything else."""
    if not args or args[0] != "check":
        return None
    options: dict[str, str] = {}
    rest = list(args[1:])
    while rest:
        name, eq, value = rest.pop(0).partition("=")
        if name in _FLAGS and not eq:
            value = ""
        elif name in _VALUES and (eq or rest):
            value = value if eq else rest.pop(0)
        else:
            return None
        if name in options or value not in _CHOICES.get(name, (value,)):
            return None
        options[name] = value
    if "--staged" in options and "--pre-push" in options:
        return None  # one change set at a time: the full command line says so
    return options


def _check(options: dict[str, str]) -> int:
    from speclint import command, runner
    from speclint.findings import Severity

    def path(name: str) -> Path | None:
        return Path(options[name]) if name in options else None

    fail_on = options.get("--fail-on")
    request = runner.Request(
        cwd=Path.cwd(),
        staged="--staged" in options,
        pre_push="--pre-push" in options,
        config_file=path("--config"),
        select=command.split([options.get("--select", "")]),
        ignore=command.split([options.get("--ignore", "")]),
        fail_on=Severity.parse(fail_on) if fail_on else None,
        use_cache="--no-cache" not in options,
        commit_msg_file=path("--commit-msg-file"),
    )
    return command.check(request, color=options.get("--color", "auto"), exit_zero="--exit-zero" in options)
