"""Every rule's code and name, without loading the rules.

A commit hook whose change touches nothing a spec names must still reject a mistyped
`--select`, but must not pay for importing every rule to do so. The registry
(`speclint.rules.RULES`) is the truth; a test keeps this table equal to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from speclint.errors import ConfigError, UsageError

if TYPE_CHECKING:
    from speclint.config import Config

CODES: tuple[tuple[str, str], ...] = (
    ("SD101", "missing-file"),
    ("SD102", "missing-symbol"),
    ("SD103", "misplaced-symbol"),
    ("SD104", "signature-mismatch"),
    ("SD105", "broken-spec-link"),
    ("SD201", "stale-signature"),
    ("SD202", "stale-body"),
    ("SD203", "stale-file"),
    ("SD301", "unspecced-change"),
    ("SD302", "unspecced-symbol"),
    ("SD401", "unknown-dependency"),
    ("SD402", "dependency-cycle"),
    ("SD403", "done-before-dependency"),
    ("SD404", "done-missing-artifact"),
    ("SD405", "missing-acceptance"),
    ("SD406", "duplicate-id"),
    ("SD501", "unknown-requirement"),
    ("SD502", "untraced-requirement"),
    ("SD503", "dangling-code-link"),
)


def matches(selector: str, code: str, name: str) -> bool:
    """`ALL`, a code prefix (`SD1`, `SD10`), a full code or a rule name."""
    token = selector.strip()
    if token.upper() == "ALL":
        return True
    return code.startswith(token.upper()) or token.lower() == name


def check_selectors(selectors: Iterable[str], origin: str, error: type[Exception]) -> None:
    for selector in selectors:
        if not any(matches(selector, code, name) for code, name in CODES):
            raise error(f"{origin}: unknown rule selector {selector!r} (see `speclint rules`)")


def check_all(config: Config, *, select: Sequence[str] | None, ignore: Sequence[str]) -> None:
    """Every selector, from the config and the command line, names a rule (one line if not)."""
    check_selectors(config.select, config.key_origin("select"), ConfigError)
    check_selectors(config.ignore, config.key_origin("ignore"), ConfigError)
    check_selectors(select or (), "--select", UsageError)
    check_selectors(ignore, "--ignore", UsageError)
