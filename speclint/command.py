"""What `speclint check` does once its arguments are parsed: run the check, print the notices
and the report, choose the exit status. Free of click, so the commit hook's fast lane
(`speclint.quick`) and the full command line (`speclint.cli`) share it.

Exit codes: 0 clean, 1 findings at or above `fail-on`, 2 usage, config or git errors (one line
on stderr) and internal errors (with a traceback, as bugs deserve).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from speclint.errors import OutputError, SpeclintError

if TYPE_CHECKING:
    from speclint.runner import Request

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def check(
    request: Request,
    *,
    output_format: str = "text",
    output: Path | None = None,
    color: str = "auto",
    exit_zero: bool = False,
    write_baseline: Path | None = None,
) -> int:
    from speclint import runner
    from speclint.reporters import RenderOptions, render

    report = runner.check(request)
    notices(report.notices)
    if write_baseline is not None:
        from speclint import baseline as baselines

        count = baselines.write(write_baseline, report.findings)
        _err(f"speclint: wrote {count} finding(s) to {write_baseline}")
        return EXIT_CLEAN
    use_color = output is None and output_format == "text" and use_colour(color)
    emit(render(output_format, report, RenderOptions(color=use_color)), output)
    return EXIT_FINDINGS if report.failing and not exit_zero else EXIT_CLEAN


def guarded(run: Callable[[], int]) -> int:
    """Run a command; a user's mistake becomes one line and status 2, a bug a traceback."""
    try:
        return run()
    except SpeclintError as exc:
        _err(f"speclint: error: {exc}")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception:  # a bug: keep the traceback so it can be reported
        import traceback

        _err("speclint: internal error (please report this with the traceback below)")
        traceback.print_exc()
        return EXIT_ERROR


def use_colour(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def emit(text: str, output: Path | None) -> None:
    if output is None:
        _write(sys.stdout, text)
        return
    from speclint.atomic import write_text

    write_text(output, text)


def notices(messages: Sequence[str]) -> None:
    from speclint.reporters.strings import printable

    for message in messages:
        _err(f"speclint: warning: {printable(message)}")


def _err(line: str) -> None:
    _write(sys.stderr, line + "\n")


def _write(stream: TextIO, text: str) -> None:
    try:
        try:
            stream.write(text)
        except UnicodeEncodeError:  # a terminal that cannot show some path: show it mangled, not a crash
            stream.write(text.encode(stream.encoding or "utf-8", "replace").decode(stream.encoding or "utf-8"))
        stream.flush()
    except BrokenPipeError:
        raise  # the reader went away (`| head`): nothing to say
    except OSError as exc:
        name = "standard output" if stream is sys.stdout else "standard error"
        raise OutputError(f"cannot write to {name}: {exc.strerror or exc}") from None


def split(values: Sequence[str]) -> list[str]:
    """Comma-separated, repeatable option values as one list."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
