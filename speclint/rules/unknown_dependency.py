"""## What it does
Flags a dependency on a phase or task that does not exist: `Depends on: Phase 4` in a roadmap
with three phases, `Blocked by: 2.7` where no task is numbered 2.7, `T004 blocks T099` in a
Spec Kit Dependencies section.

## Why is this bad?
A dependency on nothing is a dependency nobody will wait for. It usually means the roadmap
was renumbered (phases merged, tasks split) and the dependency still points at the old id, so
the order the roadmap promises is no longer the order anyone follows.

## Example
```markdown
## Phase 2: API
Depends on: Phase 1, Task 1.4
```
where Phase 1 has tasks 1.1 to 1.3 gives

    ROADMAP.md:2:22: SD401 unknown dependency `1.4`: no phase or task has this id; did you mean `Task 1.3`?

Dependencies are read only where a roadmap states them: `Depends on:`, `Dependencies:`,
`Blocked by:` and `Requires:` lines, parentheses on a task or phase line (`(after Phase 2)`,
`(depends on 1.2)`), GSD's `**Depends on**:` and sentences in a "Dependencies" section
(`T010 depends on T003`, `Phase 3 depends on Phase 2`, `**Foundational (Phase 2)**: Depends on
T001-T006`). Ids are looked up in the same document, then in its feature folder; another
feature's task is named with the feature: `Depends on: 002-auth:T014`. Words that are not ids
("all user stories", "Python 3.11") and ids of a kind the document never defines (`2.1` in a
roadmap without numbered tasks) are not reported.

## How to fix
Point the dependency at the id the item has now, or remove it if the work was dropped.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD401 -->` on the line before, or `ignore = ["SD401"]` in the
configuration.
"""

from __future__ import annotations

from collections.abc import Iterator

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Severity
from speclint.rules.rule import NoOptions, Rule


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    from speclint.specs.roadmap.ids import display

    checked = set(ctx.checked_spec_paths)
    for unknown in ctx.roadmap.unknown_dependencies:
        if unknown.path not in checked:
            continue
        mention = unknown.mention
        missing = display(unknown.missing)
        what = f"`{missing}`" if not mention.until else f"`{missing}` (in `{mention.text}`)"
        if mention.scope:
            what += f" of `{mention.scope}`"
        message = f"unknown dependency {what}: no phase or task has this id"
        if unknown.hint:
            message += f"; did you mean `{unknown.hint}`?"
        location = Location(unknown.path, mention.line, mention.column, mention.line, mention.end_column)
        yield Problem(location, message, missing)


RULE = Rule("SD401", "unknown-dependency", Severity.ERROR, check=check, doc=__doc__ or "")
