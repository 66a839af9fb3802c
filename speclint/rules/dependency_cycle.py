"""## What it does
Flags roadmap dependencies that go round in a circle: Phase 2 depends on Phase 3, which
depends on Phase 2. Each cycle is reported once, on the first dependency of the cycle in the
document, with the whole cycle spelled out.

## Why is this bad?
Nothing in a cycle can ever start: each item waits for another that waits for it. A cycle is
almost always a typo or a dependency written the wrong way round (`T004 blocks T007` where
`T007 blocks T004` was meant).

## Example
```markdown
## Phase 2: API
Depends on: Phase 3

## Phase 3: UI
Depends on: Phase 2
```
gives

    ROADMAP.md:2:13: SD402 dependency cycle: `Phase 2` → `Phase 3` → `Phase 2`

## How to fix
Remove the dependency that points backwards, or split the item that both sides need.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD402 -->` on the line before the reported dependency, or
`ignore = ["SD402"]` in the configuration.
"""

from __future__ import annotations

from collections.abc import Iterator

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import NoOptions, Rule


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    from speclint.specs.roadmap.analysis import cycles
    from speclint.specs.roadmap.graph import name

    roadmap = ctx.roadmap
    checked = set(ctx.checked_spec_paths)
    for cycle in cycles(roadmap):
        first = cycle.edges[0]
        if first.path not in checked:
            continue
        names = [name(roadmap, node, here=first.path) for node in (*cycle.nodes, cycle.nodes[0])]
        mention = first.mention
        location = Location(first.path, mention.line, mention.column, mention.line, mention.end_column)
        related = tuple(
            Related(
                edge.path,
                edge.mention.line,
                f"{name(roadmap, edge.src, here=edge.path)} depends on {name(roadmap, edge.dst, here=edge.path)}",
            )
            for edge in cycle.edges[1:]
        )
        yield Problem(location, "dependency cycle: " + " → ".join(f"`{n}`" for n in names), names[0], related)


RULE = Rule("SD402", "dependency-cycle", Severity.ERROR, check=check, doc=__doc__ or "")
