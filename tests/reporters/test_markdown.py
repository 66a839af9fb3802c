from __future__ import annotations

import dataclasses

import pytest

from speclint.findings import Finding, Location, Severity
from speclint.reporters import RenderOptions
from speclint.reporters.markdown import MAX_BYTES, cell, code_span, render, render_within
from tests.reporters.sample import empty_report


LONG = "x" * 100  # a row longer than the note that replaces it


def _findings(count: int, message: str = "m") -> tuple[Finding, ...]:
    return tuple(
        Finding("SD101", "missing-file", Severity.ERROR, Location("s.md", n, 1, n, 2), message, "", fingerprint=str(n))
        for n in range(1, count + 1)
    )


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("one\ntwo", "one<br>two"),
        ("`a|b`", "`a\\|b`"),
        ("`a\nb`", "`a b`"),
        ("<script> & x", "\\<script\\> \\& x"),
        ("`<kept>` & <escaped>", "`<kept>` \\& \\<escaped\\>"),
        ("__init__.py *x* [l](u)", "\\_\\_init\\_\\_.py \\*x\\* \\[l\\](u)"),
        ("it's `x` and a lone ` tick", "it's `x` and a lone \\` tick"),
        ("``a`b``", "``a`b``"),
        ("café ✓", "café ✓"),
    ],
    ids=["pipe", "newline", "pipe-in-code", "newline-in-code", "html", "html-in-code", "emphasis", "lone-tick", "double-fence", "non-ascii"],
)
def test_cells_escape_markdown_but_keep_code_spans(raw: str, escaped: str) -> None:
    assert cell(raw) == escaped


@pytest.mark.parametrize(
    ("raw", "span"),
    [("s.md:1:2", "`s.md:1:2`"), ("a`b.md:1:1", "``a`b.md:1:1``"), ("`x|y", "`` `x\\|y ``")],
    ids=["plain", "backtick", "leading-backtick-and-pipe"],
)
def test_locations_are_code_spans(raw: str, span: str) -> None:
    assert code_span(raw) == span


def test_errors_come_first() -> None:
    info = Finding("SD202", "stale-body", Severity.INFO, Location("a.md", 1, 1, 1, 2), "i", "")
    error = Finding("SD101", "missing-file", Severity.ERROR, Location("z.md", 9, 1, 9, 2), "e", "")
    out = render(dataclasses.replace(empty_report(), findings=(info, error)), RenderOptions())
    assert out.splitlines()[4:8] == [
        "| Severity | Rule | Location | Message |",
        "| --- | --- | --- | --- |",
        "| error | SD101 missing-file | `z.md:9:1` | e |",
        "| info | SD202 stale-body | `a.md:1:1` | i |",
    ]


def test_a_long_table_is_cut_and_says_how_many_rows_were_left_out() -> None:
    report = dataclasses.replace(empty_report(), findings=_findings(5, LONG))
    expected = (
        "## speclint\n\n"
        "**5 findings** (5 errors) in 1 spec, 0 references.\n\n"
        "| Severity | Rule | Location | Message |\n"
        "| --- | --- | --- | --- |\n"
        f"| error | SD101 missing-file | `s.md:1:1` | {LONG} |\n"
        f"| error | SD101 missing-file | `s.md:2:1` | {LONG} |\n"
        f"| error | SD101 missing-file | `s.md:3:1` | {LONG} |\n\n"
        "_2 more findings left out to keep this summary under 1 MiB; run `speclint check --format json` for all of them._\n\n"
        "_Silence one with `<!-- speclint-disable-next-line CODE -->` on the line above; "
        "`speclint explain CODE` says more._\n"
    )
    limit = len(expected.encode())
    assert render_within(report, limit) == expected
    # One byte less and the third row no longer fits.
    assert render_within(report, limit - 1) == expected.replace(f"| error | SD101 missing-file | `s.md:3:1` | {LONG} |\n", "").replace(
        "_2 more findings", "_3 more findings"
    )


def test_a_table_that_fits_exactly_is_not_cut() -> None:
    report = dataclasses.replace(empty_report(), findings=_findings(5))
    full = render_within(report, MAX_BYTES)
    assert render_within(report, len(full.encode())) == full
    assert "left out" not in full


def test_the_real_limit_is_one_mebibyte() -> None:
    report = dataclasses.replace(empty_report(), findings=_findings(3000, "x" * 500))
    out = render(report, RenderOptions())
    assert len(out.encode()) <= 1024 * 1024
    kept = out.count("| error | SD101")
    assert kept < 3000
    assert f"\n_{3000 - kept} more findings left out to keep this summary under 1 MiB;" in out


def test_no_findings_is_one_line() -> None:
    assert render(empty_report(), RenderOptions()) == "## speclint\n\nNo findings: 1 spec, 0 references checked.\n"
