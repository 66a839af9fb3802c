"""Meta-tests: the rule registry agrees with the design contract, its docs and its tests."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from speclint import rule_docs
from speclint.rules import RULES
from speclint.rules.rule import DOC_SECTIONS, section

ROOT = Path(__file__).resolve().parent.parent
DESIGN = ROOT.parent / "shared" / "DESIGN.md"


def design_table() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in DESIGN.read_text("utf-8").splitlines():
        match = re.match(r"\| (SD\d{3}) \| ([a-z-]+) \| .*\[(error|warning|info)\b", line)
        if match:
            rows[match.group(1)] = (match.group(2), match.group(3))
    return rows


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    assert [r.code for r in RULES] == sorted(r.code for r in RULES)


@pytest.mark.skipif(not DESIGN.exists(), reason="the design contract lives beside the repository")
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_matches_the_design_table(rule) -> None:  # type: ignore[no-untyped-def]
    assert design_table()[rule.code] == (rule.name, rule.severity.label)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_every_doc_section(rule) -> None:  # type: ignore[no-untyped-def]
    for title in DOC_SECTIONS:
        assert section(rule.doc, title), f"{rule.code} lacks a '## {title}' section"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_a_test_module(rule) -> None:  # type: ignore[no-untyped-def]
    module = sys.modules[rule.check.__module__].__file__
    assert module is not None
    assert (ROOT / "tests" / "rules" / f"test_{Path(module).stem}.py").exists()


def test_docs_rules_md_is_generated() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert committed == rule_docs.markdown(), "run: speclint rules --format markdown > docs/rules.md"


def test_catalog_lists_the_registry() -> None:
    from speclint import catalog

    assert catalog.CODES == tuple((rule.code, rule.name) for rule in RULES)
