"""The result of a check, as reporters receive it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from speclint import __version__
from speclint.findings import Finding, Severity, Summary

if TYPE_CHECKING:  # importing the rules package loads every rule: not for a cached result
    from speclint.rules.rule import Rule


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    summary: Summary
    rules: tuple[Rule, ...]
    fail_on: Severity = Severity.ERROR
    notices: tuple[str, ...] = ()
    version: str = __version__
    roadmap_mermaid: str = ""  # the roadmap around roadmap findings, for the markdown report

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity >= self.fail_on)
