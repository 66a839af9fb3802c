"""Read one parsed markdown document into roadmap items: phases, tasks, requirements, stories.

Two passes. The first walks the blocks (headings, list items, paragraphs, table rows) and makes
an item of each one that defines a phase, task, requirement or story, keeping a stack of
heading sections so that a task knows its phase and a line knows whether it sits in a
"Dependencies" section. The second reads the lines for what they say about the item they
belong to: dependencies, statuses, requirement citations and acceptance criteria.
"""

from __future__ import annotations

import dataclasses
import re

from speclint.specs.markdown import Block, Document
from speclint.specs.roadmap import dialects, ids, lines
from speclint.specs.roadmap.dialects import (
    PHASE,
    REQUIREMENT_DEF,
    REQUIREMENT_HEADING,
    STORY_HEADING,
    TASK_ID,
)
from speclint.specs.roadmap.duplicates import distinct, relisted
from speclint.specs.roadmap.model import (
    FREE_FORM,
    OPENSPEC,
    REQUIREMENT,
    SPEC_KIT,
    STORY,
    TASK,
    UNKNOWN,
    DocPlan,
    Duplicate,
    Item,
    Mention,
)
from speclint.specs.roadmap.model import (
    PHASE as PHASE_KIND,
)

_ORDINAL = re.compile(r"\s*(\d+)[.)]\s")
_SECTION = re.compile(r"^(\d+)\.\s+(?=\S)")
_HEADING_MARK = re.compile(r"\s*#{1,6}\s+")


def parse(doc: Document) -> DocPlan:
    plan = DocPlan(doc.path, dialects.detect(doc.path, doc.text), dialects.feature_of(doc.path))
    walker = _Walker(doc, plan)
    walker.walk()
    walker.read_lines()
    plan.duplicates = [d for d in plan.duplicates if not relisted(plan, d)]
    return plan


class _Walker:
    def __init__(self, doc: Document, plan: DocPlan) -> None:
        self.doc = doc
        self.plan = plan
        self.by_key: dict[tuple[str, str], int] = {}
        self.block_item: dict[int, int] = {}  # block id → index of the item it defines
        self.block_phase: dict[int, int | None] = {}  # block id → phase whose section holds it
        self.block_section: dict[int, str] = {}  # block id → "deps" when in a Dependencies section
        self.stack: list[tuple[int, str, int | None, int]] = []  # (level, kind, item index, block id)
        self.headings = {h.block: h for h in doc.headings}

    # -- first pass: blocks -------------------------------------------------------------------

    def walk(self) -> None:
        for block in self.doc.blocks:
            if block.line in self.doc.code_lines:
                continue
            if block.kind == "heading":
                self._heading(block)
            elif block.kind == "paragraph":
                self._paragraph(block)
            elif block.kind == "list_item":
                self._list_item(block)
            elif block.kind == "table_row":
                self._table_row(block)
            self.block_phase.setdefault(block.id, self._current("phase"))
            if self._in("deps"):
                self.block_section[block.id] = "deps"

    def _current(self, kind: str) -> int | None:
        for _, entry_kind, index, _ in reversed(self.stack):
            if entry_kind == kind:
                return index
        return None

    def _in(self, kind: str) -> bool:
        return any(entry[1] == kind for entry in self.stack)

    def _pop(self, level: int) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()

    def _push(self, level: int, kind: str, index: int | None, block: Block) -> None:
        self._pop(level)
        self.stack.append((level, kind, index, block.id))

    def _heading(self, block: Block) -> None:
        heading = self.headings.get(block.id)
        if heading is None:
            return
        text = heading.text.strip()
        source = self.doc.line(block.line)
        self._pop(heading.level)
        if _HEADING_MARK.sub("", source, count=1).startswith("~~"):
            # `## ~~Phase 17: …~~ deferred`: struck through, the heading withdraws its id.
            self._push(heading.level, "other", None, block)
            return
        phase = PHASE.match(text)
        requirement = REQUIREMENT_HEADING.match(text) or REQUIREMENT_DEF.match(text)
        story = STORY_HEADING.match(text)
        section = _SECTION.match(text) if self.doc.path.endswith("tasks.md") else None
        if phase:
            index = self._phase(block, phase, source, lines.mark_status(text), form="heading")
            self._push(heading.level, "phase", index, block)
        elif section and self.plan.dialect == OPENSPEC:
            # OpenSpec groups its tasks under numbered sections: `## 1. Implementation` holds 1.1, 1.2.
            number = section.group(1)
            item = self._item(block, number, f"Section {number}", PHASE_KIND, text[section.end():].strip(), source, number)
            item.form = "heading"
            self._push(heading.level, "phase", self._add(block, item), block)
        elif requirement:
            key = ids.single_key(requirement.group("id"), reqs=True) or requirement.group("id")
            heading_form = REQUIREMENT_HEADING.match(text) is not None
            written = text[: requirement.end("id")] if heading_form else requirement.group("id")
            title = text[requirement.end():].strip(" :—–-*_")
            index = self._define(block, key, written, REQUIREMENT, title, source, written)
            self._push(heading.level, "req", index, block)
        elif story and self.plan.dialect != FREE_FORM and not self.doc.path.endswith("tasks.md"):
            number = story.group("n") or story.group("us")[2:].lstrip("-")
            index = self._define(block, f"US{int(number)}", f"User Story {int(number)}", STORY, text, source, text[: story.end()])
            self._push(heading.level, "story", index, block)
        elif lines.DEPENDENCY_HEADING.match(text):
            self._push(heading.level, "deps", None, block)
        elif lines.ACCEPTANCE_HEADING.match(text):
            self._push(heading.level, "accept", None, block)
            self._mark_acceptance()
        else:
            self._push(heading.level, "other", None, block)

    def _mark_acceptance(self) -> None:
        for _, kind, index, _ in reversed(self.stack):
            if kind in ("phase", "req") and index is not None:
                self.plan.items[index].acceptance = True
                return

    def _phase(self, block: Block, match: re.Match[str], source: str, status: str, *, form: str) -> int:
        word, num = match.group("word"), match.group("num")
        key = f"{word.lower()}:{ids.normal_num(num)}"
        label = f"{word.capitalize()} {num}"
        title = re.sub(r"^[\s:.\-–—*_]+|[\s*_✅✔☑🚧❌⏳]+$", "", match.group("rest").split("**")[0]).strip()
        item = self._item(block, key, label, PHASE_KIND, title, source, f"{word} {num}")
        item.status = status
        item.form = form
        if self.plan.dialect == SPEC_KIT:
            story = dialects.STORY_IN_TITLE.search(title)
            if story:
                item.aliases = (f"US{int(next(g for g in story.groups() if g))}",)
        return self._add(block, item)

    def _define(self, block: Block, key: str, label: str, kind: str, title: str, source: str, written: str) -> int:
        item = self._item(block, key, label, kind, title, source, written)
        item.form = "def"
        return self._add(block, item)

    def _item(self, block: Block, key: str, label: str, kind: str, title: str, source: str, written: str) -> Item:
        lead = _HEADING_MARK.match(source)
        start = lead.end() if lead else lines.PREFIX.match(source).end()  # type: ignore[union-attr]
        column = source.find(written, start)
        column = column if column >= 0 else len(source) - len(source.lstrip())
        return Item(
            key, label, kind, title, self.doc.path, block.line, column + 1, column + 1 + len(written), block=block.id
        )

    def _add(self, block: Block, item: Item) -> int:
        item.section = self._section()
        slot = ("reqs" if item.kind in (REQUIREMENT, STORY) else "work", item.key)
        existing = self.by_key.get(slot)
        if existing is not None and not item.anonymous:
            first = self.plan.items[existing]
            if first.weak and not item.weak:
                self.plan.items[existing] = dataclasses.replace(item, parent=first.parent)
            elif item.kind == PHASE_KIND and item.form == first.form == "heading" and item.section != first.section:
                # Another list of phases under another heading ("Implementation", "Rollout").
                self.plan.ambiguous.add(item.key)
                return self._append(block, item)
            elif distinct(item, first):
                self.plan.duplicates.append(Duplicate(item, first))
            else:  # the same item again: a summary entry, a checklist that repeats it
                if first.status == UNKNOWN:
                    first.status = item.status
                first.title = first.title or item.title
            self.block_item[block.id] = existing
            return existing
        index = self._append(block, item)
        if not item.anonymous:
            self.by_key[slot] = index
        return index

    def _append(self, block: Block, item: Item) -> int:
        self.plan.items.append(item)
        index = len(self.plan.items) - 1
        self.block_item[block.id] = index
        return index

    def _section(self) -> int:
        return self.stack[-1][3] if self.stack else -1

    def _paragraph(self, block: Block) -> None:
        first = block.text.split("\n", 1)[0]
        source = self.doc.line(block.line)
        phase = PHASE.match(first)
        if phase and "\n" not in block.text and dialects.BOLD_PHASE_LINE.match(first):
            index = self._phase(block, phase, source, lines.mark_status(first), form="bold")
            self._push(7, "phase", index, block)  # a bold line: a section below any heading
            return
        requirement = REQUIREMENT_DEF.match(first)
        if requirement:
            key = ids.single_key(requirement.group("id"), reqs=True) or requirement.group("id")
            title = first[requirement.end():].strip()
            self._define(block, key, requirement.group("id"), REQUIREMENT, title, source, requirement.group("id"))
            return
        self._paragraph_criteria(block)

    def _paragraph_criteria(self, block: Block) -> None:
        """Criteria written `1.1 The system shall …`, one a line: not a markdown list, so one paragraph.

        cc-sdd (Kiro-style) writes them so; each line under `### Requirement 1` defines `1.k`.
        """
        requirement = self._current("req")
        if requirement is None or block.parent is not None:
            return
        parent = self.plan.items[requirement]
        numbered = re.compile(rf"\s*({re.escape(parent.key)}\.(\d+))\s")
        for number in range(block.line, block.end_line + 1):
            source = self.doc.line(number)
            match = numbered.match(source)
            if match is None:
                continue
            key = f"{parent.key}.{int(match.group(2))}"
            column = match.start(1) + 1
            title = source[match.end():].strip()
            end = column + len(match.group(1))
            item = Item(key, key, REQUIREMENT, title, self.doc.path, number, column, end, block=block.id)
            item.form = "criterion"
            item.parent = requirement
            self._add(block, item)

    def _parent(self, block: Block) -> int | None:
        current = block.parent
        while current is not None:
            if current in self.block_item:
                return self.block_item[current]
            current = self.doc.block(current).parent
        return self._current("phase")

    def _list_item(self, block: Block) -> None:
        if self._in("deps"):
            return
        source = self.doc.line(block.line)
        first = block.text.split("\n", 1)[0]
        body = first[lines.CHECKBOX_PREFIX.match(first).end():] if block.checkbox is not None else first  # type: ignore[union-attr]
        status = lines.checkbox_status(source) if block.checkbox is not None else None
        phase = PHASE.match(body)
        if phase and block.checkbox is not None:
            self._phase(block, phase, source, status or lines.mark_status(body), form="summary")
            return
        requirement = REQUIREMENT_DEF.match(body)
        if requirement:
            key = ids.single_key(requirement.group("id"), reqs=True) or requirement.group("id")
            title = body[requirement.end():].strip()
            index = self._define(block, key, requirement.group("id"), REQUIREMENT, title, source, requirement.group("id"))
            self.plan.items[index].status = status or self.plan.items[index].status
            return
        criterion = self._criterion(block, source, body)
        if criterion:
            return
        task = TASK_ID.match(body)
        explicit = dialects.EXPLICIT_TASK.match(body)
        free = self.plan.dialect == FREE_FORM
        loose = free and dialects.BARE_NUMBERED.match(body) and self._current("phase") is not None
        if block.checkbox is None and not (free and explicit) and not loose:
            return
        self._task(block, source, body, task, status or lines.mark_status(body))

    def _criterion(self, block: Block, source: str, body: str) -> bool:
        """A numbered acceptance criterion under a Kiro `### Requirement N`: defines `N.k`."""
        requirement = self._current("req")
        ordinal = _ORDINAL.match(source)
        if requirement is None or ordinal is None or block.parent is not None:
            return False
        parent = self.plan.items[requirement]
        explicit = re.match(rf"{re.escape(parent.key)}\.(\d+)\b", body)
        number = explicit.group(1) if explicit else ordinal.group(1)
        written = explicit.group(0) if explicit else ordinal.group(1)
        key = f"{parent.key}.{int(number)}"
        column = ordinal.start(1) + 1 if not explicit else source.find(written) + 1
        item = Item(key, key, REQUIREMENT, body, self.doc.path, block.line, column, column + len(written), block=block.id)
        item.form = "criterion"
        item.parent = requirement
        self._add(block, item)
        return True

    def _task(self, block: Block, source: str, body: str, task: re.Match[str] | None, status: str) -> None:
        written = (task.group("word") or task.group("t") or task.group("num") or "").rstrip(".") if task else ""
        key = ids.single_key(written) if written else None
        title = (body[task.end():] if task else body).strip(" :.-–—✅✔☑🚧❌⏳")
        if key is None or task is None:
            item = self._item(block, f"#{block.line}", "", TASK, title, source, body[:1] or " ")
            item.anonymous = True
        else:
            label = f"Task {written}" if written[:1].isdigit() else written
            span = task.group(0).strip("*_ ").rstrip(".") if task.group("word") else written
            item = self._item(block, key, label, TASK, title, source, span)
        item.status = status
        item.form = "checkbox" if block.checkbox is not None else "plain"
        item.parent = self._parent(block)
        item.parallel = bool(dialects.PARALLEL.search(body[:40]))
        self._add(block, item)

    def _table_row(self, block: Block) -> None:
        cell = block.text.split("\n", 1)[0].strip(" *_`")
        if re.fullmatch(ids.PREFIXED, cell):
            item = self._item(block, cell, cell, REQUIREMENT, "", self.doc.line(block.line), cell)
            item.weak = True
            item.form = "table"
            self._add(block, item)

    # -- second pass: lines -------------------------------------------------------------------

    def read_lines(self) -> None:
        owners: dict[int, Block] = {}
        for block in self.doc.blocks:
            for number in range(block.line, block.end_line + 1):
                owners[number] = block  # nested blocks come later and win
        item_lines = {item.line: index for index, item in enumerate(self.plan.items) if item.block >= 0}
        for number, block in sorted(owners.items()):
            if number in self.doc.code_lines:
                continue
            line = self.doc.line(number)
            if not line.strip():
                continue
            subject = self._subject(block)
            if self.block_section.get(block.id) == "deps":
                for dependent, prerequisite in lines.subject_depends(line):
                    self.plan.statements.append((_at(dependent, number), _at(prerequisite, number)))
                continue
            own = item_lines.get(number)
            if block.kind == "heading":
                if own is not None:
                    self.plan.items[own].depends_on += [_at(m, number) for m in lines.paren_depends(line)]
                continue
            self._read(line, number, subject, own)

    def _subject(self, block: Block) -> int | None:
        current: int | None = block.id
        while current is not None:
            if current in self.block_item:
                return self.block_item[current]
            current = self.doc.block(current).parent
        return self.block_phase.get(block.id)

    def _read(self, line: str, number: int, subject: int | None, own: int | None) -> None:
        item = self.plan.items[subject] if subject is not None else None
        # Most lines hold no dependency, status, citation or criteria keyword at all.
        keywords = lines.may_say_something(line)
        depends = lines.depends_line(line) if keywords else None
        if depends is not None:
            mentions = [_at(m, number) for m in depends]
            if item is not None and item.kind not in (REQUIREMENT, STORY):
                item.depends_on += mentions
            elif item is None:
                self.plan.loose_depends += mentions
        if own is not None:
            self.plan.items[own].depends_on += [_at(m, number) for m in lines.paren_depends(line)]
            if self.plan.dialect == SPEC_KIT and self.plan.items[own].kind == TASK:
                self.plan.items[own].cites += _spec_kit_cites(line, number)
        if not keywords:
            return
        start = lines.text_start(line)
        status = lines.status_line(line, start)
        if status is not None and item is not None and status != UNKNOWN:
            if lines.checkbox_status(self.doc.line(item.line)) is None:
                item.status = status
        cites, cites_all = lines.requirement_citations(line)
        self.plan.cites_all |= cites_all
        if cites:
            target = item.cites if item is not None else self.plan.loose_cites
            target += [_at(m, number) for m in cites]
        if item is not None and lines.acceptance_line(line, start):
            item.acceptance = True
            phase = self.block_phase.get(item.block)
            if phase is not None:
                self.plan.items[phase].acceptance = True


def _at(mention: Mention, number: int) -> Mention:
    return mention._replace(line=number)


def _spec_kit_cites(line: str, number: int) -> list[Mention]:
    """`[US1]` story labels and `FR-001`-style ids written on a Spec Kit task's line."""
    found: list[Mention] = []
    if not dialects.SPEC_KIT_CITE_HINT.search(line):
        return found
    for match in dialects.SPEC_KIT_CITE.finditer(line):
        group = 1 if match.group(1) else 2
        text = match.group(group)
        key = ids.single_key(text, reqs=True)
        if key is not None:
            found.append(Mention(text, key, number, match.start(group) + 1, match.end(group) + 1))
    return found

