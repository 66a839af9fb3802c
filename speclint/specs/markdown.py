"""Parse a spec with markdown-it-py into a document model with exact 1-based positions.

markdown-it gives block tokens a line range but inline tokens no columns, so positions of code
spans, links and text runs are recomputed from the source: each line of an inline token's
content is found in its source line, and spans are found in the content in token order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from speclint.records import compact

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

CHECKBOX = re.compile(r"\[([ xX~\-])\](\*)?(?=\s|$)")
DONE_MARKS = frozenset("xX")


# Named tuples (and slotted dataclasses where a record changes): a large spec holds hundreds of
# thousands of these; without a per-object __dict__ they take much less memory, and a tuple is the
# quickest record to make, pickle and hash.
class Position(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int


@compact
@dataclass(slots=True)
class Block:
    """A unit of scope: a list item, a table row, a paragraph, a heading or an HTML block."""

    id: int
    kind: str
    line: int
    end_line: int
    parent: int | None = None
    checkbox: str | None = None
    text: str = ""

    @property
    def is_task(self) -> bool:
        return self.checkbox is not None


class CodeSpan(NamedTuple):
    text: str
    position: Position
    block: int


class Link(NamedTuple):
    target: str
    text: str
    position: Position
    block: int
    is_image: bool = False


class Heading(NamedTuple):
    level: int
    text: str
    slug: str
    line: int
    block: int


class Comment(NamedTuple):
    body: str
    line: int
    end_line: int


@dataclass
class Document:
    path: str
    text: str
    front_matter: str = ""
    front_matter_line: int = 0
    blocks: list[Block] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    code_spans: list[CodeSpan] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    anchors: frozenset[str] = frozenset()
    code_lines: frozenset[int] = frozenset()  # 1-based lines inside fenced or indented code

    @cached_property
    def _lines(self) -> list[str]:
        return self.text.split("\n")

    def line(self, number: int) -> str:
        """The 1-based source line, or "" past the end."""
        lines = self._lines
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def block(self, block_id: int) -> Block:
        return self.blocks[block_id]

    def task_state(self, block_id: int) -> str | None:
        """The checkbox that governs a block: its own, else the nearest enclosing item's."""
        current: int | None = block_id
        while current is not None:
            blk = self.blocks[current]
            if blk.checkbox is not None:
                return blk.checkbox
            current = blk.parent
        return None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Inline content is parsed block by block as the walk reaches it (`_inline_children`):
    # holding every inline token of a 5 MB spec at once doubled the peak memory of a run.
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    return md.disable(["inline", "text_join"])


def prepare() -> None:
    """Import and build the parser now rather than on the first spec."""
    _parser()
    from markdown_it.rules_core import StateCore  # noqa: F401
    from markdown_it.rules_core.text_join import text_join  # noqa: F401


def _inline_children(env: dict[str, Any], tok: Token) -> list[Token]:
    """The inline tokens of one `inline` block token, as markdown-it's own core rules make them."""
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_core.text_join import text_join

    md = _parser()
    tok.children = []
    md.inline.parse(tok.content, md, env, tok.children)
    text_join(StateCore("", md, env, [tok]))
    children, tok.children = tok.children, None
    return children


# Block rules that can only start on a line holding these characters. markdown-it tries every
# block rule on every line (inside each list item too); a document without a `|` has no table
# to find, so the table rule is switched off for it: the tokens are the same, found sooner.
_TRIGGERED_RULES = (("table", ("|",)), ("fence", ("```", "~~~")), ("blockquote", (">",)), ("html_block", ("<",)))
_skipped: list[tuple[str, ...]] = [()]  # the block rules switched off for the last document


def _block_parser(text: str) -> MarkdownIt:
    """The parser with the block rules `text` cannot trigger switched off."""
    md = _parser()
    skip = tuple(rule for rule, marks in _TRIGGERED_RULES if not any(mark in text for mark in marks))
    if skip != _skipped[0]:
        md.block.ruler.enable([rule for rule, _ in _TRIGGERED_RULES])
        if skip:
            md.block.ruler.disable(list(skip))
        _skipped[0] = skip
    return md


def parse(path: str, text: str) -> Document:
    doc = Document(path=path, text=text)
    lines = text.split("\n")
    env: dict[str, Any] = {}  # link reference definitions, found by the block pass
    tokens = _block_parser(text).parse(text, env)
    builder = _Builder(doc, lines, env)
    builder.walk(tokens)
    doc.comments = _comments(text, builder.fence_lines)
    doc.code_lines = frozenset(n + 1 for n in builder.fence_lines)
    doc.anchors = frozenset(_unique_slugs(h.slug for h in doc.headings)) | _explicit_anchors(text)
    return doc


class _Builder:
    def __init__(self, doc: Document, lines: list[str], env: dict[str, Any]) -> None:
        self.doc = doc
        self.env = env
        self.lines = lines
        self.items: list[int] = []
        self.row: int | None = None
        self.row_cursor = 0
        self.pending: str | None = None
        self.pending_level = 0
        self.fence_lines: set[int] = set()

    def walk(self, tokens: list[Token]) -> None:
        current: int | None = None
        for tok in tokens:
            kind = tok.type
            if kind == "front_matter":
                self.doc.front_matter = tok.content
                self.doc.front_matter_line = 2
            elif kind in ("fence", "code_block") and tok.map:
                self.fence_lines.update(range(tok.map[0], tok.map[1]))
            elif kind == "html_block" and tok.map:
                self._new_block("html", tok, self.items[-1] if self.items else None)
            elif kind == "list_item_open":
                parent = self.items[-1] if self.items else None
                self.items.append(self._new_block("list_item", tok, parent))
            elif kind == "list_item_close":
                self.items.pop()
            elif kind == "tr_open":
                self.row = self._new_block("table_row", tok, self.items[-1] if self.items else None)
                self.row_cursor = 0
            elif kind == "tr_close":
                self.row = None
            elif kind == "heading_open":
                current = self._new_block("heading", tok, None)
                self.pending_level = int(tok.tag[1:])
            elif kind == "paragraph_open":
                if self.items:
                    current = self.items[-1]
                else:
                    current = self._new_block("paragraph", tok, None)
            elif kind == "inline" and tok.map:
                owner = self.row if self.row is not None else current
                if owner is None:
                    owner = self._new_block("paragraph", tok, None)
                self._inline(tok, owner)
            elif kind in ("heading_close", "paragraph_close"):
                current = None

    def _new_block(self, kind: str, tok: Token, parent: int | None) -> int:
        start, end = tok.map if tok.map else (0, 1)
        block = Block(len(self.doc.blocks), kind, start + 1, max(end, start + 1), parent)
        self.doc.blocks.append(block)
        return block.id

    def _inline(self, tok: Token, owner: int) -> None:
        block = self.doc.blocks[owner]
        content = tok.content
        origins = self._origins(tok, content)
        if block.kind == "list_item" and not block.text:
            match = CHECKBOX.match(content)
            if match:
                block.checkbox = match.group(1)
        block.text = f"{block.text}\n{content}" if block.text else content
        locate = _Locator(content, origins)
        if block.kind != "heading" and self._only_code_spans(content, block):
            for markup, text in code_spans(content):
                span = locate.code(markup, text)
                if span:
                    self.doc.code_spans.append(CodeSpan(text, span, owner))
            return
        link_ends: list[int] = []
        children = _inline_children(self.env, tok)
        for child in children:
            if child.type == "link_close" and link_ends:
                locate.cursor = max(locate.cursor, link_ends.pop())
            if child.type == "code_inline":
                span = locate.code(child.markup, child.content)
                if span:
                    self.doc.code_spans.append(CodeSpan(child.content, span, owner))
            elif child.type in ("link_open", "image"):
                target = str(child.attrGet("src" if child.type == "image" else "href") or "")
                found = locate.link(child.type == "image", child.markup == "autolink")
                if found:
                    span, raw, end = found
                    if child.type == "link_open":
                        link_ends.append(end)
                    label = child.content if child.type == "image" else ""
                    self.doc.links.append(
                        Link(raw or target, label, span, owner, is_image=child.type == "image")
                    )
            elif child.type == "text" and child.content.strip():
                # Moving past plain text keeps `[` in it from being taken for the next link.
                locate.text(child.content)
        if block.kind == "heading":
            plain = _plain_text(children)
            self.doc.headings.append(
                Heading(self.pending_level, plain, slugify(plain), block.line, owner)
            )

    def _only_code_spans(self, content: str, block: Block) -> bool:
        """Can no inline construct but a code span start in `content`? Then the spans are all
        the walk needs, and markdown-it's inline pass (a third of a spec's parse) is skipped.

        Code spans bind tighter than everything except links, autolinks, raw HTML and backslash
        escapes, which need `[`, `<` or `\\`; a task's checkbox is a `[` that could only be a
        link if the document defined one with that label.
        """
        if "<" in content or "\\" in content:
            return False
        if block.checkbox is not None and CHECKBOX.match(content):
            if self.env.get("references"):
                return False
            content = content[3:]
        return "[" not in content

    def _origins(self, tok: Token, content: str) -> list[tuple[int, int]]:
        """For each line of `content`: its 0-based source line and the column where it starts."""
        assert tok.map is not None
        first = tok.map[0]
        origins = []
        for i, part in enumerate(content.split("\n")):
            number = min(first + i, len(self.lines) - 1)
            source = self.lines[number]
            start = self.row_cursor if self.row is not None else 0
            col = source.find(part, start) if part else -1
            if col < 0 and "|" in part:
                col = source.find(part.replace("|", "\\|"), start)  # escaped pipes in table cells
            if col < 0:
                col = len(source) - len(source.lstrip())
            elif self.row is not None:
                self.row_cursor = col + len(part)
            origins.append((number, col))
        return origins


class _Locator:
    """Finds inline constructs in an inline token's content, in order, and maps them to source."""

    def __init__(self, content: str, origins: list[tuple[int, int]]) -> None:
        self.content = content
        self.origins = origins
        self.cursor = 0
        self.line_starts = [0]
        newline = content.find("\n")
        while newline >= 0:
            self.line_starts.append(newline + 1)
            newline = content.find("\n", newline + 1)

    def position(self, start: int, end: int) -> Position:
        line, col = self._point(start)
        end_line, end_col = self._point(end)
        return Position(line, col, end_line, end_col)

    def _point(self, offset: int) -> tuple[int, int]:
        if len(self.line_starts) == 1:  # one line, as most list items and table cells are
            source_line, source_col = self.origins[0]
            return source_line + 1, source_col + offset + 1
        idx = _bisect(self.line_starts, offset)
        source_line, source_col = self.origins[min(idx, len(self.origins) - 1)]
        return source_line + 1, source_col + (offset - self.line_starts[idx]) + 1

    def code(self, markup: str, text: str) -> Position | None:
        size = len(markup)
        pos = self.cursor
        content = self.content
        while True:
            start = content.find(markup, pos)
            if start < 0:
                return None
            run_end = start
            while run_end < len(content) and content[run_end] == "`":
                run_end += 1
            if run_end - start != size or (start > 0 and content[start - 1] == "`"):
                pos = run_end
                continue
            close = run_end
            while True:
                close = content.find(markup, close)
                if close < 0:
                    return None
                after = close + size
                if (after < len(content) and content[after] == "`") or content[close - 1] == "`":
                    close = after
                    while close < len(content) and content[close] == "`":
                        close += 1
                    continue
                break
            inner = content[run_end:close].replace("\n", " ")
            if inner.strip() == text.strip() or not text:
                self.cursor = close + size
                return self.position(start, close + size)
            pos = run_end

    def link(self, is_image: bool, autolink: bool) -> tuple[Position, str, int] | None:
        content = self.content
        opener = "<" if autolink else ("![" if is_image else "[")
        start = content.find(opener, self.cursor)
        if start < 0:
            return None
        if autolink:
            end = content.find(">", start)
            end = len(content) if end < 0 else end + 1
            return self.position(start, end), content[start + 1 : end - 1], end
        depth = 0
        i = start + len(opener) - 1
        while i < len(content):
            ch = content[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        label_end = i
        raw = ""
        end = label_end + 1
        if content.startswith("(", end):
            close = content.find(")", end)
            inner_open = end + 1
            # Destinations may hold balanced parentheses; take the closing one that balances.
            depth, j = 1, inner_open
            while j < len(content):
                if content[j] == "(":
                    depth += 1
                elif content[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            close = j if j < len(content) else close
            if close >= 0:
                raw = _destination(content[inner_open:close])
                end = close + 1
        # Leave the cursor inside the label so spans in the link text are still found.
        end = min(end, len(content))
        self.cursor = start + len(opener)
        return self.position(start, end), raw, end

    def text(self, text: str) -> tuple[int, int] | None:
        stripped = text.strip()
        probe = stripped[:20]
        start = self.content.find(probe, self.cursor)
        if start < 0:
            return None
        exact = self.content.startswith(stripped, start)
        self.cursor = start + (len(stripped) if exact else len(probe))
        return self._point(start)


def code_spans(content: str) -> list[tuple[str, str]]:
    """(markup, text) of every code span in inline content, as markdown-it's backtick rule makes
    them; exact only where no other inline construct can start (`_Builder._only_code_spans`).

    A run of n backticks opens a span closed by the next run of exactly n; unclosed, it is text.
    Like markdown-it, it first notes where the last run of each length starts, so an opener with
    no closer after it is known at once instead of searched for to the end (quadratic on hostile
    text).
    """
    spans = []
    last_run: dict[int, int] = {}
    pos = 0
    while (start := content.find("`", pos)) >= 0:
        pos = _run_end(content, start)
        last_run[pos - start] = start
    pos = 0
    while (start := content.find("`", pos)) >= 0:
        end = _run_end(content, start)
        size = end - start
        if last_run.get(size, -1) < end:
            pos = end  # no run of this length after it: literal backticks
            continue
        close = close_end = end
        while (close := content.find("`", close_end)) >= 0:
            close_end = _run_end(content, close)
            if close_end - close == size:
                break
        if close < 0:
            pos = end
            continue
        text = content[end:close].replace("\n", " ")
        if text.startswith(" ") and text.endswith(" ") and text.strip(" "):
            text = text[1:-1]
        spans.append((content[start:end], text))
        pos = close_end
    return spans


def _run_end(content: str, start: int) -> int:
    """Where the run of backticks starting at `start` ends."""
    end = start + 1
    while end < len(content) and content[end] == "`":
        end += 1
    return end


def _destination(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith("<"):
        end = raw.find(">")
        return raw[1:end] if end > 0 else raw[1:]
    return raw.split(maxsplit=1)[0] if raw else ""


def _bisect(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid
    return lo


def _plain_text(children: list[Any]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def slugify(text: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    kept = []
    for ch in text.strip().lower():
        if ch in " -_":
            kept.append(ch)
        elif unicodedata.category(ch)[0] in "LNM":
            kept.append(ch)
    return "".join(kept).replace(" ", "-")


def _unique_slugs(slugs: Any) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for slug in slugs:
        if slug in seen:
            seen[slug] += 1
            out.append(f"{slug}-{seen[slug]}")
        else:
            seen[slug] = 0
            out.append(slug)
    return out


_ANCHOR_ATTR = re.compile(r"""<a\s[^>]{0,200}?\b(?:name|id)\s*=\s*["']([^"'<>]{1,200})["']""", re.I)
_ID_ATTR = re.compile(r"""\bid\s*=\s*["']([^"'<>]{1,200})["']""")


def _explicit_anchors(text: str) -> frozenset[str]:
    if "<" not in text:
        return frozenset()
    found = {m.group(1) for m in _ANCHOR_ATTR.finditer(text)}
    found |= {m.group(1) for m in _ID_ATTR.finditer(text)}
    return frozenset(found)


def _comments(text: str, fence_lines: set[int]) -> list[Comment]:
    """HTML comments outside fenced code, found with a linear scan."""
    comments = []
    pos = 0
    line = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        if end < 0:
            break
        line += text.count("\n", pos, start)
        end_line = line + text.count("\n", start, end)
        if line not in fence_lines:
            comments.append(Comment(text[start + 4 : end].strip(), line + 1, end_line + 1))
        line = end_line
        pos = end + 3
    return comments
