"""Markdown for a pull-request comment or a job summary: a heading, a one-line summary, a table.

Errors come first so that, when the table has to be cut to fit, what is cut is the least severe.
"""

from __future__ import annotations

import re
from collections import Counter

from speclint.findings import Finding
from speclint.report import Report
from speclint.reporters import RenderOptions
from speclint.reporters.strings import repair

# GitHub refuses a job summary over 1 MiB; the table is cut before the whole output gets there.
MAX_BYTES = 1024 * 1024
HEADING = "## speclint"
TABLE_HEAD = "| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n"
HINT = (
    "_Silence one with `<!-- speclint-disable-next-line CODE -->` on the line above; "
    "`speclint explain CODE` says more._"
)
# A code span is a run of backticks closed by a run of the same length (CommonMark 6.1).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>&|~])")


def render(report: Report, options: RenderOptions) -> str:
    return render_within(report, MAX_BYTES)


def render_within(report: Report, limit: int) -> str:
    """The document, its table cut so that the whole stays within `limit` UTF-8 bytes."""
    summary, notices = _summary(report), _notices(report)
    if not report.findings:
        return _document(summary, notices)
    rows = [row(f) for f in sorted(report.findings, key=lambda f: -f.severity)]
    graph = _graph(report)
    if _size(graph) > limit // 2:
        graph = ""  # the findings matter more than the picture
    kept, omitted = rows, ""
    if _size(_document(summary, TABLE_HEAD, notices, HINT, graph)) + sum(map(_size, rows)) > limit:
        # Budget for the note at its widest (every row left out), so the count cannot overflow it.
        fixed = _size(_document(summary, TABLE_HEAD, _omitted(len(rows)), notices, HINT, graph))
        kept = _fit(rows, limit - fixed)
        omitted = _omitted(len(rows) - len(kept))
    return _document(summary, TABLE_HEAD + "".join(kept), omitted, notices, HINT, graph)


def _graph(report: Report) -> str:
    """The roadmap around the roadmap findings, as a mermaid chart GitHub draws.

    Labels in the chart hold no backticks (the mermaid reporter writes them as entities), so
    nothing inside can close the fence.
    """
    if not report.roadmap_mermaid:
        return ""
    return f"### Roadmap\n\n```mermaid\n{report.roadmap_mermaid.rstrip()}\n```"


def _document(*blocks: str) -> str:
    # Blank lines between blocks: a table only ends at a blank line in some renderers.
    return "\n\n".join(block.rstrip("\n") for block in (HEADING, *blocks) if block) + "\n"


def _fit(rows: list[str], budget: int) -> list[str]:
    kept: list[str] = []
    for r in rows:
        budget -= _size(r)
        if budget < 0:
            break
        kept.append(r)
    return kept


def _omitted(count: int) -> str:
    return (
        f"_{count} more finding{'s' if count != 1 else ''} left out to keep this summary under 1 MiB; "
        "run `speclint check --format json` for all of them._"
    )


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _summary(report: Report) -> str:
    s = report.summary
    scope = f"{s.specs} spec{'s' if s.specs != 1 else ''}, {s.references} reference{'s' if s.references != 1 else ''}"
    if not report.findings:
        return f"No findings: {scope} checked."
    counts = Counter(f.severity for f in report.findings)
    parts = [f"{counts[sev]} {sev.label}{'s' if counts[sev] != 1 else ''}" for sev in sorted(counts, reverse=True)]
    total = len(report.findings)
    return f"**{total} finding{'s' if total != 1 else ''}** ({', '.join(parts)}) in {scope}."


def _notices(report: Report) -> str:
    return "\n\n".join(f"> **Note:** {cell(n)}" for n in report.notices)


def row(finding: Finding) -> str:
    loc = finding.location
    message = "\n".join([finding.message] + [f"↳ {code_span(f'{r.path}:{r.line}')} {r.message}" for r in finding.related])
    cells = [
        finding.severity.label,
        f"{finding.rule} {finding.name}",
        code_span(f"{loc.path}:{loc.line}:{loc.column}"),
        cell(message),
    ]
    return f"| {' | '.join(cells)} |\n"


def cell(text: str) -> str:
    """Text for one table cell: code spans kept, everything else literal, on one line."""
    out, pos = [], 0
    text = repair(text)
    for match in _CODE_SPAN.finditer(text):
        out.append(_plain(text[pos : match.start()]))
        out.append(_code(match.group(1), match.group(2)))
        pos = match.end()
    out.append(_plain(text[pos:]))
    return "".join(out)


def _plain(text: str) -> str:
    # Backslash escapes make every markdown character literal; `<br>` is the only line break a cell has.
    escaped = _PUNCTUATION.sub(r"\\\1", text)
    return "<br>".join(escaped.replace("\r\n", "\n").split("\n"))


def _code(fence: str, content: str) -> str:
    # Inside a code span only the table's own `|` needs escaping; a line break would end the row.
    return fence + content.replace("\r\n", " ").replace("\n", " ").replace("|", "\\|") + fence


def code_span(text: str) -> str:
    """`text` as a code span in a cell, with a fence longer than any backtick run inside it."""
    text = repair(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return _code(fence, f"{pad}{text}{pad}")
