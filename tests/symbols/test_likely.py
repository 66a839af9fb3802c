"""The guess of which code files a cold check will read: lines that tie a name to a file."""

from __future__ import annotations

from speclint.symbols.likely import code_files

ENTRIES = {
    "src/auth/mfa.py": None,
    "src/app/(app)/page.tsx": None,
    "lib/ledger.rs": None,
    "lib/unique_name.go": None,
    "a/dup.ts": None,
    "b/dup.ts": None,
    "README.md": None,
}


def test_a_backticked_name_beside_a_tracked_code_path() -> None:
    spec = b"""# Tasks
- [x] T001 Implement `MfaService.generate(user_id)` in `src/auth/mfa.py`
- [ ] T002 Wire `Page` in src/app/(app)/page.tsx:20
- `Ledger::append` lives in ./lib/ledger.rs
"""
    assert code_files([spec], ENTRIES) == ["src/auth/mfa.py", "src/app/(app)/page.tsx", "lib/ledger.rs"]


def test_a_file_name_counts_only_when_one_tracked_file_has_it() -> None:
    spec = b"- `Register` in `unique_name.go`, `Dup` in `dup.ts`\n"
    assert code_files([spec], ENTRIES) == ["lib/unique_name.go"]


def test_no_guess_without_a_name_on_the_line() -> None:
    spec = b"""Create `src/auth/mfa.py` and lib/ledger.rs.
See `README.md` and `src/auth/mfa.py`.
Run `npm test` to check src/auth/mfa.py
"""
    # `npm test` is a command, not a name: a span that continues past its first word is prose
    # to the guess, so only plain names and call forms count.
    assert code_files([spec], ENTRIES) == []


def test_untracked_and_non_code_paths_are_never_guessed() -> None:
    spec = b"- `helper()` in `src/gone.py`, `docs()` in `README.md`\n"
    assert code_files([spec], ENTRIES) == []
