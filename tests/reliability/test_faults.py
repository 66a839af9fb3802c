"""Faults around a run: an unwritable or full cache, broken cache entries, parallel runs, a run
killed mid-write, no git at all. A cache only ever makes runs faster: the output never changes.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import Result, run_cli
from tests.gitrepo import GitRepo

SOURCE = '''\
class Store:
    def load(self, key: str) -> bytes:
        return b""

    def save(self, key: str, data: bytes, *, sync: bool = False) -> None:
        pass


def connect(url: str, timeout: float) -> Store:
    return Store()
'''
SPEC = """\
# Storage

- [x] T001 Create `src/store.py` with `Store.load(key)` and `connect(url, timeout)`
- [x] T002 Add `Store.save(key, data)` in `src/store.py` (depends on T001)
- [x] T003 Wire `src/old_name.py` and `Store.purge()` into `src/store.py` (depends on T009)
- [ ] T004 Document [the design](design.md#missing-heading)
"""


def build(repo: GitRepo, *, tasks: int = 0) -> None:
    """A repository whose check writes every cache (specs, symbols, drift, results)."""
    extra = "".join(f"- [x] T{i:05d} Part {i} of `src/store.py` and `connect(url, timeout)`\n" for i in range(10, 10 + tasks))
    repo.commit("add", files={"src/store.py": SOURCE, "src/old_name.py": "X = 1\n", "specs/store/tasks.md": SPEC + extra,
                              "specs/store/design.md": "# Design\n\n## Keys\n"})
    repo.rm("src/old_name.py")
    repo.commit("drop old", files={"src/store.py": SOURCE.replace("return Store()", "return Store()  # v2")})


def check(root: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    result = run_cli(root, "check", *args, env=env)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    return result


def cache_files(root: Path) -> dict[Path, bytes]:
    base = root / ".git" / "speclint"
    return {p: p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()} if base.is_dir() else {}


@pytest.fixture
def built(repo: GitRepo) -> tuple[GitRepo, Result]:
    build(repo)
    expected = check(repo.root, "--no-cache")
    assert expected.code == 1 and expected.out.count(": SD") >= 3, expected.out
    assert not cache_files(repo.root)
    return repo, expected


def test_cache_directory_that_cannot_be_created(built: tuple[GitRepo, Result]) -> None:
    repo, expected = built
    (repo.root / ".git" / "speclint").write_text("not a directory\n")  # mkdir fails, even as root
    for _ in range(2):
        result = check(repo.root)
        assert (result.code, result.out) == (expected.code, expected.out)
        assert sum("cache not written" in line for line in result.err.splitlines()) <= 1, result.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_read_only_cache_directory(built: tuple[GitRepo, Result]) -> None:
    repo, expected = built
    cache = repo.root / ".git" / "speclint"
    cache.mkdir()
    cache.chmod(0o555)
    try:
        result = check(repo.root)
    finally:
        cache.chmod(0o755)
    assert (result.code, result.out) == (expected.code, expected.out)


def test_full_disk(built: tuple[GitRepo, Result]) -> None:
    """RLIMIT_FSIZE makes every write past 16 bytes fail with EFBIG, as a full disk would."""
    repo, expected = built

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16, 16))

    proc = subprocess.run(
        [sys.executable, "-m", "speclint", "check"], cwd=repo.root, capture_output=True, text=True, preexec_fn=limit
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert (proc.returncode, proc.stdout) == (expected.code, expected.out)
    assert sum("cache not written" in line for line in proc.stderr.splitlines()) <= 1, proc.stderr
    leftovers = [p for p in cache_files(repo.root) if p.name.startswith(".tmp-")]
    assert leftovers == []  # a failed write removes its temp file
    # And once there is room again, the cache fills and gives the same answer.
    assert check(repo.root).out == expected.out
    assert cache_files(repo.root)


def test_corrupted_and_truncated_entries_are_misses_and_rewritten(built: tuple[GitRepo, Result]) -> None:
    repo, expected = built
    assert check(repo.root).out == expected.out
    good = cache_files(repo.root)
    kinds = {p.relative_to(repo.root / ".git" / "speclint").parts[1] for p in good}
    assert {"specs", "symbols", "results"} <= kinds, kinds
    broken = {}
    for i, (path, data) in enumerate(good.items()):
        broken[path] = data[: len(data) // 2] if i % 3 == 0 else b"\x80\x04garbage" if i % 3 == 1 else b""
        path.write_bytes(broken[path])
    result = check(repo.root)
    assert (result.code, result.out) == (expected.code, expected.out)
    rewritten = cache_files(repo.root)
    # Every broken entry was a miss and was written again (pickles need not be byte-identical).
    assert [p for p in good if rewritten.get(p) == broken[p]] == []
    assert check(repo.root).out == expected.out


def test_parallel_runs_give_identical_output(built: tuple[GitRepo, Result]) -> None:
    repo, expected = built
    procs = [
        subprocess.Popen([sys.executable, "-m", "speclint", "check"], cwd=repo.root, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert [(p.returncode, out) for p, (out, _err) in zip(procs, outputs)] == [(expected.code, expected.out)] * 4
    assert all("Traceback" not in err for _out, err in outputs)
    assert [p for p in cache_files(repo.root) if p.name.startswith(".tmp-")] == []
    assert check(repo.root).out == expected.out


def test_run_killed_mid_write_leaves_a_cache_the_next_run_accepts(repo: GitRepo) -> None:
    build(repo, tasks=2500)  # a spec large enough that its cache entry takes a while to write
    expected = check(repo.root, "--no-cache")
    cache = repo.root / ".git" / "speclint"
    proc = subprocess.Popen([sys.executable, "-m", "speclint", "check"], cwd=repo.root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Killed as soon as it starts writing its cache (a first entry's folder appears): the rest of
    # the run, and its other writes, never happen. Polling for a temp file could miss every write.
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline and not cache.exists():
        time.sleep(0.0005)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL  # killed while writing, not after finishing
    # Whatever the kill left behind (a stray temp file, some whole entries) is accepted.
    (cache / "cache-v1" / "specs" / "ab").mkdir(parents=True, exist_ok=True)
    (cache / "cache-v1" / "specs" / "ab" / ".tmp-killed").write_bytes(b"\x80\x05half a pick")
    for _ in range(2):
        result = check(repo.root)
        assert (result.code, result.out) == (expected.code, expected.out)


@pytest.mark.parametrize("command", [["check"], ["refs"], ["roadmap"], ["check", "--staged"]])
def test_git_missing_from_path_is_one_line(repo: GitRepo, tmp_path: Path, command: list[str]) -> None:
    build(repo)
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    result = run_cli(repo.root, *command, env={"PATH": str(empty)})
    assert (result.code, result.out, result.err) == (2, "", "speclint: error: git is not installed or not on PATH\n")
