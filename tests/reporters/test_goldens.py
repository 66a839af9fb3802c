"""Every format rendered from the same two reports, compared byte for byte with reviewed files.

After an intended change, regenerate with `pytest tests/reporters --update-goldens` and review
the diff of tests/reporters/golden/ like any other code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from speclint.report import Report
from speclint.reporters import FORMATS, RenderOptions, render
from tests.reporters.sample import empty_report, full_report

GOLDEN = Path(__file__).parent / "golden"

# (format, color, file extension): text is rendered both ways, the rest never colour.
VARIANTS = [
    ("text", False, "txt"),
    ("text", True, "color.txt"),
    ("json", False, "json"),
    ("sarif", False, "sarif"),
    ("github", False, "github.txt"),
    ("gitlab", False, "gitlab.json"),
    ("junit", False, "junit.xml"),
    ("markdown", False, "md"),
]
REPORTS: dict[str, Callable[[], Report]] = {"findings": full_report, "empty": empty_report}
CASES = [
    pytest.param(case, fmt, color, f"{case}.{ext}", id=f"{case}-{fmt}{'-color' if color else ''}")
    for case in REPORTS
    for fmt, color, ext in VARIANTS
]


def test_every_registered_format_has_a_golden() -> None:
    assert sorted({fmt for fmt, _, _ in VARIANTS}) == sorted(FORMATS)


@pytest.mark.parametrize(("case", "fmt", "color", "filename"), CASES)
def test_output_matches_golden(case: str, fmt: str, color: bool, filename: str, update_goldens: bool) -> None:
    output = render(fmt, REPORTS[case](), RenderOptions(color=color))
    golden = GOLDEN / filename
    if update_goldens:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(output, encoding="utf-8", newline="")
        return
    assert golden.exists(), f"{golden} is missing; run `pytest tests/reporters --update-goldens` and review it"
    with golden.open(encoding="utf-8", newline="") as f:  # newline="": compare \r as written
        assert output == f.read()

