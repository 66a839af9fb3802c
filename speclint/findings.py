"""Findings are data: rules yield `Problem`s, the engine turns them into `Finding`s."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.IntEnum):
    """Ordered so that `severity >= fail_on` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.upper()]


SEVERITY_NAMES = ("error", "warning", "info")


class Location(NamedTuple):
    """A 1-based span in a repo file; columns count characters, as editors show them."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


class Related(NamedTuple):
    path: str
    line: int
    message: str


@dataclass(frozen=True)
class Problem:
    """What a rule yields: where, what, about which target, and related places."""

    location: Location
    message: str
    target: str = ""
    related: tuple[Related, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A problem stamped by the engine with the rule's identity, severity and fingerprint."""

    rule: str
    name: str
    severity: Severity
    location: Location
    message: str
    target: str
    related: tuple[Related, ...] = ()
    fingerprint: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, self.target)


def fingerprint_key(rule: str, path: str, target: str, message: str) -> str:
    """The identity of a finding without its position, so it survives lines moving.

    Only the first sentence of the message takes part: hints after it (close matches,
    commit ids) may change without the finding changing.
    """
    head = message.split(";", 1)[0]
    return "\x1f".join((rule, path, target, head))


def fingerprint(key: str, occurrence: int) -> str:
    import hashlib

    digest = hashlib.sha256(f"{key}\x1f{occurrence}".encode()).hexdigest()
    return digest[:32]


@dataclass(frozen=True)
class Summary:
    files_checked: int
    specs: int
    references: int
    by_rule: dict[str, int] = field(default_factory=dict)
