"""The whole-result cache: a change in any input gives a fresh, correct result; the same input
gives the same output. Every check below is compared with a run that bypasses all caches."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from speclint import result_cache, runner
from speclint.reporters import RenderOptions, render
from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

SPEC = (
    "# Auth\n\n"
    "- [x] `verify(code)` checks a code in `src/auth.py`\n"
    "- [x] `issue(user_id)` makes one in `src/auth.py`\n"
    "- [x] Helpers live in `src/helpers.py`\n"
)
VERIFY = "def verify(code):\n    return code == '1'\n"
ISSUE = "def issue(user_id):\n    return '{}'\n"


def start(repo: GitRepo) -> None:
    repo.commit("spec first", files={"specs/auth.md": SPEC, "src/auth.py": VERIFY})
    repo.commit("implement issue", files={"src/auth.py": VERIFY + "\n\n" + ISSUE})


def cached(root: Path, **request: Any) -> bool:
    """Would this request be answered from the result cache?"""
    lookup = result_cache.Lookup.open(runner.Request(cwd=root, **request))
    return lookup is not None and lookup.report is not None


def shape(report: Any) -> tuple[Any, ...]:
    return (
        report.findings, report.summary, report.notices, report.fail_on, report.version,
        [r.code for r in report.rules], report.roadmap_mermaid,
    )


def agrees(root: Path, **request: Any) -> Any:
    """Check through the result cache and without any cache; both must say the same."""
    report = check_repo(root, **request)
    fresh = check_repo(root, use_cache=False, **request)
    assert shape(report) == shape(fresh)
    return report


def test_same_input_same_output_from_the_cache(repo: GitRepo) -> None:
    start(repo)
    assert not cached(repo.root)
    first = agrees(repo.root)
    assert positions(first) == [("specs/auth.md", 5, 23, "SD101")]
    assert cached(repo.root)
    again = check_repo(repo.root)
    assert shape(again) == shape(first)
    for fmt in ("text", "json", "sarif", "markdown", "junit", "github", "gitlab"):
        assert render(fmt, again, RenderOptions()) == render(fmt, first, RenderOptions())
    assert list(again.rules) == list(first.rules)  # SARIF reads the rules themselves


def test_spec_edited_in_the_work_tree(repo: GitRepo) -> None:
    start(repo)
    agrees(repo.root)
    repo.write("specs/auth.md", SPEC.replace("`src/helpers.py`", "`src/auth.py`"))
    assert not cached(repo.root)
    assert positions(agrees(repo.root)) == []
    assert cached(repo.root)


def test_code_edited_in_the_work_tree(repo: GitRepo) -> None:
    start(repo)
    agrees(repo.root, select=["SD1"])
    repo.write("src/auth.py", VERIFY + "\n\n" + ISSUE.replace("def issue", "def issue_token"))
    assert not cached(repo.root, select=["SD1"])
    assert ("specs/auth.md", 4, 7, "SD102") in positions(agrees(repo.root, select=["SD1"]))
    repo.write("src/auth.py", VERIFY + "\n\n" + ISSUE)  # back as it was: the old answer again
    assert ("specs/auth.md", 4, 7, "SD102") not in positions(agrees(repo.root, select=["SD1"]))


def test_a_file_only_touched_still_hits(repo: GitRepo) -> None:
    start(repo)
    agrees(repo.root)
    later = os.stat(repo.root / "src/auth.py").st_mtime + 10
    os.utime(repo.root / "src/auth.py", (later, later))
    assert cached(repo.root)


def test_staged_and_deleted_files(repo: GitRepo) -> None:
    start(repo)
    agrees(repo.root)
    repo.write("src/auth.py", VERIFY)
    repo.add("src/auth.py")  # index and work tree agree: only the index entry changed
    assert not cached(repo.root)
    assert ("specs/auth.md", 4, 7, "SD102") in positions(agrees(repo.root))
    (repo.root / "src/auth.py").unlink()
    assert not cached(repo.root)
    assert {(line, code) for _, line, _, code in positions(agrees(repo.root))} >= {(3, "SD101"), (4, "SD101")}


def test_new_commit_changes_history_rules(repo: GitRepo) -> None:
    start(repo)
    repo.commit("sig", files={"src/auth.py": VERIFY.replace("verify(code)", "verify(code, user_id)") + "\n\n" + ISSUE})
    assert positions(agrees(repo.root, select=["SD2"])) == [("specs/auth.md", 3, 7, "SD201")]
    repo.commit("Review the auth spec\n\nSpec-Reviewed: specs/auth.md")  # same tree, new HEAD
    assert not cached(repo.root, select=["SD2"])
    assert positions(agrees(repo.root, select=["SD2"])) == []


def test_config_change(repo: GitRepo) -> None:
    start(repo)
    agrees(repo.root)
    repo.write("speclint.toml", 'ignore = ["SD101"]\n')  # untracked, still read
    assert not cached(repo.root)
    assert positions(agrees(repo.root)) == []
    repo.write("speclint.toml", 'fail-on = "warning"\n')
    assert not cached(repo.root)
    report = agrees(repo.root)
    assert positions(report) == [("specs/auth.md", 5, 23, "SD101")]
    assert report.fail_on.label == "warning"


def test_each_selection_is_its_own_result(repo: GitRepo) -> None:
    start(repo)
    everything = agrees(repo.root)
    assert positions(agrees(repo.root, select=["SD2"])) == []
    assert cached(repo.root) and cached(repo.root, select=["SD2"])
    assert shape(check_repo(repo.root)) == shape(everything)
    assert positions(agrees(repo.root, ignore=["SD101"])) == []
    assert not cached(repo.root, select=["SD1"])


def test_fail_on_paths_and_baseline_are_part_of_the_request(repo: GitRepo, tmp_path: Path) -> None:
    from speclint import baseline
    from speclint.findings import Severity

    start(repo)
    report = agrees(repo.root)
    assert agrees(repo.root, fail_on=Severity.INFO).fail_on is Severity.INFO
    assert positions(agrees(repo.root, paths=["specs/auth.md"])) == positions(report)
    accepted = tmp_path / "baseline.json"
    baseline.write(accepted, [])
    assert positions(agrees(repo.root, baseline=accepted)) == positions(report)
    baseline.write(accepted, report.findings)
    assert not cached(repo.root, baseline=accepted)
    assert positions(agrees(repo.root, baseline=accepted)) == []


def test_untracked_ignore_rules_are_asked_again(repo: GitRepo) -> None:
    start(repo)
    assert positions(agrees(repo.root)) == [("specs/auth.md", 5, 23, "SD101")]
    # Not tracked, so not in the snapshot: the recorded check-ignore answer catches it.
    repo.write(".gitignore", "src/helpers.py\n")
    assert not cached(repo.root)
    assert positions(agrees(repo.root)) == []
    (repo.root / ".gitignore").unlink()
    assert positions(agrees(repo.root)) == [("specs/auth.md", 5, 23, "SD101")]


def test_head_mode(repo: GitRepo) -> None:
    start(repo)
    first = repo.git("rev-parse", "HEAD").strip()
    agrees(repo.root, head="HEAD")
    assert cached(repo.root, head="HEAD")
    repo.write("specs/auth.md", SPEC.replace("`src/helpers.py`", "`src/auth.py`"))
    assert cached(repo.root, head="HEAD")  # the work tree is not what --head checks
    repo.commit("fix the spec")
    assert not cached(repo.root, head="HEAD")
    assert positions(agrees(repo.root, head="HEAD")) == []
    assert positions(agrees(repo.root, head=first)) == [("specs/auth.md", 5, 23, "SD101")]


def test_change_sets_and_no_cache_are_not_cached(repo: GitRepo) -> None:
    start(repo)
    results = repo.root / ".git" / "speclint" / "cache-v1" / "results"
    check_repo(repo.root, use_cache=False)
    assert not results.exists()
    assert result_cache.Lookup.open(runner.Request(cwd=repo.root, staged=True)) is None
    assert result_cache.Lookup.open(runner.Request(cwd=repo.root, use_cache=False)) is None
    # Fields added for change-set modes keep the cache off unless left at their defaults.
    assert result_cache.applies(runner.Request(cwd=repo.root))


def test_corrupt_entry_is_a_miss(repo: GitRepo) -> None:
    start(repo)
    report = agrees(repo.root)
    results = repo.root / ".git" / "speclint" / "cache-v1" / "results"
    entries = [p for p in results.rglob("*") if p.is_file()]
    assert len(entries) == 1
    for garbage in (b"", b"\x80\x05garbage", entries[0].read_bytes()[:40]):
        entries[0].write_bytes(garbage)
        assert not cached(repo.root)
        assert shape(check_repo(repo.root)) == shape(report)
        assert cached(repo.root)  # rewritten


def test_one_slot_per_request(repo: GitRepo) -> None:
    start(repo)
    for n in range(3):
        repo.write("specs/auth.md", SPEC + f"\nEdit {n}.\n")
        agrees(repo.root)
    results = repo.root / ".git" / "speclint" / "cache-v1" / "results"
    assert len([p for p in results.rglob("*") if p.is_file()]) == 1


def test_inputs_changed_during_the_check_are_not_stored(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    from speclint import engine

    start(repo)
    real = engine.run

    def run_and_edit(*args: Any, **kwargs: Any) -> Any:
        report = real(*args, **kwargs)
        repo.write("specs/auth.md", SPEC.replace("`src/helpers.py`", "`src/auth.py`"))
        return report

    monkeypatch.setattr(engine, "run", run_and_edit)
    assert positions(check_repo(repo.root)) == [("specs/auth.md", 5, 23, "SD101")]
    monkeypatch.setattr(engine, "run", real)
    assert not cached(repo.root)
    assert positions(agrees(repo.root)) == []


def test_cli_output_is_identical_on_a_hit(repo: GitRepo, speclint: Any) -> None:
    start(repo)
    first = speclint(repo.root, "check", "-f", "json")
    results = repo.root / ".git" / "speclint" / "cache-v1" / "results"
    (entry,) = [p for p in results.rglob("*") if p.is_file()]
    stored = entry.stat().st_mtime_ns
    second = speclint(repo.root, "check", "-f", "json")
    assert entry.stat().st_mtime_ns == stored  # answered from the entry, not written again
    fresh = speclint(repo.root, "check", "-f", "json", "--no-cache")
    assert first.code == second.code == fresh.code == 1
    assert first.out == second.out == fresh.out
    assert first.err == second.err == fresh.err
    assert json.loads(second.out)["summary"]["by_rule"] == {"SD101": 1}
