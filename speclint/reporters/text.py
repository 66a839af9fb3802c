"""ruff-like text: `path:line:col: CODE message`, then a summary line."""

from __future__ import annotations

from collections import Counter

from speclint.findings import Severity
from speclint.report import Report
from speclint.reporters import RenderOptions
from speclint.reporters.strings import printable

_BOLD, _RED, _YELLOW, _CYAN, _DIM, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[2m", "\x1b[0m"
_SEVERITY_COLOR = {Severity.ERROR: _RED, Severity.WARNING: _YELLOW, Severity.INFO: _CYAN}


def render(report: Report, options: RenderOptions) -> str:
    def paint(text: str, *codes: str) -> str:
        return f"{''.join(codes)}{text}{_RESET}" if options.color else text

    lines = []
    for f in report.findings:
        loc = f.location
        where = paint(f"{printable(loc.path)}:{loc.line}:{loc.column}:", _BOLD)
        code = paint(f.rule, _BOLD, _SEVERITY_COLOR[f.severity])
        lines.append(f"{where} {code} {printable(f.message)}")
        for rel in f.related:
            lines.append(paint(f"    {printable(rel.path)}:{rel.line}: {printable(rel.message)}", _DIM))
    lines.append(_summary(report))
    if report.findings:
        lines.append(
            paint(
                "Silence one with <!-- speclint-disable-next-line CODE --> on the line above; "
                "`speclint explain CODE` says more.",
                _DIM,
            )
        )
    return "\n".join(lines) + "\n"


def _summary(report: Report) -> str:
    s = report.summary
    scope = f"{s.specs} spec{'s' if s.specs != 1 else ''}, {s.references} reference{'s' if s.references != 1 else ''}"
    if not report.findings:
        return f"All clear: {scope} checked."
    counts = Counter(f.severity for f in report.findings)
    parts = [f"{counts[sev]} {sev.label}{'s' if counts[sev] != 1 else ''}" for sev in sorted(counts, reverse=True)]
    rules = ", ".join(f"{code} ×{n}" for code, n in s.by_rule.items())
    total = len(report.findings)
    return f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}; {rules}) in {scope}."
