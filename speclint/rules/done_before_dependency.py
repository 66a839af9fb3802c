"""## What it does
Flags an item marked done while something it depends on is still open: Phase 3 checked off
while Phase 2, its prerequisite, has open tasks; `T010` checked while `T003`, which it depends
on, is not; or a task checked in a phase whose prerequisite phase is still open (reported
once per phase, on its first done task).

## Why is this bad?
Either the prerequisite is really finished and its box was never ticked, or the later work was
built on something that does not exist yet. Both mean the roadmap no longer tells the truth
about where the project stands, and an assistant planning from it will redo or skip work.

## Example
```markdown
## Phase 1: Core
- [x] Task 1.1: Create `src/services/MFAService.ts`
- [ ] Task 1.2: Store codes in Redis

## Phase 2: API
Depends on: Phase 1
- [x] Task 2.1: Add `/mfa/verify` endpoint
```
gives

    ROADMAP.md:5:4: SD403 `Phase 2` is done, but it depends on `Phase 1` (line 1), which is in progress

A phase is done when it is marked so (a checked summary entry, `**Status:** Complete`, ✅) or
when all of its tasks are checked; optional tasks (`- [ ]*`) do not hold a phase open. Items
whose status nothing states are never counted as open.

## How to fix
Tick the prerequisite if it is finished, or untick the later item until it is.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD403 -->` on the line before the done item, or
`ignore = ["SD403"]` in the configuration.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import NoOptions, Rule

if TYPE_CHECKING:
    from speclint.specs.roadmap.graph import Edge, Roadmap


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    from speclint.specs.roadmap.graph import name
    from speclint.specs.roadmap.model import DONE, NOT_DONE

    roadmap = ctx.roadmap
    checked = set(ctx.checked_spec_paths)
    for edge in roadmap.edges:
        if roadmap.status(edge.src) != DONE or roadmap.status(edge.dst) not in NOT_DONE:
            continue
        source = roadmap.nodes[edge.src]
        where = source if source.line else edge.mention
        path = source.path if source.line else edge.path
        if path not in checked:
            continue
        subject = f"`{name(roadmap, edge.src, here=path)}` is {'marked done' if source.status == DONE else 'done'}"
        message = f"{subject}, but it depends on {_prerequisite(roadmap, edge, path)}"
        location = Location(path, where.line, where.column, where.line, where.end_column)
        yield Problem(location, message, source.label, _related(roadmap, edge))
    yield from _done_in_blocked_phase(roadmap, checked)


def _done_in_blocked_phase(roadmap: Roadmap, checked: set[str]) -> Iterator[Problem]:
    """One finding per phase that is under way although a prerequisite is open: on its first done task."""
    from speclint.specs.roadmap.model import DONE, NOT_DONE, PHASE

    waiting: dict[int, list[Edge]] = {}
    for edge in roadmap.edges:
        phase = roadmap.nodes[edge.src]
        if phase.kind != PHASE or roadmap.status(edge.src) == DONE or roadmap.status(edge.dst) not in NOT_DONE:
            continue
        if edge.dst not in _tasks_under(roadmap, edge.src):
            waiting.setdefault(edge.src, []).append(edge)
    for node, edges in waiting.items():
        done = [n for n in _tasks_under(roadmap, node) if roadmap.status(n) == DONE]
        if not done:
            continue
        task = roadmap.nodes[min(done, key=lambda n: roadmap.nodes[n].line)]
        if task.path not in checked:
            continue
        label = task.label or "this task"
        prerequisites = " and ".join(_prerequisite(roadmap, edge, task.path, status=False) for edge in edges)
        statuses = {roadmap.status(edge.dst) for edge in edges}
        status = statuses.pop().replace("-", " ") if len(statuses) == 1 else "not done"
        verb = "is" if len(edges) == 1 else "are"
        message = (
            f"`{label}` is marked done, but its phase `{roadmap.nodes[node].label}` depends on "
            f"{prerequisites}, which {verb} {status}"
        )
        location = Location(task.path, task.line, task.column, task.line, task.end_column)
        related = tuple(r for edge in edges for r in _related(roadmap, edge))
        yield Problem(location, message, roadmap.nodes[node].label, related)


def _tasks_under(roadmap: Roadmap, node: int) -> list[int]:
    from speclint.specs.roadmap.model import TASK

    found, pending = [], list(roadmap.children.get(node, ()))
    while pending:
        current = pending.pop()
        if roadmap.nodes[current].kind == TASK:
            found.append(current)
            pending.extend(roadmap.children.get(current, ()))
    return found


def _prerequisite(roadmap: Roadmap, edge: Edge, here: str, *, status: bool = True) -> str:
    from speclint.specs.roadmap.graph import name

    target = roadmap.nodes[edge.dst]
    where = f" (line {target.line})" if target.path == here and target.line else ""
    named = f"`{name(roadmap, edge.dst, here=here)}`{where}"
    return f"{named}, which is {roadmap.status(edge.dst).replace('-', ' ')}" if status else named


def _related(roadmap: Roadmap, edge: Edge) -> tuple[Related, ...]:
    target = roadmap.nodes[edge.dst]
    if not target.line:
        return ()
    return (Related(target.path, target.line, f"{target.label} is {roadmap.status(edge.dst).replace('-', ' ')}"),)


RULE = Rule("SD403", "done-before-dependency", Severity.ERROR, check=check, doc=__doc__ or "")
