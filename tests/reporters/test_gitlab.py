from __future__ import annotations

import dataclasses
import json

from speclint.findings import Finding, Location, Severity
from speclint.reporters import RenderOptions
from speclint.reporters.gitlab import render
from tests.reporters.sample import SPECIAL_MESSAGE, empty_report, full_report


def test_each_finding_is_a_code_quality_issue() -> None:
    issues = json.loads(render(full_report(), RenderOptions()))
    assert issues[3] == {
        "description": f"SD101 {SPECIAL_MESSAGE}",
        "check_name": "SD101",
        "fingerprint": "33333333333333333333333333333333",
        "severity": "major",
        "location": {"path": "specs/002-a,b:c/tasks.md", "lines": {"begin": 7}},
    }


def test_shape_and_severity_mapping() -> None:
    issues = json.loads(render(full_report(), RenderOptions()))
    assert [
        (i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues
    ] == [
        ("SD101", "major", "docs/specs/café plan.md", 3),
        ("SD103", "minor", "specs/001-mfa/plan.md", 12),
        ("SD202", "info", "specs/001-mfa/plan.md", 20),
        ("SD101", "major", "specs/002-a,b:c/tasks.md", 7),
    ]
    # GitLab drops issues that share a fingerprint, so they must be unique.
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    assert all(set(i) == {"description", "check_name", "fingerprint", "severity", "location"} for i in issues)


def test_no_findings_is_an_empty_array() -> None:
    assert render(empty_report(), RenderOptions()) == "[]\n"


def test_a_file_level_finding_still_has_a_line() -> None:
    finding = Finding("SD101", "missing-file", Severity.INFO, Location("specs/x.md", 0, 0, 0, 0), "m", "", fingerprint="f")
    issues = json.loads(render(dataclasses.replace(empty_report(), findings=(finding,)), RenderOptions()))
    assert issues == [
        {
            "description": "SD101 m",
            "check_name": "SD101",
            "fingerprint": "f",
            "severity": "info",
            "location": {"path": "specs/x.md", "lines": {"begin": 1}},
        }
    ]
