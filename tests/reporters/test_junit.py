from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from speclint.findings import Finding, Location, Related, Severity
from speclint.reporters import RenderOptions
from speclint.reporters.junit import render
from tests.reporters.sample import SPECIAL_MESSAGE, empty_report, full_report


def _parse(xml: str) -> ET.Element:
    return ET.fromstring(xml.encode("utf-8"))


def _one(finding: Finding) -> ET.Element:
    root = _parse(render(dataclasses.replace(empty_report(), findings=(finding,)), RenderOptions()))
    (case,) = root.iter("testcase")
    return case


def test_one_failing_testcase_per_finding() -> None:
    root = _parse(render(full_report(), RenderOptions()))
    assert root.tag == "testsuites"
    (suite,) = root
    assert (suite.tag, suite.get("name"), suite.get("tests"), suite.get("failures")) == ("testsuite", "speclint", "4", "4")
    assert [(c.get("classname"), c.get("name"), c[0].get("type")) for c in suite] == [
        ("docs/specs/café plan.md", "SD101 docs/specs/café plan.md:3:5", "SD101"),
        ("specs/001-mfa/plan.md", "SD103 specs/001-mfa/plan.md:12:7", "SD103"),
        ("specs/001-mfa/plan.md", "SD202 specs/001-mfa/plan.md:20:3", "SD202"),
        ("specs/002-a,b:c/tasks.md", "SD101 specs/002-a,b:c/tasks.md:7:1", "SD101"),
    ]


def test_special_characters_survive_the_round_trip() -> None:
    (*_, case) = _parse(render(full_report(), RenderOptions())).iter("testcase")
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == SPECIAL_MESSAGE
    assert failure.text == f"specs/002-a,b:c/tasks.md:7:1: SD101 [error] {SPECIAL_MESSAGE}"


def test_related_locations_are_in_the_failure_body() -> None:
    finding = Finding(
        "SD103", "misplaced-symbol", Severity.WARNING, Location("s.md", 1, 2, 1, 3), "m", "t",
        related=(Related("src/x.py", 40, "defined here"),),
    )
    failure = _one(finding).find("failure")
    assert failure is not None
    assert failure.text == "s.md:1:2: SD103 [warning] m\n    src/x.py:40: defined here"


def test_control_characters_and_bad_bytes_keep_the_xml_well_formed() -> None:
    message = "bell\x07 esc\x1b[31m nul\x00 tab\t cr\r end\ufffe"
    case = _one(Finding("SD101", "missing-file", Severity.ERROR, Location("specs/\udcff.md", 1, 1, 1, 2), message, ""))
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == "bell\\x07 esc\\x1b[31m nul\\x00 tab\t cr\r end\\ufffe"
    assert failure.text == "specs/\ufffd.md:1:1: SD101 [error] bell\\x07 esc\\x1b[31m nul\\x00 tab\t cr\r end\\ufffe"
    assert case.get("classname") == "specs/\ufffd.md"


def test_a_clean_run_is_one_passing_testcase() -> None:
    root = _parse(render(empty_report(), RenderOptions()))
    (suite,) = root
    assert (suite.get("tests"), suite.get("failures")) == ("1", "0")
    assert [(c.get("classname"), c.get("name"), list(c)) for c in suite] == [
        ("speclint", "speclint check (1 spec, 0 references)", [])
    ]
