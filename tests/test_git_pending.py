"""Git commands started early (`git.Pending`) give what `git.run` gives, and leave nothing behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from speclint import git
from speclint.errors import GitError
from tests.gitrepo import GitRepo


def _temp_files() -> set[str]:
    return set(os.listdir(tempfile.gettempdir()))


def test_pending_output_equals_run(repo: GitRepo) -> None:
    repo.write("a.py", "x = 1\n")
    repo.commit("first")
    started = git.Pending(repo.root, "log", "--format=%H %s")
    assert started.output() == git.run(repo.root, "log", "--format=%H %s")
    assert started.output() == git.run(repo.root, "log", "--format=%H %s")  # read twice: same answer


def test_a_large_output_does_not_stall(repo: GitRepo) -> None:
    repo.write("big.txt", "line\n" * 200_000)  # ~1 MB: far more than a pipe holds
    repo.commit("big")
    started = git.Pending(repo.root, "show", "HEAD:big.txt")
    assert len(started.output()) == 1_000_000


def test_a_failure_is_a_one_line_error(repo: GitRepo) -> None:
    started = git.Pending(repo.root, "log", "no-such-rev")
    assert started.output(check=False) == b""
    with pytest.raises(GitError, match="^git log failed: "):
        started.output()


def test_a_work_tree_diff_leaves_the_index_alone(repo: GitRepo) -> None:
    repo.write("a.py", "x = 1\n")
    repo.commit("first")
    (repo.root / "a.py").write_text("x = 2\n")
    index = repo.root / ".git" / "index"
    before = index.read_bytes(), index.stat().st_mtime_ns
    started = git.Pending(repo.root, "diff", "--name-only", "-z", "HEAD")
    assert started.output() == b"a.py\0"
    assert (index.read_bytes(), index.stat().st_mtime_ns) == before


def test_unread_commands_are_stopped_and_cleaned_up(repo: GitRepo) -> None:
    repo.write("a.py", "x = 1\n")
    repo.commit("first")
    (repo.root / "a.py").write_text("x = 2\n")
    before = _temp_files()
    started = [git.Pending(repo.root, "diff", "--name-only", "HEAD"), git.Pending(repo.root, "log")]
    for pending in started:
        pending.close()
    assert _temp_files() - before == set()  # no index copy left behind


def test_a_check_with_history_rules_leaves_no_processes_or_files(repo: GitRepo, tmp_path: Path) -> None:
    from tests.conftest import check_repo

    repo.write("specs/auth.md", "# Auth\n\n- `verify(token)` in `src/auth.py`\n")
    repo.write("src/auth.py", "def verify(token):\n    return token\n")
    repo.commit("spec and code")
    before = _temp_files()
    report = check_repo(repo.root, select=["SD201", "SD503"])
    assert report.findings == ()
    assert _temp_files() - before == set()


def test_the_private_index_copy_keeps_the_index_timestamp(repo: GitRepo) -> None:
    """git re-reads a "racily clean" file (edited within the timestamp tick of its entry, same
    size) only when the index is no older than the entry; a copy stamped now would make git trust
    stale stat data and miss the edit (seen as a flaky SD203 test)."""
    repo.write("deploy/config.yaml", "pool: 3\n")
    repo.commit("config")
    index = repo.root / ".git" / "index"
    os.utime(index, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    copy = git._index_copy(repo.root)
    assert copy is not None
    try:
        assert Path(copy).stat().st_mtime_ns == index.stat().st_mtime_ns
        assert Path(copy).read_bytes() == index.read_bytes()
    finally:
        Path(copy).unlink()


def test_word_removals_read_only_code_when_told_its_extensions(repo: GitRepo) -> None:
    """Removals from data files never show a definition going; a check asks for code only, so
    git neither diffs nor prints megabytes of JSON history (15.8 s -> 4.0 s on one real repo)."""
    repo.commit("start", files={"src/auth.py": "def verify(code):\n    pass\n",
                                **{f"data/d{i}.json": '{"verify": 1}\n' for i in range(4)}})
    rename = repo.commit("rename", files={"src/auth.py": "def check(code):\n    pass\n"})
    for i in range(4):
        repo.commit(f"data {i}", files={f"data/d{i}.json": "{}\n"})

    everything = git.word_removals(repo.root, ["verify"])
    # the newest three, the definition's own removal taking a caller's place
    assert [r.old_path for r in everything["verify"]] == ["data/d3.json", "data/d2.json", "src/auth.py"]
    code = git.word_removals(repo.root, ["verify"], extensions=[".py", ".ts"])
    assert [(r.commit, r.old_path) for r in code["verify"]] == [(rename[:7], "src/auth.py")]
