"""The files a checked task says it creates: `Create src/x.py`, Spec Kit's `… in src/models/user.py`.

Shared by SD404 (the task is done, its file is absent) and SD101, which leaves those references
to SD404 so that one problem gives one finding.
"""

from __future__ import annotations

import re

from speclint.resolve import HISTORY, MISSING, Resolution
from speclint.specs.markdown import Document
from speclint.specs.references import FILE, Reference

DONE_MARKS = frozenset("xX")
_CREATE = re.compile(
    r"\b(?:create[sd]?|creating|add(?:s|ed)?|adding|new|implement(?:s|ed)?|write|wrote|written|"
    r"scaffold(?:s|ed)?|generate[sd]?|set\s+up|initiali[sz]e[sd]?|build|built|introduce[sd]?)\b",
    re.I,
)
_IN = re.compile(r"\b(?:in|at|to|into|under)\s+[`*_\[]*$", re.I)
_SPEC_KIT_TASK = re.compile(r"\[[xX]\]\s+(?:\*\*)?T\d{2,4}[a-z]?(?:\*\*)?\s+(?:\[[^\]]{1,12}\]\s*)*(?P<verb>\w+)")
# A task that changes or checks a file claims that the file exists, not that it made it (SD101).
_MODIFY = frozenset(
    "update updated modify modified fix fixed refactor refactored verify verified review reviewed remove removed "
    "delete deleted rename renamed move moved extend extended change changed edit edited read check checked "
    "confirm confirmed run ran ensure ensured audit audited document documented replace replaced migrate "
    "integrate integrated wire wired use used investigate investigated analyze analyse measure measured".split()
)
_CLAUSE = re.compile(r"[.;!?]\s|\s(?:and then|then|but)\s", re.I)
_WINDOW = 80


def is_done_task(doc: Document, ref: Reference) -> bool:
    return ref.kind == FILE and doc.task_state(ref.block) in DONE_MARKS


def creates(doc: Document, ref: Reference) -> bool:
    """Does the task line say it makes this file (a creating verb before it, or Spec Kit's `in path`)?"""
    line = doc.line(ref.position.line)
    before = line[max(0, ref.position.column - 1 - _WINDOW) : ref.position.column - 1]
    clause = list(_CLAUSE.finditer(before))
    if clause:
        before = before[clause[-1].end() :]
    if _CREATE.search(before):
        return True
    task = _SPEC_KIT_TASK.search(line)
    return bool(_IN.search(before)) and task is not None and task.group("verb").lower() not in _MODIFY


_NOTE = re.compile(r"\s[-–—]\s+(?P<note>[A-Z][^\n]*)$")
_NOT_DONE_NOTE = re.compile(r"\b(?:not\s+yet|todo|to\s+do|pending|tbd|missing|wip|in\s+progress|broken|failing)\b", re.I)


def explained(doc: Document, ref: Reference) -> bool:
    """A note written after the fact says where the work went: `… in src/x.tsx - Synchronized in App.tsx`.

    Spec Kit authors append such notes when they tick a task whose file turned out unneeded.
    A note that says the work is not done (`- Not yet implemented`) explains nothing: the box lies.
    """
    line = doc.line(ref.position.line)
    match = _NOTE.search(line[ref.position.end_column - 1 :])
    return match is not None and not _NOT_DONE_NOTE.search(match.group("note"))


def is_missing_artifact(doc: Document, ref: Reference, resolution: Resolution) -> bool:
    """A done task's own file that git has never seen (a file renamed or deleted since is drift: SD101)."""
    return (
        resolution.status == MISSING
        and resolution.how != HISTORY
        and is_done_task(doc, ref)
        and creates(doc, ref)
    )
