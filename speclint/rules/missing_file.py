"""## What it does
Flags a spec that names a repository path (in backticks, as a link, or written plainly in a
list item, paragraph or table) that git does not track, and says what the file most likely
became.

## Why is this bad?
A spec that points at a file which no longer exists sends readers, and the AI assistants that
build from the spec, to the wrong place. Renames are the usual cause: the code moved on and the
spec did not.

## Example
```markdown
- [x] Task 1.1: Create `src/services/MFAService.ts`
```
after `git mv src/services/MFAService.ts src/services/mfa.ts` gives

    specs/mfa.md:1:26: SD101 `src/services/MFAService.ts` is not a tracked file; it was renamed to `src/services/mfa.ts` in 1a2b3c4

A path is reported when git history shows it renamed or deleted, or when its own folder exists
(a file went missing from it); short paths (`src/x.py`) and paths in task lines need only their
first folder to exist. Not reported: URLs, commands, globs, placeholders (`src/<name>.py`,
`path/to/file`), paths under folders this repository does not have (`crypto/rand`, vendored or
other projects' layouts), bare file names git has never seen, files `.gitignore` or `exclude`
match (generated or tool-owned), files named by an open task (`- [ ] Create src/x.py`: planned,
in that feature) unless history shows them renamed or deleted, files in a feature whose
`tasks.md` has no task done yet, removal, move and rename instructions ("Remove `src/old.py`",
"`a.py` → `b.py`", struck-through text), alternatives where one exists ("`a.toml` or `b.ini`"),
notes that the file was not made ("- Built-in to the library", "(skipped)"), and prose that
calls it planned, generated or an example ("will create", "persisted to", "e.g.").

## How to fix
Update the spec to the file's new path, or remove the reference if the file is gone for good.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD101 -->` on the line before, or `ignore = ["SD101"]` in the
configuration.
"""

from __future__ import annotations

from collections.abc import Iterator

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.resolve import HISTORY, MISSING, OUTSIDE
from speclint.rules.rule import NoOptions, Rule
from speclint.specs.markdown import Position
from speclint.specs.references import FILE


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    from speclint.specs.roadmap.artifacts import is_missing_artifact

    # A path an open task plans to create is planned everywhere in that feature's specs.
    planned = {
        (ctx.feature_folder(ref.spec), ctx.resolutions[ref].path)
        for ref in ctx.references
        if ref.kind == FILE and ref.planned
    }
    candidates = []
    for ref, res in ctx.resolutions.items():
        if ref.kind != FILE or res.status not in (MISSING, OUTSIDE):
            continue
        # A done task's own file that never existed is SD404 done-missing-artifact's finding.
        if is_missing_artifact(ctx.specs[ref.spec].document, ref, res):
            continue
        # Git history saying the file was renamed or deleted outweighs "planned": that is drift.
        if res.how != HISTORY and (ref.planned or (ctx.feature_folder(ref.spec), res.path) in planned):
            continue
        if ctx.excuse(ref):
            continue
        candidates.append((ref, res))
    generated = ctx.ignored([res.path for _, res in candidates if res.status == MISSING])
    for ref, res in candidates:
        if res.path in generated:
            continue
        yield missing_path_problem(ctx, ref.spec, ref.text, res.path, res.status, ref.position)


def missing_path_problem(
    ctx: CheckContext, spec: str, text: str, path: str, status: str, position: Position
) -> Problem:
    location = Location(spec, position.line, position.column, position.end_line, position.end_column)
    if status == OUTSIDE:
        return Problem(location, f"`{text}` points outside the repository; only tracked files can be referenced", path)
    hint, related = likely_fix(ctx, path)
    message = f"`{text}` is not a tracked file"
    if hint:
        message += f"; {hint}"
    return Problem(location, message, path, related)


def likely_fix(ctx: CheckContext, path: str) -> tuple[str, tuple[Related, ...]]:
    """What a missing path most likely became: a rename git knows, else close matches."""
    fate = ctx.resolver.fate(path)
    if fate is not None:
        new, commit = fate
        if new is not None:
            return f"it was renamed to `{new}` in {commit}", (Related(new, 1, f"`{path}` renamed here in {commit}"),)
        return f"it was deleted in {commit}", ()
    matches = ctx.resolver.close_matches(path)
    if not matches:
        return "", ()
    return f"did you mean `{matches[0]}`?", tuple(Related(m, 1, "similar tracked file") for m in matches)


RULE = Rule("SD101", "missing-file", Severity.ERROR, check=check, doc=__doc__ or "")
