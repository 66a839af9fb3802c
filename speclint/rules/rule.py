"""The shape of a rule: identity, default severity, options, a check function and its doc."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from speclint.findings import Problem, Severity

if TYPE_CHECKING:
    from speclint.context import CheckContext

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "How to fix", "Options", "Silence it")


@dataclass(frozen=True)
class NoOptions:
    pass


Check = Callable[["CheckContext", Any], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: Check
    doc: str
    options: type = NoOptions
    enabled_by_default: bool = True
    # Slow inputs to start before any rule runs (git commands that then run while specs parse).
    prefetch: Callable[[CheckContext], None] | None = None

    @property
    def summary(self) -> str:
        """The first sentence of "What it does", for tables and SARIF short descriptions."""
        body = section(self.doc, "What it does")
        first = re.split(r"(?<=\.)\s", " ".join(body.split()), maxsplit=1)[0]
        return first

    def option_fields(self) -> dict[str, dataclasses.Field[Any]]:
        return {f.name.replace("_", "-"): f for f in dataclasses.fields(self.options)}


def section(doc: str, title: str) -> str:
    """The text under `## title` in a rule docstring, up to the next `##` heading."""
    pattern = re.compile(rf"^## {re.escape(title)}\s*$(.*?)(?=^## |\Z)", re.M | re.S)
    match = pattern.search(doc)
    return match.group(1).strip() if match else ""
