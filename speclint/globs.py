"""Gitignore-style glob patterns over repo-relative POSIX paths, compiled to linear regexes.

`*` matches within one path segment, `**` any number of segments, `?` one character, `[…]` a
class. A pattern without `/` matches a file name at any depth; a trailing `/` means "everything
below". Patterns are translated, never evaluated, and compiled so a crafted one cannot backtrack badly.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass


def translate(pattern: str) -> str:
    pat = pattern.strip()
    if pat.startswith("./"):
        pat = pat[2:]
    anchored = "/" in pat.rstrip("/")
    pat = pat.lstrip("/")
    if pat.endswith("/"):
        pat += "**"
    parts: list[str] = []  # wildcards (STAR, DEEP, ANY) and fixed regex pieces, in order
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            if parts[-1:] != [DEEP]:  # `**/**/` is `**/`
                parts.append(DEEP)
            i += 3
        elif pat.startswith("/**", i) and i + 3 == len(pat):
            parts.append("(?:/.*)?")
            i += 3
        elif pat.startswith("**", i):
            parts.append(ANY)
            i += 2
        elif c == "*":
            if parts[-1:] != [STAR]:  # `a**b` aside, `**` is handled above; `*` runs are one `*`
                parts.append(STAR)
            i += 1
        elif c == "?":
            parts.append("[^/]")
            i += 1
        elif c == "[":
            end = pat.find("]", i + 2)
            if end == -1:
                parts.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                parts.append(f"[{body}]")
                i = end + 1
        else:
            parts.append(re.escape(c))
            i += 1
    # Like gitignore, a pattern naming a folder covers everything below it.
    body = _join(parts) + "(?:/.*)?"
    return body if anchored else f"(?:[^/]*/)*{body}"


STAR, DEEP, ANY = "[^/]*", "(?:[^/]*/)*", ".*"
_LAZY = {STAR: "[^/]*?", DEEP: "(?:[^/]*/)*?", ANY: ".*?"}


def _join(parts: list[str]) -> str:
    """The regex of a translated pattern, linear to match.

    `*a*a*a*b` or `**/a/**/a/**/b` as plain regexes backtrack polynomially (a crafted pattern ran
    for minutes on one path). Between two wildcards of the same kind, the leftmost match of the
    fixed piece is always a right one (the next wildcard absorbs any gap), so that step is an
    atomic group around a lazy wildcard: git's own wildmatch makes the same choice.
    """
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part in _LAZY:
            j = i + 1
            while j < len(parts) and parts[j] not in (STAR, DEEP, ANY):
                j += 1
            fixed = "".join(parts[i + 1 : j])
            same_next = j < len(parts) and parts[j] == part
            # Between `**/`s the piece must end a folder name, so the gap is whole folders.
            if same_next and fixed and (part != DEEP or fixed.endswith("/")):
                out.append(_atomic(f"{_LAZY[part]}{fixed}"))
                i = j
                continue
        out.append(part)
        i += 1
    return "".join(out)


_GROUPS = itertools.count()


def _atomic(body: str) -> str:
    """An atomic group: matched once, never backtracked into."""
    if sys.version_info >= (3, 11):
        return f"(?>{body})"
    # Python 3.10 has no `(?>…)`; a lookahead's match captured and then re-read is the same.
    name = f"a{next(_GROUPS)}"
    return f"(?=(?P<{name}>{body}))(?P={name})"


@dataclass(frozen=True)
class GlobSet:
    patterns: tuple[str, ...]

    def __post_init__(self) -> None:
        joined = "|".join(f"(?:{translate(p)})" for p in self.patterns) or "(?!)"
        object.__setattr__(self, "_regex", re.compile(f"(?:{joined})\\Z", re.DOTALL))

    def match(self, path: str) -> bool:
        return self._regex.match(path) is not None  # type: ignore[attr-defined]

    def filter(self, paths: Iterable[str]) -> list[str]:
        return [p for p in paths if self.match(p)]


def is_glob(text: str) -> bool:
    return any(ch in text for ch in "*?[")
