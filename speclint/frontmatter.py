"""Read a spec's YAML front matter; malformed front matter is a note, never a crash."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    problem: str = ""

    def strings(self, *keys: str) -> tuple[str, ...]:
        """A string or list of strings found under the nested `keys`, else empty."""
        value: Any = self.data
        for key in keys:
            if not isinstance(value, dict):
                return ()
            value = value.get(key)
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list):
            return tuple(str(v) for v in value if isinstance(v, (str, int)))
        return ()


def load(text: str) -> FrontMatter:
    if not text.strip():
        return FrontMatter()
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (front matter line {mark.line + 1})" if mark is not None else ""
        return FrontMatter(problem=f"front matter is not valid YAML{where}; ignored")
    if data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        return FrontMatter(problem="front matter is not a YAML mapping; ignored")
    return FrontMatter(data)
