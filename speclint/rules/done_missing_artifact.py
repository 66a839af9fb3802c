"""## What it does
Flags a task that is checked off although the file it says it creates is not tracked and never
was: `- [x] Create src/models/user.py`, or Spec Kit's `- [X] T012 [US1] Create User model in
src/models/user.py`.

## Why is this bad?
A done task whose deliverable does not exist is a false claim of progress. The roadmap says
the work is finished; the repository says it never happened (or happened under another name
the task does not mention). Whoever plans the next step from the roadmap builds on a gap.

## Example
```markdown
- [x] T012 [P] [US1] Create User model in src/models/user.py
```
with no `src/models/user.py` in git gives

    specs/001-auth/tasks.md:1:43: SD404 `T012` is marked done, but its file `src/models/user.py` is not tracked; did you mean `src/models/users.py`?

Only files the task itself makes count: a creating verb before the path (create, add,
implement, write, scaffold, generate…) or Spec Kit's closing `in <path>`. A file that git
history shows was renamed or deleted after the task was done is drift, reported by SD101
(missing-file) with the rename. Not reported: files the task plans, removes or notes as not
made, git-ignored (generated) files, and tasks with a note after the fact that says where the
work went (`… in src/MainPane.tsx - Synchronized in App.tsx`); a note that the work is not done
(`- Not yet implemented`) does not excuse a ticked box.

## How to fix
Commit the file, correct the path in the task, or untick the task if the work is not done.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD404 -->` on the line before, or `ignore = ["SD404"]` in the
configuration.
"""

from __future__ import annotations

from collections.abc import Iterator

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Severity
from speclint.rules.missing_file import likely_fix
from speclint.rules.rule import NoOptions, Rule
from speclint.specs.references import Reference


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    from speclint.specs.roadmap.artifacts import explained, is_missing_artifact

    candidates = []
    for ref, res in ctx.resolutions.items():
        spec = ctx.specs.get(ref.spec)
        if spec is None or not is_missing_artifact(spec.document, ref, res):
            continue
        if ctx.excuse(ref) or explained(spec.document, ref):
            continue
        candidates.append((ref, res))
    generated = ctx.ignored([res.path for _, res in candidates])
    for ref, res in candidates:
        if res.path in generated:
            continue
        hint, related = likely_fix(ctx, res.path)
        message = f"{_task(ctx, ref)} is marked done, but its file `{ref.text}` is not tracked"
        pos = ref.position
        location = Location(ref.spec, pos.line, pos.column, pos.end_line, pos.end_column)
        yield Problem(location, f"{message}; {hint}" if hint else message, res.path, related)


def _task(ctx: CheckContext, ref: Reference) -> str:
    """The id of the checked task that names the file, or "this task" when it has none."""
    plan = ctx.roadmap.plans.get(ref.spec)
    document = ctx.specs[ref.spec].document
    blocks: list[int] = []
    current: int | None = ref.block
    while current is not None:
        blocks.append(current)
        current = document.block(current).parent
    if plan is not None:
        for block in blocks:
            for item in plan.items:
                if item.block == block and item.label and not item.anonymous:
                    return f"`{item.label}`"
    return "this task"


RULE = Rule("SD404", "done-missing-artifact", Severity.WARNING, check=check, doc=__doc__ or "")
