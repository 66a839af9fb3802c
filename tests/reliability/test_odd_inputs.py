"""Odd inputs through the real command line: encodings, huge or deep files, odd paths, odd repos.

Each test builds a real repository, runs `speclint` in a subprocess and asserts what a user
sees: the findings (with exact positions), the one-line notices, and never a traceback.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Result, run_cli
from tests.gitrepo import GitRepo

MISSING = "- [x] Update `src/missing.py`\n"  # SD101 at column 14 on its line
BASE = {"src/ok.py": "OK = 1\n"}  # a tracked `src/` makes `src/…` confidently a path


def findings(result: Result) -> list[tuple[str, int, int, str]]:
    assert result.code in (0, 1), result.err
    data = json.loads(result.out)
    return [(f["path"], f["line"], f["column"], f["rule"]) for f in data["findings"]]


def check_json(root: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    result = run_cli(root, "check", "--format", "json", "--no-cache", *args, env=env)
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    return result


def warnings(result: Result) -> list[str]:
    return [line for line in result.err.splitlines() if line.startswith("speclint: warning:")]


# --- encodings -----------------------------------------------------------------------------


def test_latin1_spec_is_read_with_a_note(repo: GitRepo) -> None:
    repo.commit("add", files={**BASE, "specs/a.md": "# Café\n\nÉtape: " + MISSING[2:]})
    raw = (repo.root / "specs/a.md").read_text("utf-8").encode("latin-1")
    repo.commit("latin-1", files={"specs/a.md": raw})
    result = check_json(repo.root)
    assert findings(result) == [("specs/a.md", 3, 19, "SD101")]
    assert warnings(result) == [
        "speclint: warning: specs/a.md: not valid UTF-8 (first at line 1); 2 line(s) decoded as latin-1"
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_spec_with_bom(repo: GitRepo, codec: str) -> None:
    bom = "\ufeff".encode(codec)
    repo.commit("add", files={**BASE, "specs/a.md": bom + ("# Ünïcode\n\n" + MISSING).encode(codec)})
    result = check_json(repo.root)
    assert findings(result) == [("specs/a.md", 3, 14, "SD101")]
    assert warnings(result) == ["speclint: warning: specs/a.md: decoded as UTF-16"]


def test_utf16_without_bom_is_binary_not_a_crash(repo: GitRepo) -> None:
    repo.commit("add", files={**BASE, "specs/a.md": MISSING.encode("utf-16-le")})
    result = check_json(repo.root)
    assert findings(result) == []
    assert warnings(result) == ["speclint: warning: specs/a.md: binary file (contains NUL bytes); not checked"]


def test_utf8_bom_does_not_shift_columns(repo: GitRepo) -> None:
    repo.commit("add", files={**BASE, "specs/a.md": b"\xef\xbb\xbf" + MISSING.encode()})
    assert findings(check_json(repo.root)) == [("specs/a.md", 1, 14, "SD101")]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_positions_match_lf(repo: GitRepo, newline: str) -> None:
    text = "# Title\n\nIntro line.\n\n" + MISSING + "\nSee [x](missing.md).\n"
    repo.commit("add", files={**BASE, "specs/a.md": text.replace("\n", newline).encode()})
    assert findings(check_json(repo.root)) == [
        ("specs/a.md", 5, 14, "SD101"),
        ("specs/a.md", 7, 5, "SD105"),
    ]


def test_nul_bytes_make_a_spec_binary(repo: GitRepo) -> None:
    repo.commit("add", files={**BASE, "specs/a.md": MISSING.encode() + b"\0\0junk\0", "specs/b.md": MISSING})
    result = check_json(repo.root)
    assert findings(result) == [("specs/b.md", 1, 14, "SD101")]
    assert warnings(result) == ["speclint: warning: specs/a.md: binary file (contains NUL bytes); not checked"]


def test_binary_file_with_a_source_extension(repo: GitRepo) -> None:
    blob = bytes(range(256)) * 64 + b"\0def handler(x):\n    pass\n"
    repo.commit(
        "add",
        files={**BASE,
            "src/app.py": blob,
            "src/lib.ts": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 8,
            "specs/a.md": "- [ ] In `src/app.py`, call `handler(x)` and `app.handler()`.\n"
            "- [ ] `src/lib.ts` exports `render()`.\n",
        },
    )
    result = check_json(repo.root)
    assert all(path == "specs/a.md" for path, *_ in findings(result))


# --- size and depth ------------------------------------------------------------------------


def test_100k_character_line(repo: GitRepo) -> None:
    line = ("word `src/ok.py` and [link](a.md) " * 3000)[:100_000]
    repo.commit("add", files={**BASE, "src/ok.py": "X = 1\n", "specs/a.md": line + "\n" + MISSING})
    assert findings(check_json(repo.root)) == [("specs/a.md", 2, 14, "SD101")]


@pytest.mark.parametrize("unit", ["> ", "* > "])
def test_20000_deep_blockquote_nesting(repo: GitRepo, unit: str) -> None:
    repo.commit("add", files={**BASE, "specs/a.md": unit * 20_000 + "level\n\n" + MISSING})
    assert findings(check_json(repo.root)) == [("specs/a.md", 3, 14, "SD101")]


@pytest.mark.parametrize("unit", ["- ", "1. "])
def test_20000_deep_list_nesting(repo: GitRepo, unit: str) -> None:
    """markdown-it stops at 20 levels and drops the rest of that top-level list; the raw-line
    scan still finds the path (as bare text, so one column to the right of the backtick)."""
    repo.commit("add", files={**BASE, "specs/a.md": unit * 20_000 + "level\n\n" + MISSING})
    assert findings(check_json(repo.root)) == [("specs/a.md", 3, 15, "SD101")]


def test_20000_deep_nesting_line_by_line(repo: GitRepo) -> None:
    """Each line one level deeper: markdown-it's nesting limit, then our own model."""
    deep = "".join("> " * depth + "- item\n" for depth in range(0, 2000)) + "- " * 20_000 + "x\n"
    repo.commit("add", files={**BASE, "specs/a.md": deep + "\n" + MISSING})
    assert [(line, code) for _p, line, _c, code in findings(check_json(repo.root))] == [(2003, "SD101")]


# --- odd paths -----------------------------------------------------------------------------


@pytest.mark.parametrize("quote_path", ["true", "false"])
def test_spec_paths_with_spaces_and_non_ascii(repo: GitRepo, quote_path: str) -> None:
    repo.git("config", "core.quotePath", quote_path)
    repo.commit(
        "add",
        files={**BASE,
            "specs/my feature/données é.md": MISSING + "- [ ] Edit `src/naïve file.py` and `src/ünï.py`\n",
            "src/naïve file.py": "X = 1\n",
            "src/ünï.py": "def grüß() -> None: ...\n",
        },
    )
    result = check_json(repo.root)
    assert findings(result) == [("specs/my feature/données é.md", 1, 14, "SD101")]
    refs = run_cli(repo.root, "refs", "--format", "json")
    assert refs.code == 0, refs.err
    rows = {(row["spec"], row["resolved"], row["status"]) for row in json.loads(refs.out)}
    assert ("specs/my feature/données é.md", "src/ünï.py", "found") in rows


def test_quote_path_setting_does_not_change_output(tmp_path: Path) -> None:
    outputs = []
    for setting in ("true", "false"):
        repo = GitRepo.init(tmp_path / setting)
        repo.git("config", "core.quotePath", setting)
        repo.commit("add", files={**BASE, "specs/spec ü.md": MISSING, "src/é.py": "x = 1\n", "specs/tab\tname.md": MISSING})
        repo.mv("src/é.py", "src/ê.py")
        repo.commit("rename")
        (repo.root / "specs/spec ü.md").write_text(MISSING + "- [x] See `src/é.py`.\n", "utf-8")
        outputs.append(check_json(repo.root).out)
    assert outputs[0] == outputs[1]
    assert "src/ê.py" in outputs[0]


def test_tracked_symlink_to_a_file_outside_is_never_followed(repo: GitRepo, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    # A FIFO: anything that opens it blocks, so following the link would hang the run.
    os.mkfifo(outside / "secret.md")
    os.mkfifo(outside / "secret.py")
    (repo.root / "specs").mkdir()
    (repo.root / "src").mkdir()
    os.symlink(outside / "secret.md", repo.root / "specs/link.md")
    os.symlink(outside / "secret.py", repo.root / "src/secret.py")
    repo.commit("add", files={**BASE, "specs/a.md": MISSING + "- [ ] Use `src/secret.py` and `secret.load()`\n"})
    result = run_with_timeout(repo.root, "check", "--format", "json")
    assert findings(result) == [("specs/a.md", 1, 14, "SD101")]
    assert "secret.md" in result.err and "not checked" in result.err


def test_work_tree_symlinked_directory_is_never_followed(repo: GitRepo, tmp_path: Path) -> None:
    """The index says `docs/b.md` is a file; the work tree has `docs` swapped for a link out."""
    repo.commit("add", files={**BASE, "specs/a.md": MISSING + "See [b](../docs/b.md).\n", "docs/b.md": "# B\n"})
    outside = tmp_path / "outside"
    outside.mkdir()
    os.mkfifo(outside / "b.md")
    for name in ("b.md",):
        (repo.root / "docs" / name).unlink()
    (repo.root / "docs").rmdir()
    os.symlink(outside, repo.root / "docs")
    result = run_with_timeout(repo.root, "check", "--format", "json")
    assert ("specs/a.md", 1, 14, "SD101") in findings(result)


def test_paths_escaping_the_repo_are_missing_and_never_read(repo: GitRepo, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "escape.md")  # <tmp>/repo/specs/../../escape.md
    spec = (
        "- [x] Read `../../etc/passwd` and [pw](../../etc/passwd)\n"
        "- [x] Read [escape](../../escape.md) and `../../escape.md`\n"
        "- [x] Absolute [root](/etc/passwd) and `/etc/passwd`\n"
    )
    repo.commit("add", files={**BASE, "specs/a.md": spec})
    result = run_with_timeout(repo.root, "check", "--format", "json")
    found = findings(result)
    assert "passwd" not in result.err and "root:" not in result.out
    assert found == [
        ("specs/a.md", 1, 12, "SD101"),
        ("specs/a.md", 1, 35, "SD101"),
        ("specs/a.md", 2, 12, "SD105"),
        ("specs/a.md", 2, 42, "SD101"),
        ("specs/a.md", 3, 16, "SD101"),
    ]
    assert "points outside the repository" in result.out
    listing = run_with_timeout(repo.root, "refs", "--format", "json")
    assert listing.code == 0, listing.err


def run_with_timeout(root: Path, *args: str) -> Result:
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "speclint", *args], cwd=root, capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure being guarded against
        pytest.fail("speclint blocked: it opened a FIFO outside the repository")
    result = Result(proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in result.err, result.err
    return result


# --- odd repositories ----------------------------------------------------------------------


def test_submodules_are_not_descended_into(tmp_path: Path) -> None:
    lib = GitRepo.init(tmp_path / "lib")
    lib.commit("lib", files={"core.py": "def inner() -> None: ...\n", "docs/x.md": MISSING})
    repo = GitRepo.init(tmp_path / "repo")
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(lib.root), "vendor/lib")
    repo.commit(
        "add",
        files={**BASE, "specs/a.md": MISSING + "- [x] Use `vendor/lib/core.py` and `inner()` and [doc](../vendor/lib/docs/x.md)\n"},
    )
    result = check_json(repo.root)
    # Nothing inside the submodule is read: not its spec, and `inner()` is unknown, not missing.
    assert findings(result) == [("specs/a.md", 1, 14, "SD101")]
    # An uninitialised submodule (a fresh clone) is an empty folder: no crash either.
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo.root), str(clone)], check=True, env=repo.env, capture_output=True)
    assert findings(check_json(clone)) == findings(result)


def test_git_worktree(repo: GitRepo, tmp_path: Path) -> None:
    repo.commit("add", files={**BASE, "specs/a.md": MISSING, "src/x.py": "X = 1\n"})
    repo.git("worktree", "add", "-q", str(tmp_path / "wt"), "-b", "other")
    first = run_cli(tmp_path / "wt", "check", "--format", "json")
    second = run_cli(tmp_path / "wt", "check", "--format", "json")
    assert findings(first) == findings(second) == [("specs/a.md", 1, 14, "SD101")]
    assert not (tmp_path / "wt" / ".git").is_dir()  # a file pointing at the main git dir


def test_repository_with_no_commits(repo: GitRepo) -> None:
    empty = run_cli(repo.root, "check")
    assert empty.code == 0 and "no tracked files" in empty.err
    repo.write("specs/a.md", MISSING)
    repo.write("src/ok.py", "OK = 1\n")
    repo.add()
    assert findings(check_json(repo.root)) == [("specs/a.md", 1, 14, "SD101")]
    assert findings(check_json(repo.root, "--staged")) == [("specs/a.md", 1, 14, "SD101")]
    head = run_cli(repo.root, "check", "--head", "HEAD")
    assert head.code == 2 and head.err.count("\n") == 1 and "speclint: error:" in head.err


def test_detached_head(repo: GitRepo) -> None:
    repo.commit("add", files={**BASE, "specs/a.md": MISSING, "src/x.py": "X = 1\n"})
    repo.commit("more", files={"src/y.py": "Y = 1\n"})
    attached = check_json(repo.root).out
    repo.git("checkout", "-q", "--detach", "HEAD")
    assert check_json(repo.root).out == attached
    repo.git("checkout", "-q", "HEAD~1")
    assert findings(check_json(repo.root)) == [("specs/a.md", 1, 14, "SD101")]


def test_huge_generated_source_is_skipped_and_said_once(repo: GitRepo) -> None:
    generated = "".join(f"def generated_{i}(x):\n    return {i}\n\n" for i in range(90_000))
    assert 2 * 1024 * 1024 < len(generated) < 8 * 1024 * 1024
    repo.commit(
        "add",
        files={**BASE,
            "src/gen.py": generated,
            "specs/a.md": "- [x] `src/gen.py` has `generated_1()`\n- [x] and `gen.generated_2(x)`\n"
            "- [x] and `generated_3()` in `src/gen.py`\n",
        },
    )
    result = run_cli(repo.root, "check", "--format", "json")
    assert result.code in (0, 1), result.err
    notes = [w for w in warnings(result) if "src/gen.py" in w]
    assert notes == ["speclint: warning: src/gen.py: larger than 2 MiB; its symbols are not indexed"]


def test_5mb_spec_is_checked_in_bounded_memory(repo: GitRepo) -> None:
    """Five megabytes of prose, one stale reference at the very end: found, at its line."""
    sentence = "The ledger service keeps balances in memory and answers each request quickly.\n"
    paragraph = sentence * 9 + "\n"
    count = 5 * 1024 * 1024 // len(paragraph) + 1
    text = "# Ledger\n\n" + paragraph * count + "- [x] Store balances in `src/ledger/missing.py`\n"
    assert len(text.encode()) > 5 * 1024 * 1024
    repo.commit(files={"specs/ledger.md": text, "src/ledger/store.py": "BALANCES = {}\n"})
    last_line = text.count("\n")
    proc = subprocess.run(
        [sys.executable, "-m", "speclint", "check", "--no-cache", "-f", "json"],
        cwd=repo.root, capture_output=True, text=True, env={**os.environ, **repo.env},
    )
    assert proc.returncode == 1, proc.stderr
    found = [(f["path"], f["line"], f["rule"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [("specs/ledger.md", last_line, "SD101")]
    # The largest child of this test process so far: an upper bound on the check's peak.
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mib < 200, f"peak {peak_mib:.0f} MiB"  # 70 MiB measured
