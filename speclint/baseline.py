"""Baseline files: the fingerprints of accepted findings, so only new ones are reported.

Fingerprints leave out line and column, so a baseline survives edits that move lines around.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from speclint.atomic import write_text
from speclint.errors import UsageError
from speclint.findings import Finding

FORMAT_VERSION = 1


def load(path: Path) -> frozenset[str]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != FORMAT_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise UsageError(f'{path}: not a speclint baseline (expected {{"version": 1, "findings": [...]}})')
    fingerprints = []
    for item in data["findings"]:
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
            raise UsageError(f"{path}: every baseline entry needs a string \"fingerprint\"")
        fingerprints.append(item["fingerprint"])
    return frozenset(fingerprints)


def write(path: Path, findings: Iterable[Finding]) -> int:
    entries = [
        {"fingerprint": f.fingerprint, "rule": f.rule, "path": f.location.path, "target": f.target}
        for f in findings
    ]
    write_text(path, json.dumps({"version": FORMAT_VERSION, "findings": entries}, indent=2) + "\n")
    return len(entries)
