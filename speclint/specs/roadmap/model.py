"""The records of a roadmap: items, the mentions that cite or depend on them, statuses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from speclint.records import compact

# Kinds of item.
PHASE = "phase"
TASK = "task"
REQUIREMENT = "requirement"
STORY = "story"
FEATURE = "feature"  # a whole feature folder or OpenSpec change, named as a dependency target

# Statuses. UNKNOWN: nothing says (a phase with no tasks and no marker); never counted as open.
DONE = "done"
OPEN = "open"
IN_PROGRESS = "in-progress"
BLOCKED = "blocked"
OPTIONAL = "optional"
UNKNOWN = "unknown"
NOT_DONE = frozenset({OPEN, IN_PROGRESS, BLOCKED})

# Namespaces: a task `1.1` and a Kiro requirement `1.1` of the same feature are different things.
WORK = "work"
REQS = "reqs"

# Dialects.
FREE_FORM = "free-form"
SPEC_KIT = "spec-kit"
KIRO = "kiro"
OPENSPEC = "openspec"
GSD = "gsd"


# Named tuples (and slotted dataclasses where a record changes): a large spec holds hundreds of
# thousands of these; without a per-object __dict__ they take much less memory, and a tuple is the
# quickest record to make, pickle and hash.
class Mention(NamedTuple):
    """An id written in a dependency or citation position, with where it was written.

    `until` is set for a range (`T001-T006`, `1.1–1.7`); `scope` names another document or
    feature when the mention says which (`002-auth:T014`).
    """

    text: str
    key: str
    line: int
    column: int
    end_column: int
    until: str = ""
    scope: str = ""


@compact
@dataclass(slots=True)
class Item:
    key: str
    label: str
    kind: str
    title: str
    path: str
    line: int
    column: int
    end_column: int
    status: str = UNKNOWN  # as written; phases without a marker get theirs from their tasks
    parent: int | None = None  # index of the enclosing item in the same document
    depends_on: list[Mention] = field(default_factory=list)
    cites: list[Mention] = field(default_factory=list)
    acceptance: bool = False
    parallel: bool = False
    weak: bool = False  # a mention-like definition (a table cell): resolves, never a duplicate
    anonymous: bool = False  # a task without an id: counts for its phase, cannot be named
    aliases: tuple[str, ...] = ()  # other keys it answers to (a Spec Kit story phase: `US1`)
    block: int = -1
    form: str = ""  # how it was defined: heading, bold, summary, checkbox, plain, criterion, table
    section: int = -1  # the block of the heading whose section holds its definition

    @property
    def namespace(self) -> str:
        return REQS if self.kind in (REQUIREMENT, STORY) else WORK


class Duplicate(NamedTuple):
    item: Item
    first: Item


@dataclass
class DocPlan:
    """What one document says: its items, duplicate ids and dependencies without a subject."""

    path: str
    dialect: str
    feature: str
    items: list[Item] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    loose_depends: list[Mention] = field(default_factory=list)  # "Depends on: x" outside any item
    loose_cites: list[Mention] = field(default_factory=list)  # requirement ids cited outside any item
    statements: list[tuple[Mention, Mention]] = field(default_factory=list)  # (dependent, prerequisite)
    cites_all: bool = False  # `_Requirements: All_`: the document traces its whole feature
    ambiguous: set[str] = field(default_factory=set)  # work keys defined twice, in separate sections
