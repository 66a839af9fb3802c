from __future__ import annotations

import dataclasses

import pytest

from speclint.findings import Finding, Location, Related, Severity
from speclint.reporters import RenderOptions
from speclint.reporters.github import escape_data, escape_property, render
from tests.reporters.sample import empty_report, full_report


def _one(finding: Finding) -> str:
    return render(dataclasses.replace(empty_report(), findings=(finding,)), RenderOptions())


def _finding(
    path: str = "specs/a.md",
    message: str = "m",
    severity: Severity = Severity.ERROR,
    location: tuple[int, int, int, int] = (3, 5, 3, 9),
) -> Finding:
    return Finding("SD101", "missing-file", severity, Location(path, *location), message, "t")


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("%", "%25", "%25"),
        ("\r", "%0D", "%0D"),
        ("\n", "%0A", "%0A"),
        (":", ":", "%3A"),
        (",", ",", "%2C"),
        ("%0A", "%250A", "%250A"),
        ("a:b,c%d\r\ne", "a:b,c%25d%0D%0Ae", "a%3Ab%2Cc%25d%0D%0Ae"),
        ("<&\"é ✓ |", "<&\"é ✓ |", "<&\"é ✓ |"),
    ],
    ids=["percent", "cr", "lf", "colon", "comma", "already-escaped-looking", "mixed", "left-alone"],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_message_and_properties_are_escaped_in_the_command() -> None:
    line = _one(_finding(path="specs/a,b:c%.md", message="50% done:\nsee a,b"))
    assert line == (
        "::error file=specs/a%2Cb%3Ac%25.md,line=3,col=5,endLine=3,endColumn=9,"
        "title=SD101 missing-file::50%25 done:%0Asee a,b\n"
    )


@pytest.mark.parametrize(
    ("severity", "command"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")],
    ids=["error", "warning", "info"],
)
def test_severity_picks_the_command(severity: Severity, command: str) -> None:
    line = _one(_finding(severity=severity))
    assert line == f"::{command} file=specs/a.md,line=3,col=5,endLine=3,endColumn=9,title=SD101 missing-file::m\n"


def test_a_span_over_lines_has_no_columns_because_github_rejects_them() -> None:
    line = _one(_finding(location=(3, 5, 4, 2)))
    assert line == "::error file=specs/a.md,line=3,endLine=4,title=SD101 missing-file::m\n"


def test_related_locations_follow_the_message_on_their_own_lines() -> None:
    finding = dataclasses.replace(_finding(), related=(Related("src/x.py", 40, "defined here"),))
    assert _one(finding).endswith("::m%0Asrc/x.py:40: defined here\n")


def test_every_finding_is_a_command_and_nothing_else_is_printed() -> None:
    lines = render(full_report(), RenderOptions()).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice", "::error"]
    assert render(empty_report(), RenderOptions()) == ""


def test_more_than_ten_findings_are_all_emitted() -> None:
    findings = tuple(_finding(location=(n, 1, n, 2)) for n in range(1, 13))
    out = render(dataclasses.replace(empty_report(), findings=findings), RenderOptions())
    assert out == "".join(
        f"::error file=specs/a.md,line={n},col=1,endLine={n},endColumn=2,title=SD101 missing-file::m\n" for n in range(1, 13)
    )
