"""Inline suppressions written in a spec.

- `<!-- speclint-disable-next-line SD101 -- reason -->`: the line after the comment;
- `<!-- speclint-disable-line SD101 -->`: the comment's own line;
- `<!-- speclint-disable SD203 -->` … `<!-- speclint-enable -->`: a region (to the end if open);
- front matter `speclint: {ignore: [SD101]}`: the whole file.
No codes means every rule. Codes may be full codes, prefixes (`SD1`) or rule names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from speclint.specs.markdown import Comment

_DIRECTIVE = re.compile(r"^speclint-(disable-next-line|disable-line|disable|enable)\b(.*)$", re.S)


class Scope(NamedTuple):
    selectors: tuple[str, ...]  # empty: every rule
    first: int
    last: int

    def covers(self, code: str, name: str, line: int) -> bool:
        if not self.first <= line <= self.last:
            return False
        return not self.selectors or any(_matches(s, code, name) for s in self.selectors)


@dataclass(frozen=True)
class Suppressions:
    scopes: tuple[Scope, ...] = field(default_factory=tuple)

    def suppresses(self, code: str, name: str, line: int) -> bool:
        return any(scope.covers(code, name, line) for scope in self.scopes)


def _matches(selector: str, code: str, name: str) -> bool:
    return code.startswith(selector.upper()) or selector.lower() == name


def _selectors(text: str) -> tuple[str, ...]:
    text = text.split("--", 1)[0]
    return tuple(t for t in re.split(r"[\s,]+", text.strip()) if t)


def parse(comments: Iterable[Comment], file_ignores: Iterable[str] = ()) -> Suppressions:
    scopes: list[Scope] = []
    ignores = tuple(file_ignores)
    if ignores:
        scopes.append(Scope(ignores, 1, 1 << 30))
    open_regions: list[tuple[tuple[str, ...], int]] = []
    for comment in comments:
        match = _DIRECTIVE.match(comment.body)
        if not match:
            continue
        kind, selectors = match.group(1), _selectors(match.group(2))
        if kind == "disable-next-line":
            scopes.append(Scope(selectors, comment.end_line + 1, comment.end_line + 1))
        elif kind == "disable-line":
            scopes.append(Scope(selectors, comment.line, comment.end_line))
        elif kind == "disable":
            open_regions.append((selectors, comment.line))
        else:
            remaining = []
            for region, start in open_regions:
                if not selectors or set(region) & set(selectors):
                    scopes.append(Scope(region, start, comment.line))
                else:
                    remaining.append((region, start))
            open_regions = remaining
    scopes.extend(Scope(region, start, 1 << 30) for region, start in open_regions)
    return Suppressions(tuple(scopes))
