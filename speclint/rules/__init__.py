"""THE rule registry: every rule speclint has, in code order. Add a rule by adding a module."""

from __future__ import annotations

from speclint.rules import (
    broken_spec_link,
    misplaced_symbol,
    missing_file,
    missing_symbol,
    signature_mismatch,
    stale_body,
    stale_file,
    stale_signature,
)
from speclint.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    missing_file.RULE,
    missing_symbol.RULE,
    misplaced_symbol.RULE,
    signature_mismatch.RULE,
    broken_spec_link.RULE,
    stale_signature.RULE,
    stale_body.RULE,
    stale_file.RULE,
)

BY_KEY: dict[str, Rule] = {**{r.code: r for r in RULES}, **{r.name: r for r in RULES}}
