"""Every language in the table against its sample; what the hashes ignore and what they notice.

Each `samples/<language>/` holds one realistic source file and `expected.json`, every symbol the
extractor must find in it, as `describe` prints them. After an intended change, regenerate with
`pytest tests/symbols --update-goldens` and review the diff entry by entry against the sample.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from speclint.symbols.extract import Symbol, describe, extract
from speclint.symbols.languages import LANGUAGES, Language, for_path

SAMPLES = Path(__file__).parent / "samples"
BY_NAME = {language.name: language for language in LANGUAGES}


def _sample(language: Language) -> Path:
    (source,) = (p for p in (SAMPLES / language.name).iterdir() if p.name != "expected.json")
    return source


def _dump(symbols: list[Symbol]) -> str:
    """One symbol a line, so a review reads like a table."""
    rows = ",\n".join("  " + json.dumps(describe(s), ensure_ascii=False) for s in symbols)
    return f"[\n{rows}\n]\n"


def test_every_language_has_a_sample() -> None:
    assert sorted(p.name for p in SAMPLES.iterdir() if p.is_dir()) == sorted(BY_NAME)
    for language in LANGUAGES:
        assert (SAMPLES / language.name / "expected.json").is_file(), language.name
        assert for_path(_sample(language).name) is language


def test_tsx_reads_the_typescript_query() -> None:
    tsx = next(lang for lang in LANGUAGES if lang.name == "tsx")
    assert tsx.query_file == "typescript.scm"


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.name for language in LANGUAGES])
def test_sample_symbols(language: Language, update_goldens: bool) -> None:
    symbols = extract(language, _sample(language).read_bytes())
    expected = SAMPLES / language.name / "expected.json"
    if update_goldens:
        expected.write_text(_dump(symbols), "utf-8")
    assert [describe(s) for s in symbols] == json.loads(expected.read_text("utf-8"))


@dataclass(frozen=True)
class Edits:
    """One function in `source`: `$PARAMS` marks the end of its parameter list, `$FIRST` its first
    statement (`first`, indented), which the edits rewrite."""

    language: str
    qualified: str
    source: str
    first: str
    comment: str  # the line-comment token
    extra_param: str  # appended to the parameters: a signature change
    changed: str  # another first statement: a body change

    def render(self, *, first: str | None = None, params: str = "") -> str:
        return self.source.replace("$PARAMS", params).replace("$FIRST", self.first if first is None else first)

    def commented(self) -> str:
        indent = self.first[: len(self.first) - len(self.first.lstrip())]
        return self.render(first=f"{indent}{self.comment} keep order\n{self.first}  {self.comment} fast")

    def spaced(self) -> str:
        """Spaces inside the parentheses and at the end of the line, a blank line after (the
        indentation stays: Python's is syntax)."""
        return self.render(first=self.first.replace("(", "( ").replace(")", " )") + "   \n")


EDITS = [
    Edits(
        "python", "Ledger.append",
        "class Ledger:\n    def append(self, entry$PARAMS):\n$FIRST\n        return len(self.entries)\n",
        "        self.entries.append(entry)", "#", ", *more", "        self.entries.insert(0, entry)",
    ),
    Edits(
        "typescript", "Ledger.append",
        "class Ledger {\n  append(entry: Entry$PARAMS): number {\n$FIRST\n    return this.entries.length;\n  }\n}\n",
        "    this.entries.push(entry);", "//", ", at?: number", "    this.entries.unshift(entry);",
    ),
    Edits(
        "go", "Ledger.Append",
        "package l\n\nfunc (l *Ledger) Append(e Entry$PARAMS) int {\n$FIRST\n\treturn len(l.entries)\n}\n",
        "\tl.entries = append(l.entries, e)", "//", ", more ...Entry", "\tl.entries = append([]Entry{e}, l.entries...)",
    ),
    Edits(
        "rust", "Ledger.append",
        "impl Ledger {\n    fn append(&mut self, e: Entry$PARAMS) -> usize {\n$FIRST\n        self.entries.len()\n    }\n}\n",
        "        self.entries.push(e);", "//", ", at: usize", "        self.entries.insert(0, e);",
    ),
    Edits(
        "java", "Ledger.append",
        "class Ledger {\n    int append(Entry e$PARAMS) {\n$FIRST\n        return entries.size();\n    }\n}\n",
        "        entries.add(e);", "//", ", int at", "        entries.add(0, e);",
    ),
    Edits(
        "cpp", "acme.Ledger.append",
        "namespace acme {\nint Ledger::append(const Entry &e$PARAMS) {\n$FIRST\n    return size();\n}\n}\n",
        "    entries_.push_back(e);", "//", ", int at", "    entries_.insert(entries_.begin(), e);",
    ),
    Edits(
        "ruby", "Ledger.append",
        "class Ledger\n  def append(entry$PARAMS)\n$FIRST\n    @entries.size\n  end\nend\n",
        "    @entries.push(entry)", "#", ", at = 0", "    @entries.unshift(entry)",
    ),
    Edits(
        "kotlin", "Ledger.append",
        "class Ledger {\n    fun append(e: Entry$PARAMS): Int {\n$FIRST\n        return entries.size\n    }\n}\n",
        "        entries.add(e)", "//", ", at: Int = 0", "        entries.add(0, e)",
    ),
]


def _symbol(language: str, source: str, qualified: str) -> Symbol:
    (symbol,) = (s for s in extract(BY_NAME[language], source.encode()) if s.qualified == qualified)
    return symbol


@pytest.mark.parametrize("case", EDITS, ids=[case.language for case in EDITS])
def test_hashes_ignore_comments_and_whitespace(case: Edits) -> None:
    base = _symbol(case.language, case.render(), case.qualified)
    commented = _symbol(case.language, case.commented(), case.qualified)
    spaced = _symbol(case.language, case.spaced(), case.qualified)
    changed = _symbol(case.language, case.render(first=case.changed), case.qualified)
    resigned = _symbol(case.language, case.render(params=case.extra_param), case.qualified)

    assert (commented.body_hash, commented.signature_hash) == (base.body_hash, base.signature_hash)
    assert (spaced.body_hash, spaced.signature_hash) == (base.body_hash, base.signature_hash)
    assert changed.body_hash != base.body_hash
    assert changed.signature_hash == base.signature_hash
    assert resigned.signature_hash != base.signature_hash
    assert resigned.body_hash == base.body_hash
    assert len(resigned.params or ()) == len(base.params or ()) + 1
