"""The commit hook's fast lane: `speclint check --staged` for a commit that touches nothing a
spec names, answered before the command-line framework and the rules load.

Most commits are like that, and a hook that runs on every commit should cost little more than
starting Python. Only a narrow form of the command is answered here (no PATHS, text output, the
options a hook passes); anything else, any doubt and any error goes to the full command line,
which then does the work and says what is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

_FLAGS = {"--staged", "--exit-zero"}
_VALUES = {"--commit-msg-file", "--select", "--ignore", "--fail-on", "--config", "--color"}
_SEVERITIES = ("error", "warning", "info")


def main(argv: Sequence[str] | None = None) -> None:
    """The console entry point: the fast lane when it applies, else the full command line."""
    args = list(sys.argv[1:] if argv is None else argv)
    if answer(args):
        raise SystemExit(0)
    from speclint.cli import main as full

    full(args)


def answer(args: Sequence[str]) -> bool:
    """Print the all-clear and return True when the staged change cannot give a finding."""
    options = _parse(args)
    if options is None or "--staged" not in options:
        return False
    try:
        from speclint import runner
        from speclint.findings import Severity

        fail_on = options.get("--fail-on")
        if fail_on is not None and fail_on not in _SEVERITIES:
            return False
        request = runner.Request(
            cwd=Path.cwd(),
            staged=True,
            config_file=Path(options["--config"]) if "--config" in options else None,
            select=_split(options.get("--select", "")),
            ignore=_split(options.get("--ignore", "")),
            fail_on=Severity.parse(fail_on) if fail_on else None,
            commit_msg_file=Path(options["--commit-msg-file"]) if "--commit-msg-file" in options else None,
        )
        report = runner.check_changes(request, quick_only=True)
    except Exception:  # noqa: BLE001 - the full command line reports errors properly
        return False
    if report is None:
        return False
    from speclint.reporters import render

    sys.stdout.write(render("text", report))
    sys.stdout.flush()
    return True


def _parse(args: Sequence[str]) -> dict[str, str] | None:
    """`check` and the options above, each at most once; None for anything else."""
    if not args or args[0] != "check":
        return None
    options: dict[str, str] = {}
    rest = list(args[1:])
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=")
        if name in _FLAGS and not eq:
            value = ""
        elif name in _VALUES:
            if not eq:
                if not rest:
                    return None
                value = rest.pop(0)
        else:
            return None
        if name in options:
            return None
        options[name] = value
    return options


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]
