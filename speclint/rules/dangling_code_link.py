"""## What it does
Flags a comment in code that links to a spec which is not there: `# spec: specs/auth.md#mfa`
where `specs/auth.md` is not tracked or has no heading `mfa`, or `// @spec specs/001-auth/spec.md#FR-009`
where that spec defines no `FR-009`.

## Why is this bad?
Links from code back to the spec are how a reviewer finds the contract a function implements.
A dangling one sends them to nothing, and usually means the spec was renamed, split or
re-headed without updating its callers in the code.

## Example
```python
def verify(code: str) -> bool:  # spec: specs/auth.md#code-expiry
```
where the heading is now "Code expiry window" gives

    src/auth/mfa.py:1:41: SD503 `specs/auth.md#code-expiry`: `specs/auth.md` has no heading or id `code-expiry`; did you mean `#code-expiry-window`?

Only comments are read (a `#`, `//`, `/*`, `*`, `--`, `;` or `<!--` right before `spec:` or
`@spec`), found with one `git grep` over tracked files; paths are tried relative to the code
file, then to the repository root (also without leading `../`, as spec links are); a missing
file is reported only when its folder exists here (`specs/auth.md` in a repository without a
`specs/` folder is another project's layout, or an example). Anchors follow GitHub's heading slugs; an id the spec defines
(`FR-009`, `T012`, `1.2`) counts as an anchor too. A bare id (`// @spec FR-099`) that no spec
defines is SD501's.

## How to fix
Point the comment at the spec's current path and heading.

## Options
None.

## Silence it
`ignore = ["SD503"]` in the configuration, or a per-file ignore; inline suppression comments
work in specs only.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from operator import methodcaller
from typing import TYPE_CHECKING

from speclint.context import CheckContext
from speclint.findings import Location, Problem, Severity
from speclint.rules.missing_file import likely_fix
from speclint.rules.rule import NoOptions, Rule

if TYPE_CHECKING:
    from speclint.specs.roadmap.code_links import CodeLink
from speclint.rules.unknown_requirement import under_paths


def check(ctx: CheckContext, options: NoOptions) -> Iterator[Problem]:
    import difflib

    for link in ctx.roadmap.code_links:
        if not link.target or not under_paths(ctx, link.path):
            continue
        location = Location(link.path, link.line, link.column, link.line, link.end_column)
        target = _resolve(ctx, link)
        if target is None:
            path = posixpath.normpath(link.target.lstrip("/"))
            if not _in_known_folder(ctx, link, path):
                continue  # another project's layout, or an example: not surely this repository's spec
            hint, related = likely_fix(ctx, path)
            message = f"`{link.text}`: `{link.target}` is not a tracked file"
            yield Problem(location, f"{message}; {hint}" if hint else message, path, related)
            continue
        if not link.anchor:
            continue
        known = _anchors(ctx, target)
        anchor = link.anchor.lower().removeprefix("user-content-")
        if anchor in known:
            continue
        close = difflib.get_close_matches(anchor, sorted(known), n=1, cutoff=0.6)
        message = f"`{link.text}`: `{target}` has no heading or id `{link.anchor}`"
        yield Problem(location, message + (f"; did you mean `#{close[0]}`?" if close else ""), link.text)


def _resolve(ctx: CheckContext, link: CodeLink) -> str | None:
    here = posixpath.dirname(link.path)
    stripped = link.target
    while stripped.startswith("../"):
        stripped = stripped[3:]  # a link off by a folder still means the file at the root
    for candidate in (posixpath.join(here, link.target), link.target.lstrip("/"), stripped):
        path = posixpath.normpath(candidate)
        if path in ctx.snapshot.entries:
            return path
    return None


def _in_known_folder(ctx: CheckContext, link: CodeLink, path: str) -> bool:
    """Does the link point into a folder this repository has (so the file is surely missing)?"""
    folders = ctx.snapshot.directories
    here = posixpath.dirname(link.path)
    for candidate in (path, posixpath.normpath(posixpath.join(here, link.target))):
        parent = posixpath.dirname(candidate)
        if parent in folders or (not parent and not candidate.startswith("..")):
            return True
    return False


def _anchors(ctx: CheckContext, path: str) -> set[str]:
    doc = ctx.document(path)
    found = {a.lower() for a in doc.anchors} if doc is not None else set()
    plan = ctx.roadmap.plans.get(path)
    if plan is not None:
        for item in plan.items:
            if not item.anonymous:
                found.update({item.key.lower(), item.label.lower(), item.label.lower().replace(" ", "-")})
    return found


RULE = Rule(
    "SD503", "dangling-code-link", Severity.ERROR, check=check, doc=__doc__ or "",
    prefetch=methodcaller("start_code_links"),
)
