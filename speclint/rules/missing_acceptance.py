"""## What it does
Flags a roadmap phase that states no acceptance criteria: no `Acceptance:` line, no
"Acceptance criteria" or "Success criteria" section, no Spec Kit `**Checkpoint**` or
`**Independent Test**`, no GSD `**Success Criteria**`. Off by default.

## Why is this bad?
Without criteria, "done" is whatever the last person to tick the box thought it was. Criteria
are what a reviewer (or an assistant) checks the work against before the next phase starts.

## Example
```markdown
## Phase 2: API Integration
- [ ] Task 2.1: Add the `/mfa/verify` endpoint
```
gives

    ROADMAP.md:1:4: SD405 `Phase 2` has no acceptance criteria

Only phases that carry work (tasks or dependencies) or a status are checked, so a plan's
"Phase 0: Research" heading is not asked for criteria.

## How to fix
Add an `Acceptance:` line or an acceptance criteria list to the phase.

## Options
None.

## Silence it
Enable it with `select = ["SD405"]` (or `--select SD405`); silence one with
`<!-- speclint-disable-next-line SD405 -->` before the phase heading.
"""

from __future__ import annotations

from collections.abc import Iterator

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Severity
from speclint.rules.rule import NoOptions, Rule


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    from speclint.specs.roadmap.model import PHASE, UNKNOWN

    roadmap = ctx.roadmap
    checked = set(ctx.checked_spec_paths)
    for node, item in enumerate(roadmap.nodes):
        if item.kind != PHASE or item.acceptance or item.path not in checked:
            continue
        if not (roadmap.children.get(node) or roadmap.depends.get(node) or item.status != UNKNOWN):
            continue
        location = Location(item.path, item.line, item.column, item.line, item.end_column)
        yield Problem(location, f"`{item.label}` has no acceptance criteria", item.label)


RULE = Rule(
    "SD405", "missing-acceptance", Severity.INFO, check=check, doc=__doc__ or "", enabled_by_default=False
)
