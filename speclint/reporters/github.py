"""GitHub workflow commands: one `::error|warning|notice …::message` line per finding.

Every finding is emitted: GitHub itself shows only ten annotations per level per step, and the
Action decides what to cap, so the reporter stays a faithful list.
"""

from __future__ import annotations

from speclint.findings import Finding, Severity
from speclint.report import Report
from speclint.reporters import RenderOptions
from speclint.reporters.strings import repair

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, options: RenderOptions) -> str:
    return "".join(command(f) + "\n" for f in report.findings)


def command(finding: Finding) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in _properties(finding))
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(_message(finding))}"


def _properties(finding: Finding) -> list[tuple[str, object]]:
    loc = finding.location
    props: list[tuple[str, object]] = [("file", repair(loc.path))]
    if loc.line >= 1:
        props.append(("line", loc.line))
        # GitHub rejects columns on a multi-line annotation, so a span over lines keeps only lines.
        single_line = loc.end_line == loc.line
        if single_line and loc.column >= 1:
            props.append(("col", loc.column))
        if loc.end_line >= loc.line:
            props.append(("endLine", loc.end_line))
        if single_line and loc.end_column >= 1:
            props.append(("endColumn", loc.end_column))
    props.append(("title", f"{finding.rule} {finding.name}"))
    return props


def _message(finding: Finding) -> str:
    # Annotations have no related locations; list them on their own lines of the message.
    lines = [finding.message]
    lines += [f"{rel.path}:{rel.line}: {rel.message}" for rel in finding.related]
    return repair("\n".join(lines))


def escape_data(value: str) -> str:
    """As @actions/core escapes a command's message: `%` first, so the others stay unambiguous."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """As @actions/core escapes a property value: `:` and `,` would end the value early."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
