"""SARIF 2.1.0 as GitHub code scanning accepts it: one run, every selected rule, one result per finding.

Columns are 1-based code points with an exclusive end, which is what `Location` holds and what
SARIF's `columnKind: unicodeCodePoints` means, so positions pass through unchanged.
"""

from __future__ import annotations

import inspect
import json
from typing import Any
from urllib.parse import quote

from speclint.findings import Finding, Location, Related, Severity
from speclint.report import Report
from speclint.reporters import RenderOptions
from speclint.reporters.strings import repair
from speclint.rules.rule import Rule, section

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "speclint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, options: RenderOptions) -> str:
    rule_index = {rule.code: i for i, rule in enumerate(report.rules)}
    run: dict[str, Any] = {
        "tool": {"driver": _driver(report)},
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The root of the git repository."}}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, rule_index.get(f.rule)) for f in report.findings],
    }
    if report.notices:
        run["invocations"] = [_invocation(report.notices)]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _driver(report: Report) -> dict[str, Any]:
    return {
        "name": "speclint",
        "version": report.version,
        "semanticVersion": report.version,
        "rules": [_rule(rule) for rule in report.rules],
    }


def _rule(rule: Rule) -> dict[str, Any]:
    doc = inspect.cleandoc(rule.doc)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": section(doc, "What it does") or rule.name},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled_by_default},
    }


def _result(finding: Finding, rule_index: int | None) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.rule}
    # A finding of a rule the run did not list still reports; it just cannot point into `rules`.
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    result["level"] = LEVELS[finding.severity]
    result["message"] = {"text": repair(finding.message)}
    result["locations"] = [{"physicalLocation": _physical(finding.location.path, _region(finding.location))}]
    if finding.related:
        result["relatedLocations"] = [_related(i, rel) for i, rel in enumerate(finding.related)]
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    return result


def _region(loc: Location) -> dict[str, int]:
    # The schema forbids 0 and GitHub rejects it: a file-level finding (line 0) gets no region.
    if loc.line < 1:
        return {}
    region = {"startLine": loc.line}
    if loc.column >= 1:
        region["startColumn"] = loc.column
    if loc.end_line >= loc.line:
        region["endLine"] = loc.end_line
        if loc.end_column >= 1 and (loc.end_line > loc.line or loc.end_column >= loc.column):
            region["endColumn"] = loc.end_column
    return region


def _related(index: int, rel: Related) -> dict[str, Any]:
    region = {"startLine": rel.line} if rel.line >= 1 else {}
    return {"id": index, "physicalLocation": _physical(rel.path, region), "message": {"text": repair(rel.message)}}


def _physical(path: str, region: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path), "uriBaseId": SRCROOT}}
    if region:
        location["region"] = region
    return location


def artifact_uri(path: str) -> str:
    """A repo path as a relative URI reference: spaces, `#`, `%` and non-ASCII must be percent-encoded.

    `:` is encoded too, as a first segment holding it would read as a URI scheme.
    """
    return quote(path, safe="/!$&'()*+,;=@", errors="surrogateescape")


def _invocation(notices: tuple[str, ...]) -> dict[str, Any]:
    # Notices say what the run could not know (shallow history, unreadable specs): keep them with it.
    return {
        "executionSuccessful": True,
        "toolExecutionNotifications": [{"level": "note", "message": {"text": repair(n)}} for n in notices],
    }
