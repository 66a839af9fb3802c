"""## What it does
Flags two phases, tasks or requirements in one document that share an id: two `T012` tasks,
two `## Phase 3` headings in the same list of phases, two acceptance criteria numbered `2.`
under one Kiro requirement (both would be `N.2`).

## Why is this bad?
A dependency on `T012` or a citation of requirement `4.2` can then mean either one, and
whichever speclint (or a reader) picks, the other is silently ignored. Duplicates usually come
from a copied block or a renumbering that stopped halfway.

## Example
```markdown
- [ ] T012 Create the User model in src/models/user.py
- [ ] T012 Add the login endpoint in src/api/login.py
```
gives

    specs/001-auth/tasks.md:2:7: SD406 `T012` is already defined at line 1

Not reported: an item written twice as the same item — a GSD summary checklist entry and its
`### Phase N` section, a bold phase line and its heading, a verification checklist that repeats
task ids with similar wording — and phase lists under different headings ("Implementation" and
"Rollout" may both have a Phase 1; dependencies on such an id are then not resolved), and a
heading struck through (`## ~~Phase 17: Accounts~~ deferred`), which withdraws its id.

## How to fix
Renumber one of them, and update whatever depends on or cites the old id.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD406 -->` on the line before the second definition, or
`ignore = ["SD406"]` in the configuration.
"""

from __future__ import annotations

from collections.abc import Iterator

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import NoOptions, Rule


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    from speclint.specs.roadmap.model import REQUIREMENT

    checked = set(ctx.checked_spec_paths)
    for path, plan in ctx.roadmap.plans.items():
        if path not in checked:
            continue
        for duplicate in plan.duplicates:
            item, first = duplicate.item, duplicate.first
            location = Location(path, item.line, item.column, item.line, item.end_column)
            noun = "requirement " if item.kind == REQUIREMENT and item.label[:1].isdigit() else ""
            message = f"{noun}`{item.label}` is already defined at line {first.line}"
            yield Problem(location, message, item.label, (Related(path, first.line, "first definition"),))


RULE = Rule("SD406", "duplicate-id", Severity.ERROR, check=check, doc=__doc__ or "")
