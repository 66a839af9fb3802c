"""Gitignore-style glob patterns over repo-relative POSIX paths, compiled to linear regexes.

`*` matches within one path segment, `**` any number of segments, `?` one character, `[…]` a
class. A pattern without `/` matches a file name at any depth; a trailing `/` means "everything
below". Patterns are translated, never evaluated, so a crafted pattern cannot backtrack badly.
"""

from __future__ import annotations

import re
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
    out: list[str] = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pat.startswith("/**", i) and i + 3 == len(pat):
            out.append("(?:/.*)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            end = pat.find("]", i + 2)
            if end == -1:
                out.append(re.escape(c))
                i += 1
            else:
                body = pat[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    # Like gitignore, a pattern naming a folder covers everything below it.
    body = "".join(out) + "(?:/.*)?"
    return body if anchored else f"(?:[^/]*/)*{body}"


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
