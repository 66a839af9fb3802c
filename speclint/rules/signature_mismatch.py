"""## What it does
Flags a call form written in a spec, such as `validateCode(userId, code)`, whose parameters
disagree with the definition in the code: a different count, or different names.

## Why is this bad?
Specs written for AI assistants spell out interfaces. When the code's parameters change and the
spec keeps the old list, the next change is built against the wrong contract.

## Example
```markdown
- [x] Define `validateCode(userId, code)` in `src/auth/mfa.py`
```
when the code says `def validateCode(user_id, code, now):`

    specs/mfa.md:1:14: SD104 `validateCode(userId, code)` does not match the definition `validateCode(user_id, code, now)` at src/auth/mfa.py:12: 2 parameters written, 3 required

Compared: parameter names (case and `_` ignored, so `userId` matches `user_id`) and count.
Ignored: `self`, `cls`, `this` and receivers, types, default values; parameters with defaults may
be left out; variadic parameters take any number. `f()` with empty parentheses means "a function",
never "no parameters". Arguments that are literals (`f("x", 3)`) are not compared. With several
definitions (overloads), one that matches is enough.

## How to fix
Update the spec's parameter list to the code's, or the code to the spec's.

## Options
None.

## Silence it
`<!-- speclint-disable-next-line SD104 -->` on the line before, or `ignore = ["SD104"]` in the
configuration.
"""

from __future__ import annotations

from collections.abc import Iterator

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Related, Severity
from speclint.rules.rule import NoOptions, Rule
from speclint.symbols.extract import Param
from speclint.symbols.resolve import FOUND


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    for ref, res in ctx.symbol_resolutions.items():
        if res.status != FOUND or ref.args is None or not ref.comparable:
            continue
        callables = [d for d in res.definitions if d.symbol.params is not None]
        if res.tied:
            callables = [d for d in callables if d.path in res.tied] or callables
        if not callables:
            continue
        verdicts = [(d, disagreement(ref.args, d.symbol.params or ())) for d in callables]
        if any(reason is None for _, reason in verdicts):
            continue
        definition, reason = verdicts[0]
        params = ", ".join(p.name for p in definition.symbol.params or ())
        pos = ref.position
        written = f"{ref.qualified}({', '.join(a.split()[0] for a in ref.args)})"
        yield Problem(
            Location(ref.spec, pos.line, pos.column, pos.end_line, pos.end_column),
            f"`{written}` does not match the definition `{definition.symbol.name}({params})` "
            f"at {definition.path}:{definition.symbol.line}: {reason}",
            ref.qualified,
            (Related(definition.path, definition.symbol.line, "defined here"),),
        )


def disagreement(args: tuple[str, ...], params: tuple[Param, ...]) -> str | None:
    """Why a written argument list disagrees with a parameter list, or None when it agrees."""
    args = tuple(a for a in args if a.split()[-1] not in ("self", "cls", "this", "&self", "&mut"))
    required = [p for p in params if not p.optional and not p.variadic]
    variadic = any(p.variadic for p in params)
    names = [p.name for p in params]
    if len(args) < len(required):
        if not _prefix(args, names) and all(any(_same(w, n) for w in a.split() for n in names) for a in args):
            return None  # `f(threshold)`: the spec points at one parameter, not the whole list
        return f"{len(args)} parameter{'s' if len(args) != 1 else ''} written, {len(required)} required"
    if len(args) > len(params) and not variadic:
        return f"{len(args)} parameters written, the definition takes {len(params)}"
    for written, param in zip(args, params):
        if param.variadic:
            break
        if not _named(param.name):
            continue  # `{ from, to }`, `_`, an unnamed `int`: any name the spec writes fits
        if not any(_same(word, param.name) for word in written.split()):
            return f"`{written.split()[0]}` is written where the definition has `{param.name}`"
    return None


def _named(name: str) -> bool:
    return name.isidentifier() and name != "_" and name not in ("int", "char", "bool", "float", "double", "long")


def _prefix(args: tuple[str, ...], names: list[str]) -> bool:
    return all(any(_same(w, n) for w in a.split()) for a, n in zip(args, names))


def _same(a: str, b: str) -> bool:
    """The same name up to case, `_` and a qualifying prefix or suffix (`timer`/`timerId`)."""
    x = a.replace("_", "").lower().lstrip("$")
    y = b.replace("_", "").lower().lstrip("$")
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= 3 and (long.startswith(short) or long.endswith(short))


RULE = Rule("SD104", "signature-mismatch", Severity.WARNING, check=check, doc=__doc__ or "")
