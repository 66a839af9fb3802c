"""GitLab Code Quality: a JSON array of CodeClimate-style issues, one per finding."""

from __future__ import annotations

import json
from typing import Any

from speclint.findings import Finding, Severity
from speclint.report import Report
from speclint.reporters import RenderOptions
from speclint.reporters.strings import repair

# GitLab's scale is info/minor/major/critical/blocker; speclint's error is a defect in the docs,
# not an outage, so it maps to "major" and leaves the top two to tools that find real breakage.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, options: RenderOptions) -> str:
    issues = [issue(f) for f in report.findings]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def issue(finding: Finding) -> dict[str, Any]:
    return {
        "description": repair(f"{finding.rule} {finding.message}"),
        "check_name": finding.rule,
        "fingerprint": finding.fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": repair(finding.location.path), "lines": {"begin": max(finding.location.line, 1)}},
    }
