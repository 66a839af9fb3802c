from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.gitrepo import GitRepo

SPEC = "# Auth\n\n- [x] Build `src/auth.py`\n- [x] Build `src/gone.py`\n"


def broken(repo: GitRepo) -> None:
    repo.commit(files={"src/auth.py": "A = 1\n", "src/gone.py": "G = 1\n", "specs/auth.md": SPEC})
    repo.rm("src/gone.py")
    repo.commit("drop gone")


def test_help_lists_commands(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--help")
    assert result.code == 0
    for command in ("check", "refs", "rules", "explain", "init"):
        assert f"  {command} " in result.out


def test_check_reports_and_exits_1(repo: GitRepo) -> None:
    broken(repo)
    result = run_cli(repo.root, "check")
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        "specs/auth.md:4:13: SD101 `src/gone.py` is not a tracked file; it was deleted in "
        + repo.git("rev-parse", "--short=7", "HEAD").strip()
    )
    assert "Found 1 finding (1 error; SD101 ×1) in 1 spec, 2 references." in result.out


def test_exit_zero_and_fail_on(repo: GitRepo) -> None:
    broken(repo)
    assert run_cli(repo.root, "check", "--exit-zero").code == 0
    repo.write("speclint.toml", "[rules.SD101]\nseverity = 'warning'\n")
    assert run_cli(repo.root, "check").code == 0
    assert run_cli(repo.root, "check", "--fail-on", "warning").code == 1


def test_clean_repo_exits_0(repo: GitRepo) -> None:
    repo.commit(files={"src/auth.py": "A = 1\n", "specs/auth.md": SPEC.replace("- [x] Build `src/gone.py`\n", "")})
    result = run_cli(repo.root, "check")
    assert (result.code, result.out) == (0, "All clear: 1 spec, 1 reference checked.\n")


def test_not_a_git_repository(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "check")
    assert result.code == 2
    assert result.err == f"speclint: error: {tmp_path}: not a git repository (speclint checks the files git tracks)\n"


def test_bare_repository(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", "--bare", str(tmp_path / "bare.git")], check=True)
    result = run_cli(tmp_path / "bare.git", "check")
    assert result.code == 2
    assert result.err == f"speclint: error: {tmp_path / 'bare.git'}: is a bare repository or a .git folder; run speclint in a work tree\n"


def test_repository_with_no_commits_and_no_files(repo: GitRepo) -> None:
    result = run_cli(repo.root, "check")
    assert result.code == 0
    assert result.err == "speclint: warning: no tracked files: nothing to check (add and commit files first)\n"


def test_staged_files_before_the_first_commit(repo: GitRepo) -> None:
    repo.write("specs/a.md", "- [x] `src/missing.py` in `src/`\n")
    repo.write("src/a.py", "A = 1\n")
    repo.add()
    result = run_cli(repo.root, "check", "--staged")
    assert result.code == 1
    assert result.out.startswith("specs/a.md:1:7: SD101 `src/missing.py` is not a tracked file")


def test_latin1_spec_is_read_with_a_warning(repo: GitRepo) -> None:
    repo.commit(files={"src/a.py": "A = 1\n", "specs/caf\u00e9.md": "Caf\u00e9 \u2014 `src/b.py`\n".encode("latin-1", "replace")})
    result = run_cli(repo.root, "check")
    assert result.code == 1
    assert "speclint: warning: specs/café.md: not valid UTF-8 (first at line 1); 1 line(s) decoded as latin-1" in result.err
    assert result.out.startswith("specs/café.md:1:8: SD101 `src/b.py` is not a tracked file")


def test_binary_file_named_md_is_skipped(repo: GitRepo) -> None:
    repo.commit(files={"specs/blob.md": b"\x00\x01\x02binary\x00", "specs/ok.md": "# ok\n"})
    result = run_cli(repo.root, "check")
    assert result.code == 0
    assert result.err == "speclint: warning: specs/blob.md: binary file (contains NUL bytes); not checked\n"


def test_bad_config_is_one_line_exit_2(repo: GitRepo) -> None:
    repo.commit(files={"speclint.toml": "fail-on = 'loud'\n", "specs/a.md": "# A\n"})
    result = run_cli(repo.root, "check")
    assert result.code == 2
    assert result.err == (
        f"speclint: error: {repo.root}/speclint.toml:1: fail-on: expected one of "
        '"error", "warning", "info", got "loud"\n'
    )
    assert result.out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(("check", "--select", "SD999"), "speclint: error: --select: unknown rule selector 'SD999' (see `speclint rules`)\n", id="unknown-select"),
        pytest.param(("check", "--head", "nope"), "speclint: error: unknown revision 'nope': not a commit in this repository\n", id="unknown-ref"),
        pytest.param(("check", "missing/dir"), "speclint: error: missing/dir: not a tracked file or directory\n", id="unknown-path"),
        pytest.param(("explain", "SD999"), "speclint: error: unknown rule 'SD999'; `speclint rules` lists them\n", id="unknown-explain"),
        pytest.param(("check", "--baseline", "none.json"), "speclint: error: none.json: baseline file not found (create it with --write-baseline)\n", id="missing-baseline"),
    ],
)
def test_usage_errors(repo: GitRepo, args: tuple[str, ...], message: str) -> None:
    repo.commit(files={"specs/a.md": "# A\n"})
    result = run_cli(repo.root, *args)
    assert (result.code, result.err) == (2, message)


def test_click_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "check", "--format", "yaml")
    assert result.code == 2
    assert "Invalid value for '-f' / '--format'" in result.err


def test_baseline_accepts_known_findings_even_after_lines_move(repo: GitRepo) -> None:
    broken(repo)
    written = run_cli(repo.root, "check", "--write-baseline", "baseline.json")
    assert (written.code, written.err) == (0, "speclint: wrote 1 finding(s) to baseline.json\n")
    repo.write("specs/auth.md", "# Auth\n\nIntro moved things down.\n\n" + SPEC)
    assert run_cli(repo.root, "check", "--baseline", "baseline.json").code == 0
    repo.write("specs/auth.md", SPEC + "- [x] Wire `src/also_gone.py`\n")
    result = run_cli(repo.root, "check", "--baseline", "baseline.json")
    assert result.code == 1
    assert result.out.startswith("specs/auth.md:5:12: SD101 `src/also_gone.py`")


def test_inline_suppressions(repo: GitRepo) -> None:
    repo.commit(
        files={
            "src/a.py": "A = 1\n",
            "specs/a.md": (
                "<!-- speclint-disable-next-line SD101 -- tracked elsewhere -->\n"
                "- [x] `src/one.py`\n"
                "<!-- speclint-disable missing-file -->\n"
                "- [x] `src/two.py`\n"
                "<!-- speclint-enable -->\n"
                "- [x] `src/three.py`\n"
            ),
            "specs/b.md": "---\nspeclint:\n  ignore: [SD101]\n---\n- [x] `src/four.py`\n",
        }
    )
    result = run_cli(repo.root, "check", "--format", "json")
    assert [(f["path"], f["line"]) for f in json.loads(result.out)["findings"]] == [("specs/a.md", 6)]


def test_paths_limit_the_specs_reported(repo: GitRepo) -> None:
    repo.commit(files={"src/a.py": "A = 1\n", "specs/a.md": "- [x] `src/x.py`\n", "specs/b/b.md": "- [x] `src/y.py`\n"})
    result = run_cli(repo.root / "specs" / "b", "check", ".", "--format", "json")
    assert [f["path"] for f in json.loads(result.out)["findings"]] == ["specs/b/b.md"]


def test_staged_and_head_snapshots(repo: GitRepo) -> None:
    repo.commit(files={"src/a.py": "A = 1\n", "src/z.py": "Z = 1\n", "specs/a.md": "- [x] `src/a.py`\n"})
    repo.git("mv", "src/a.py", "src/b.py")
    assert run_cli(repo.root, "check", "--head", "HEAD").code == 0
    assert run_cli(repo.root, "check", "--staged").code == 1
    # Unstaged work-tree deletion counts for a plain check only.
    repo.git("reset", "-q", "--hard")
    (repo.root / "src" / "a.py").unlink()
    assert run_cli(repo.root, "check").code == 1
    assert run_cli(repo.root, "check", "--staged").code == 0


def test_git_index_file_is_honoured(repo: GitRepo, tmp_path: Path) -> None:
    repo.commit(files={"src/a.py": "A = 1\n", "src/z.py": "Z = 1\n", "specs/a.md": "- [x] `src/a.py`\n"})
    other_index = tmp_path / "other-index"
    env = {**repo.env, "GIT_INDEX_FILE": str(other_index)}
    subprocess.run(["git", "read-tree", "HEAD"], cwd=repo.root, env=env, check=True)
    subprocess.run(["git", "rm", "-q", "--cached", "src/a.py"], cwd=repo.root, env=env, check=True)
    assert run_cli(repo.root, "check", "--staged").code == 0
    assert run_cli(repo.root, "check", "--staged", env={"GIT_INDEX_FILE": str(other_index)}).code == 1


def test_rules_and_explain(tmp_path: Path) -> None:
    table = run_cli(tmp_path, "rules")
    assert table.code == 0
    assert table.out.splitlines()[0].split() == ["code", "name", "default", "what", "it", "flags"]
    assert any(line.startswith("SD101  missing-file") for line in table.out.splitlines())
    explained = run_cli(tmp_path, "explain", "missing-file")
    assert explained.out.startswith("# SD101 missing-file [error]\n\n## What it does\n")


def test_refs_shows_every_reference(repo: GitRepo) -> None:
    repo.commit(files={"src/a.py": "A = 1\n", "specs/a.md": "- [x] `src/a.py`, `crypto/rand`\n- [ ] `src/new.py`\n"})
    result = run_cli(repo.root, "refs")
    assert result.out.splitlines() == [
        "specs/a.md:1:7: file via code `src/a.py` -> found: src/a.py [from the repository root]",
        "specs/a.md:1:19: file via code `crypto/rand` -> unknown: crypto/rand [not confidently a repository path]",
        "specs/a.md:2:7: file via code `src/new.py` -> missing: src/new.py [not tracked] (planned)",
        "3 references.",
    ]


def test_init_writes_once_and_never_overwrites(repo: GitRepo) -> None:
    repo.commit(files={".kiro/specs/auth/tasks.md": "- [ ] 1. Do\n", "specs/001-a/spec.md": "# A\n"})
    first = run_cli(repo.root, "init")
    assert (first.code, first.err) == (0, f"speclint: wrote {repo.root}/speclint.toml\n")
    text = (repo.root / "speclint.toml").read_text()
    assert 'specs = ["specs/**", ".kiro/specs/**"]' in text
    assert run_cli(repo.root, "check").code == 0
    second = run_cli(repo.root, "init")
    assert (second.code, second.err) == (2, f"speclint: error: {repo.root}/speclint.toml: a speclint config already exists; not overwriting it\n")


def test_output_file_is_written(repo: GitRepo) -> None:
    broken(repo)
    result = run_cli(repo.root, "check", "--format", "json", "--output", "out.json")
    assert (result.code, result.out) == (1, "")
    assert json.loads((repo.root / "out.json").read_text())["summary"]["by_rule"] == {"SD101": 1}


def test_color_only_when_asked(repo: GitRepo) -> None:
    broken(repo)
    assert "\x1b[" not in run_cli(repo.root, "check").out
    assert "\x1b[" in run_cli(repo.root, "check", "--color", "always").out
    assert "\x1b[" in run_cli(repo.root, "check", env={"FORCE_COLOR": "1"}).out
    assert "\x1b[" not in run_cli(repo.root, "check", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).out


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("check",), ("check", "-f", "json")], ids=["fast-lane", "click"])
def test_a_full_disk_is_one_line_not_a_traceback(repo: GitRepo, args: tuple[str, ...]) -> None:
    import sys

    repo.commit(files={"specs/a.md": "# A\n\nSee `src/gone.py`.\n", "src/a.py": "x = 1\n"})
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "speclint", *args], cwd=repo.root, stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 2
    assert proc.stderr == "speclint: error: cannot write to standard output: No space left on device\n"
