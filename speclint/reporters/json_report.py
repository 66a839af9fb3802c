"""The JSON contract of DESIGN.md: version, tool, findings, summary. Keys and order are stable."""

from __future__ import annotations

import json
from typing import Any

from speclint.findings import Finding
from speclint.report import Report
from speclint.reporters import RenderOptions
from speclint.reporters.strings import repair


def finding_dict(f: Finding) -> dict[str, Any]:
    loc = f.location
    return {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity.label,
        "path": repair(loc.path),
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "message": repair(f.message),
        "target": repair(f.target),
        "related": [{"path": repair(r.path), "line": r.line, "message": repair(r.message)} for r in f.related],
        "fingerprint": f.fingerprint,
    }


def render(report: Report, options: RenderOptions) -> str:
    s = report.summary
    data = {
        "version": 1,
        "tool": {"name": "speclint", "version": report.version},
        "findings": [finding_dict(f) for f in report.findings],
        "summary": {
            "files_checked": s.files_checked,
            "specs": s.specs,
            "references": s.references,
            "by_rule": dict(s.by_rule),
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
