"""## What it does
In a change set (`--staged`, `--base`, `--commits`, `--pre-push`), flags a changed code file
that a spec covers when none of its covering specs changed in the same change set. The finding
sits on the first changed line and names the spec(s) to update.

## Why is this bad?
Code that a spec describes moved on while the spec stayed put: the next person, or AI
assistant, that builds from the spec builds against the old contract. Changing both in one
commit or pull request is the habit that keeps them in step.

## Example
`specs/auth.md` says "`verify(token)` checks a session token"; a commit changes the code to

```python
def verify(token, audience):
```

and leaves the spec alone, giving

    src/auth.py:12:1: SD301 `src/auth.py` changes `verify` (signature), which `specs/auth.md` covers, and the staged changes leave that spec untouched; update it, or add the trailer `Spec-Impact: none`

A spec covers a file it names, the symbols it names (where they are defined), the globs of its
`covers:` front matter or `<!-- speclint: covers src/auth/** -->` comments, code that a
`[[tool.speclint.map]]` entry maps to it, and code whose comments point at it
(`# spec: specs/auth.md`). A checkbox task that names a file or symbol (`- [x] Create
src/auth.py`) records work done or planned on it and does not cover it. A class (or other
container) counts as changed when a member is added, removed or re-signed, not when only a
member's body changes. Never counted: comment-, whitespace- and docstring-only edits, test
files, and files that are not code. Not raised by a plain `speclint check` (there is no change
set), nor when adding what a spec names (implementing it is the spec-driven order).

## How to fix
Update the covering spec in the same commit or pull request. When the change truly needs no
spec update, say so in the commit message with the trailer `Spec-Impact: none`: it waives this
rule for the files that commit touches (`--commit-msg-file` supplies the message of the commit
being made, as the `speclint-commit-msg` hook does).

## Options
- `level` (default `"symbol"`): what counts as a change. `"symbol"`: a referenced symbol's
  signature or body changed, or a file referenced as a whole or under a `covers:` glob changed;
  `"signature"`: only signatures of referenced symbols (removals count); `"file"`: any change
  to a covered file.
- `trailer` (default `"Spec-Impact"`): the commit-message trailer whose value `none` waives it.
- `test-files` (default: the usual test layouts of each language, such as `tests/**`,
  `**/test_*.py`, `**/*_test.go`, `**/*.test.ts`, `**/*Test.java`): changes here never count.
- `extend-test-files` (default `[]`): more test globs, added to `test-files`.

## Silence it
`Spec-Impact: none` in the commit message, `ignore = ["SD301"]` in the configuration, or
`[rules.SD301] severity = "off"`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from speclint import coverage
from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import Rule


@dataclass(frozen=True)
class Options:
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {"level": coverage.LEVELS}

    level: str = "symbol"
    trailer: str = "Spec-Impact"
    test_files: tuple[str, ...] = coverage.DEFAULT_TEST_FILES
    extend_test_files: tuple[str, ...] = ()


def check(ctx: CheckContext, options: Options) -> Iterator[Problem]:
    change_set = ctx.change_set
    if change_set is None:
        return
    touched_specs = change_set.new_paths | change_set.old_paths
    for code in ctx.code_changes((*options.test_files, *options.extend_test_files)):
        covers = coverage.covering_specs(ctx, ctx.base_context, code, options.level)
        specs = sorted({c.spec for c in covers})
        if not specs or touched_specs & set(specs) or change_set.waiver_for(code.change) is not None:
            continue
        first = {}
        for cover in sorted(covers, key=lambda c: not c.symbol):
            first.setdefault(cover.spec, cover)
        what = _what(code, covers)
        names = ", ".join(f"`{s}`" for s in specs[:3]) + (f" and {len(specs) - 3} more" if len(specs) > 3 else "")
        which = "that spec" if len(specs) == 1 else "those specs"
        line = change_set.first_changed_line(code.path) if code.change.new_path else 1
        yield Problem(
            Location(code.path, line, 1, line, 1),
            f"`{code.path}` {what}, which {names} {'covers' if len(specs) == 1 else 'cover'}, and "
            f"{change_set.label} leave {which} untouched; update {'it' if len(specs) == 1 else 'them'}, "
            f"or add the trailer `{options.trailer}: none`",
            code.path,
            tuple(Related(c.spec, c.line, f"covers it: {c.why}") for c in first.values()),
        )


def _what(code: coverage.CodeChange, covers: list[coverage.Cover]) -> str:
    named = sorted({c.symbol for c in covers if c.symbol})
    if named:
        hows = {s.qualified: s.how for s in code.symbols}
        parts = [f"`{q}` ({hows[q]})" for q in named[:3]]
        more = f" and {len(named) - 3} more" if len(named) > 3 else ""
        return "changes " + ", ".join(parts) + more
    if code.change.status == "D":
        return "is deleted"
    if code.change.status == "R":
        return f"is renamed from `{code.change.old_path}`"
    if code.change.status == "A":
        return "is added"
    return "changes"


RULE = Rule("SD301", "unspecced-change", Severity.ERROR, check=check, doc=__doc__ or "", options=Options)
