"""## What it does
Flags a requirement that no task and no code comment cites: a Kiro acceptance criterion no
task's `_Requirements:_` covers, a `FR-…` no Spec Kit task names, a GSD requirement no phase
lists. Off by default.

## Why is this bad?
A requirement nobody traces is a requirement nobody is building (or nobody will notice when
it breaks). Traceability makes gaps visible before release rather than after.

## Example
```markdown
### Requirement 2: Code expiry
#### Acceptance Criteria
1. WHEN a code is older than 5 minutes THEN the system SHALL reject it
```
with no task citing `2.1` (or `2`) gives

    .kiro/specs/mfa/requirements.md:3:1: SD502 requirement `2.1` is cited by no task and no code

Citing a requirement covers its criteria (`_Requirements: 2_`), a criterion covers its
requirement, and `_Requirements: All_` covers the whole feature. Only the kinds of id a
feature cites somewhere are checked (a Spec Kit feature whose tasks cite `[US1]` but never an
`FR-…` has its stories checked, not its `FR-…`), so a project that does not trace is not flooded.

## How to fix
Cite the requirement from the task (or code) that implements it, or remove it if it is
no longer wanted.

## Options
None.

## Silence it
Enable it with `select = ["SD502"]`; silence one with
`<!-- speclint-disable-next-line SD502 -->` before the requirement.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import methodcaller
from typing import TYPE_CHECKING

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Severity
from speclint.rules.rule import NoOptions, Rule

if TYPE_CHECKING:
    from speclint.specs.roadmap.graph import Roadmap


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    from speclint.specs.roadmap import ids
    from speclint.specs.roadmap.graph import resolve_requirement
    from speclint.specs.roadmap.model import REQUIREMENT, STORY

    roadmap = ctx.roadmap
    checked = set(ctx.checked_spec_paths)
    cited = set(roadmap.cited)
    for link in roadmap.code_links:
        if link.id:
            cited.update(resolve_requirement(roadmap, ids.single_key(link.id, reqs=True) or link.id))
    tracing = _tracing(roadmap, cited)
    for node, item in enumerate(roadmap.nodes):
        if item.kind not in (REQUIREMENT, STORY) or item.weak or node in cited or item.path not in checked:
            continue
        feature = roadmap.plans[item.path].feature
        if (feature, ids.family(item.key)) not in tracing or feature in roadmap.traced_features:
            continue
        if roadmap.children.get(node):
            continue
        kind = "user story" if item.kind == STORY else "requirement"
        location = Location(item.path, item.line, item.column, item.line, item.end_column)
        yield Problem(location, f"{kind} `{item.label}` is cited by no task and no code", item.label)


def _tracing(roadmap: Roadmap, cited: set[int]) -> set[tuple[str, str]]:
    """(feature, id family) pairs that something cites: the kinds of requirement a feature traces."""
    from speclint.specs.roadmap import ids

    found = set()
    for node in cited:
        item = roadmap.nodes[node]
        if item.path in roadmap.plans:
            found.add((roadmap.plans[item.path].feature, ids.family(item.key)))
    for plan in roadmap.plans.values():
        mentions = [m for i in plan.items for m in i.cites] + plan.loose_cites
        found.update((plan.feature, ids.family(m.key)) for m in mentions)
    return found


RULE = Rule(
    "SD502", "untraced-requirement", Severity.INFO, check=check, doc=__doc__ or "", enabled_by_default=False,
    prefetch=methodcaller("start_code_links"),
)
