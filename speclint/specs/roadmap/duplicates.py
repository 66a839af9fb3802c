"""When one id defined twice is a duplicate (SD406), and when it is one item written twice.

A GSD summary checklist entry and its `### Phase N` section, a bold phase line and its heading,
or a verification checklist that repeats task ids all describe items already defined; two tasks
numbered alike with unrelated titles, two headings of one phase list, or two acceptance criteria
with one number do not.
"""

from __future__ import annotations

import re

from speclint.specs.roadmap.model import PHASE, TASK, DocPlan, Duplicate, Item


def relisted(plan: DocPlan, duplicate: Duplicate) -> bool:
    """A task repeated in a section that only repeats tasks: a checklist of them, not new ones."""
    if duplicate.item.kind != TASK:
        return False
    return not any(
        item.section == duplicate.item.section and item.kind == TASK and not item.anonymous for item in plan.items
    )


_WORD = re.compile(r"[a-z0-9]{3,}")
_COMMON = frozenset({"the", "and", "for", "with", "from", "into", "that", "this", "all", "are", "via", "when", "shall"})


def distinct(item: Item, first: Item) -> bool:
    """Two definitions of one id that are different things, not one thing written twice.

    A summary checklist entry and its section, or a verification checklist that repeats a task
    with its id, describe the same item; two tasks numbered alike with unrelated titles do not.
    """
    if item.form != first.form:
        return False
    if item.kind == PHASE:
        return item.form == "heading"
    if item.form == "criterion":
        return True  # numbered criteria are never repeated on purpose
    return not _similar(item.title, first.title)


def _similar(a: str, b: str) -> bool:
    words_a = set(_WORD.findall(a.lower())) - _COMMON
    words_b = set(_WORD.findall(b.lower())) - _COMMON
    if not words_a or not words_b:
        return a.strip().lower() == b.strip().lower()
    shared = len(words_a & words_b)
    return shared >= 3 or shared / min(len(words_a), len(words_b)) >= 0.3

