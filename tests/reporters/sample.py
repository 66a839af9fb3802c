"""One fixed report (and an empty one) that every reporter renders for the golden tests.

The rules are stand-ins with short fixed docs, so editing a real rule's documentation does not
churn the reporter goldens.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from speclint.findings import Finding, Location, Problem, Related, Severity, Summary
from speclint.report import Report
from speclint.rules.rule import Rule

# Every character some format must escape, and some non-ASCII: `%`, `,`, `:`, a newline, `<&"`, `|`.
SPECIAL_MESSAGE = 'Phase 2: 50% done, see `a|b`\nthen <tags> & "quotes" — café ✓'


def _never(ctx: Any, options: Any) -> Iterator[Problem]:
    return iter(())


def _doc(what: str) -> str:
    return (
        f"## What it does\n{what} It says why.\n\n"
        "## Why is this bad?\nStale specs mislead.\n\n"
        "## Example\n```markdown\n- [x] Create `src/x.py`\n```\n\n"
        "## How to fix\nUpdate the spec.\n\n"
        "## Options\nNone.\n\n"
        "## Silence it\n`<!-- speclint-disable-next-line CODE -->`\n"
    )


RULES = (
    Rule("SD101", "missing-file", Severity.ERROR, check=_never, doc=_doc("Flags a path that git does not track.")),
    Rule("SD103", "misplaced-symbol", Severity.WARNING, check=_never, doc=_doc("Flags a symbol in the wrong file.")),
    Rule("SD202", "stale-body", Severity.INFO, check=_never, doc=_doc("Flags a symbol whose body changed.")),
    Rule(
        "SD405",
        "missing-acceptance",
        Severity.INFO,
        check=_never,
        doc=_doc("Flags a phase without acceptance criteria."),
        enabled_by_default=False,
    ),
)


def finding(
    rule: str,
    severity: Severity,
    location: Location,
    message: str,
    *,
    target: str = "",
    fingerprint: str,
    related: tuple[Related, ...] = (),
) -> Finding:
    name = next(r.name for r in RULES if r.code == rule)
    return Finding(rule, name, severity, location, message, target, related, fingerprint)


FINDINGS = (
    finding(
        "SD101",
        Severity.ERROR,
        Location("docs/specs/café plan.md", 3, 5, 3, 22),
        "`src/auth/mfa.py` is not a tracked file; it was renamed to `src/auth/otp.py` in 1a2b3c4",
        target="src/auth/mfa.py",
        fingerprint="0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    ),
    finding(
        "SD103",
        Severity.WARNING,
        Location("specs/001-mfa/plan.md", 12, 7, 12, 19),
        "`verifyCode` is not defined in `src/auth/mfa.py`; it is defined in `src/auth/otp.py`",
        target="verifyCode",
        related=(
            Related("src/auth/otp.py", 40, "defined here"),
            Related("src/auth/mfa.py", 1, "the file the spec names"),
        ),
        fingerprint="11111111111111111111111111111111",
    ),
    finding(
        "SD202",
        Severity.INFO,
        Location("specs/001-mfa/plan.md", 20, 3, 21, 4),
        "`MFAService.generateCode` changed in 4 commits since this spec was last edited",
        target="MFAService.generateCode",
        fingerprint="22222222222222222222222222222222",
    ),
    finding(
        "SD101",
        Severity.ERROR,
        Location("specs/002-a,b:c/tasks.md", 7, 1, 7, 9),
        SPECIAL_MESSAGE,
        target="phase-2",
        fingerprint="33333333333333333333333333333333",
    ),
)


# What the engine puts in a report when roadmap rules found something; only markdown shows it.
ROADMAP_MERMAID = """\
flowchart TD
  subgraph d0["ROADMAP.md"]
    n0["Phase 1: Core"]:::inprogress
    n1["Phase 2: API"]:::done
  end
  n0 --> n1
  classDef done fill:#dafbe1,stroke:#1a7f37,color:#0d3017
  classDef inprogress fill:#fff8c5,stroke:#9a6700,color:#3b2300
"""


def full_report() -> Report:
    return Report(
        findings=FINDINGS,
        summary=Summary(files_checked=42, specs=3, references=17, by_rule={"SD101": 2, "SD103": 1, "SD202": 1}),
        rules=RULES,
        notices=("history is shallow (depth 1): staleness rules (SD2xx) could not look back",),
        version="0.1.0",
        roadmap_mermaid=ROADMAP_MERMAID,
    )


def empty_report() -> Report:
    return Report(findings=(), summary=Summary(files_checked=5, specs=1, references=0), rules=RULES, version="0.1.0")
