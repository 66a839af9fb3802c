"""## What it does
Flags a requirement id that is cited but defined nowhere: a Kiro task's `_Requirements: 9.9_`
when requirement 9 has criteria 9.1 to 9.4, a Spec Kit task labelled `[US4]` in a feature whose
spec has three user stories, a GSD phase's `**Requirements**: AUTH-07`, or a code comment
`// @spec FR-099` that no spec defines.

## Why is this bad?
Traceability only works while the ids line up. A citation of a requirement that does not exist
means the requirements were renumbered or removed and the tasks (or the code) still claim to
implement the old ones, so nobody can tell which requirement the work really satisfies.

## Example
```markdown
- [x] 2.1 Implement code expiry
  - _Requirements: 1.2, 9.9_
```
where `requirements.md` has no requirement 9 gives

    .kiro/specs/mfa/tasks.md:2:25: SD501 requirement `9.9` is not defined in `.kiro/specs/mfa`

Citations are read only in explicit places: Kiro's `_Requirements: …_` (with ranges such as
`1.1–1.7`), `**Validates: Requirements …**`, `Requirements:` lines, and the `[US1]` labels and
`FR-001`-style ids on Spec Kit task lines. Requirements are defined by Kiro's numbered
acceptance criteria under `### Requirement N`, by `**FR-001**:`-style entries, by `### User
Story N` headings and by GSD's `- [ ] **AUTH-01**:` lists. A citation is only reported when its
feature defines requirements of the same kind (`FR-…`, numbered, user stories), so a feature
without a requirements file is never flooded. A code comment id is reported only when no spec
mentions it at all; a comment naming a spec file and anchor is SD503's.

## How to fix
Cite the requirement's current id, or drop the citation if the requirement is gone.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD501 -->` on the line before, or `ignore = ["SD501"]` in the
configuration.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import methodcaller

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Severity
from speclint.rules.rule import NoOptions, Rule


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    roadmap = ctx.roadmap
    checked = set(ctx.checked_spec_paths)
    for unknown in roadmap.unknown_citations:
        if unknown.path not in checked:
            continue
        mention = unknown.mention
        what = f"`{unknown.missing}`" if not mention.until else f"`{unknown.missing}` (in `{mention.text}`)"
        feature = roadmap.plans[unknown.path].feature
        message = f"requirement {what} is not defined in `{feature}`"
        if unknown.hint:
            message += f"; did you mean `{unknown.hint}`?"
        location = Location(unknown.path, mention.line, mention.column, mention.line, mention.end_column)
        yield Problem(location, message, unknown.missing)
    yield from _code_citations(ctx)


def _code_citations(ctx: CheckContext) -> Iterator[Problem]:
    from speclint.specs.roadmap import ids
    from speclint.specs.roadmap.graph import resolve_requirement

    roadmap = ctx.roadmap
    work = {item.key for item in roadmap.nodes if not item.anonymous}
    for link in roadmap.code_links:
        if not link.id or not under_paths(ctx, link.path):
            continue
        key = ids.single_key(link.id, reqs=True) or link.id
        if resolve_requirement(roadmap, key) or key in work or _mentioned(ctx, link.id):
            continue
        location = Location(link.path, link.line, link.column, link.line, link.end_column)
        yield Problem(location, f"`{link.id}` is not defined in any spec", link.id)


def _mentioned(ctx: CheckContext, word: str) -> bool:
    """Does any spec mention the id at all (in a form speclint does not read as a definition)?"""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return any(pattern.search(spec.document.text) for spec in ctx.specs.values())


def under_paths(ctx: CheckContext, path: str) -> bool:
    """Is a code file among the PATHS the check was asked about (all of them when none were given)?"""
    return not ctx.only or any(o in ("", ".") or path == o or path.startswith(o.rstrip("/") + "/") for o in ctx.only)


RULE = Rule(
    "SD501", "unknown-requirement", Severity.ERROR, check=check, doc=__doc__ or "",
    prefetch=methodcaller("start_code_links"),
)
