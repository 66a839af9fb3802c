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
    """Run the command line, then leave at once (see `_leave`)."""
    import gc

    # A check allocates hundreds of thousands of small acyclic records that refcounting frees
    # or the run keeps to its end; the default collector would scan them again every 700
    # allocations (2% of a cold run), and even one pass over 100,000 of them took 20-30 ms of a
    # cold check. A run of real specs allocates fewer than a million, so most never collect;
    # cycles are still collected in larger ones (peak memory on real repositories unchanged).
    gc.set_threshold(1_000_000, 50, 50)
    try:
        run(list(sys.argv[1:] if argv is None else argv))
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    _leave(code)


def run(args: list[str]) -> None:
    options = parse(args)
    if options is None:
        from speclint.cli import main as full

        full(args)
        return
    from speclint import command

    raise SystemExit(command.guarded(lambda: _check(options)))


def _leave(code: object) -> None:
    """Flush the output and end the process without the interpreter's teardown.

    Tearing down frees every object a large check built, one by one (about 50 ms on a
    4,000-file repository), for memory the process gives back anyway. Everything speclint
    must finish (files written, git processes stopped, caches stored) is done explicitly
    before this point; temporary files are unlinked from the start.
    """
    import os

    if isinstance(code, str):  # SystemExit("message"): what sys.exit would print
        sys.stderr.write(code + "\n")
        code = 1
    status = code if isinstance(code, int) else 0 if code is None else 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away, a full disk, a closed stream
            pass
    os._exit(status)


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
