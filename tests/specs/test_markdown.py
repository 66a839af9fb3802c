from __future__ import annotations

from speclint.specs.markdown import parse, slugify

SPEC = """\
---
covers: [src/auth/**]
---
# MFA `service`

<!-- speclint-disable-next-line SD101 -- planned -->
- [ ] T012 [P] Create `src/a.py` and
  also ``b.py`` with [design](../design.md#keys)
  - nested `c.py`
- [x] done ![diagram](img/arch.png)
> quoted `q.py` <https://example.com/x>

| file | note |
|------|------|
| `d.py` | see `e.py` |

## MFA `service`
"""


def spans(doc):  # type: ignore[no-untyped-def]
    return [(s.text, s.position.line, s.position.column, s.position.end_column) for s in doc.code_spans]


def test_code_spans_carry_source_positions() -> None:
    doc = parse("specs/mfa.md", SPEC)
    assert spans(doc) == [
        ("service", 4, 7, 16),
        ("src/a.py", 7, 23, 33),
        ("b.py", 8, 8, 16),
        ("c.py", 9, 12, 18),
        ("q.py", 11, 10, 16),
        ("d.py", 15, 3, 9),
        ("e.py", 15, 16, 22),
        ("service", 17, 8, 17),
    ]


def test_links_keep_raw_destination_and_position() -> None:
    doc = parse("specs/mfa.md", SPEC)
    links = [(l.target, l.position.line, l.position.column, l.is_image) for l in doc.links]
    assert links == [
        ("../design.md#keys", 8, 22, False),
        ("img/arch.png", 10, 12, True),
        ("https://example.com/x", 11, 17, False),
    ]


def test_checkbox_state_is_inherited_by_nested_items() -> None:
    doc = parse("specs/mfa.md", SPEC)
    nested = next(s for s in doc.code_spans if s.text == "c.py")
    done = next(b for b in doc.blocks if b.checkbox == "x")
    assert doc.block(nested.block).checkbox is None
    assert doc.task_state(nested.block) == " "
    assert done.line == 10


def test_front_matter_comments_and_anchors() -> None:
    doc = parse("specs/mfa.md", SPEC)
    assert doc.front_matter.strip() == "covers: [src/auth/**]"
    assert [(c.body, c.line) for c in doc.comments] == [("speclint-disable-next-line SD101 -- planned", 6)]
    assert doc.anchors == {"mfa-service", "mfa-service-1"}


def test_crlf_is_not_in_positions() -> None:
    doc = parse("a.md", "one\n- see `x.py`\n")
    assert spans(doc) == [("x.py", 2, 7, 13)]


def test_explicit_html_anchors_count() -> None:
    doc = parse("a.md", '<a name="custom-anchor"></a>\n\n# Title\n')
    assert doc.anchors == {"custom-anchor", "title"}


def test_unclosed_backticks_and_brackets_do_not_break_parsing() -> None:
    doc = parse("a.md", "text ``` never closed [x](\n- [ ] `a.py` ok\n")
    assert spans(doc) == [("a.py", 2, 7, 13)]


def test_slugify_follows_github() -> None:
    assert slugify("Phase 2: API Integration!") == "phase-2-api-integration"
    assert slugify("Über `code` & more") == "über-code--more"
    assert slugify("snake_case_name") == "snake_case_name"


def test_code_spans_follow_commonmark_backtick_runs() -> None:
    from speclint.specs.markdown import code_spans

    assert code_spans("a `x` b ``y ` z`` c") == [("`", "x"), ("``", "y ` z")]
    assert code_spans("unclosed ` then `ok`") == [("`", "then")]  # the last run is left unclosed
    assert code_spans("``` a ``b`` `") == [("``", "b")]
    assert code_spans("` padded ` and `  ` and `a\nb`") == [("`", "padded"), ("`", "  "), ("`", "a b")]


def _token_dump(tokens) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(t.type, t.tag, t.map, t.content, t.markup, t.info) for t in tokens]


def test_block_rules_switched_off_only_where_nothing_could_trigger_them() -> None:
    """A document without `|`, a fence, `>` or `<` skips those block rules: same tokens."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    from speclint.specs import markdown

    full = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    full.disable(["inline", "text_join"])
    lines = ["# Tasks", "", "- [x] T001 `f(a)` in `src/a.py`", "  - [ ] nested", "    indented code?",
             "Setext", "===", "---", "1. one", "[ref]: /url", "* * *", "> quoted", "| a | b |", "| - | - |",
             "```py", "x = 1", "```", "~~~", "<!-- speclint: ignore -->", "<div>", "text", ""]
    import random

    rng = random.Random(7)
    for _ in range(400):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 14)))
        expected = _token_dump(full.parse(text, {}))
        assert _token_dump(markdown._block_parser(text).parse(text, {})) == expected, text
