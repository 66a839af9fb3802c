"""Records pickled compactly load back equal, and a class the scheme cannot serve is refused."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field

import pytest

from speclint.records import compact
from speclint.specs import parsed


def test_a_parsed_spec_round_trips_through_pickle() -> None:
    text = (
        "# Auth\n\n## Tasks\n\n- [x] T001 Implement `verify(token)` in `src/auth.py` (depends on T000)\n"
        "- [ ] T002 Link [the plan](plan.md#steps) and src/app/main.py\n\n| Id | Note |\n|---|---|\n| R1 | `Store.put` |\n"
    )
    result = parsed.compute("specs/auth/tasks.md", text.encode())
    assert result.references and result.symbols and result.plan is not None and result.plan.items
    loaded = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert loaded == result
    assert loaded.document.blocks == result.document.blocks


@compact
@dataclass(slots=True)
class Row:
    name: str
    tags: list[str] = field(default_factory=list)
    done: bool = False


def test_defaults_and_mutable_fields_survive() -> None:
    row = Row("a", ["x"], True)
    assert pickle.loads(pickle.dumps(row)) == row


def test_a_field_outside_init_is_refused() -> None:
    with pytest.raises(TypeError, match="every field must be an __init__ argument"):

        @compact
        @dataclass
        class Derived:
            value: int
            double: int = field(init=False, default=0)
