"""THE rule registry: every rule speclint has, in code order. Add a rule by adding a module."""

from __future__ import annotations

from speclint.rules import (
    broken_spec_link,
    dangling_code_link,
    dependency_cycle,
    done_before_dependency,
    done_missing_artifact,
    duplicate_id,
    misplaced_symbol,
    missing_acceptance,
    missing_file,
    missing_symbol,
    signature_mismatch,
    stale_body,
    stale_file,
    stale_signature,
    unknown_dependency,
    unknown_requirement,
    unspecced_change,
    unspecced_symbol,
    untraced_requirement,
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
    unspecced_change.RULE,
    unspecced_symbol.RULE,
    unknown_dependency.RULE,
    dependency_cycle.RULE,
    done_before_dependency.RULE,
    done_missing_artifact.RULE,
    missing_acceptance.RULE,
    duplicate_id.RULE,
    unknown_requirement.RULE,
    untraced_requirement.RULE,
    dangling_code_link.RULE,
)

BY_KEY: dict[str, Rule] = {**{r.code: r for r in RULES}, **{r.name: r for r in RULES}}
