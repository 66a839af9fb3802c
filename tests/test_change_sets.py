"""Change-set modes: --staged, --base/--head, --commits, --pre-push; only new drift is reported."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import check_repo, positions, run_cli
from tests.gitrepo import GitRepo
from tests.rules.test_unspecced_change import CODE, SPEC, start

SIGNED = CODE.replace("verify(token)", "verify(token, audience)")


def feature_branch(repo: GitRepo, message: str = "Add an audience") -> str:
    start(repo)
    base = repo.git("rev-parse", "HEAD").strip()
    repo.branch("feature")
    repo.commit(message, files={"src/auth.py": SIGNED})
    return base


def test_pull_request_mode_reports_the_unspecced_change(repo: GitRepo) -> None:
    base = feature_branch(repo)
    report = check_repo(repo.root, base=base)
    # The history rules see the spec's code move on too; SD301 sits on the code.
    assert positions(report) == [
        ("specs/auth.md", 3, 3, "SD104"),
        ("specs/auth.md", 3, 3, "SD201"),
        ("src/auth.py", 1, 1, "SD301"),
    ]
    sd301 = next(f for f in report.findings if f.rule == "SD301")
    assert f"and {base[:7]}..{repo.git('rev-parse', 'HEAD').strip()[:7]} leave that spec untouched" in sd301.message
    # The same range, written as --commits, and with an explicit --head.
    assert positions(check_repo(repo.root, commits=f"{base}..HEAD")) == positions(report)
    assert positions(check_repo(repo.root, base="main", head="feature")) == positions(report)


def test_spec_impact_trailer_in_a_commit_waives_its_files(repo: GitRepo) -> None:
    base = feature_branch(repo, "Add an audience\n\nSpec-Impact: none")
    assert [f.rule for f in check_repo(repo.root, base=base).findings] == ["SD104", "SD201"]


def test_a_waiver_covers_only_the_files_its_commit_touched(repo: GitRepo) -> None:
    base = feature_branch(repo, "Add an audience\n\nSpec-Impact: none")
    repo.commit("issue differently", files={"src/auth.py": SIGNED.replace('"t-"', '"token-"')})
    # The second commit touched the same file without a waiver: still waived (the file is).
    assert [f.rule for f in check_repo(repo.root, base=base, select=["SD301"]).findings] == []
    repo.commit("more", files={"src/extra.py": "def extra():\n    return 1\n", "specs/extra.md": "# x\n\n`src/extra.py`\n"})
    repo.commit("change extra", files={"src/extra.py": "def extra():\n    return 2\n"})
    assert [f.location.path for f in check_repo(repo.root, base=base, select=["SD301"]).findings] == []


def test_code_rename_breaks_an_untouched_spec(repo: GitRepo) -> None:
    start(repo)
    repo.write("src/auth.py", CODE.replace("verify", "check_token"))
    repo.add()
    report = check_repo(repo.root, staged=True, select=["SD1"])
    assert positions(report) == [("specs/auth.md", 3, 3, "SD102")]
    assert report.findings[0].message == (
        "`verify` is not defined in any tracked source file; it became `check_token` in the staged changes (src/auth.py:1)"
    )


def test_drift_that_existed_before_is_not_reported_without_all(repo: GitRepo) -> None:
    start(repo, spec=SPEC.replace("verify(token)", "verify(token, strict)") + "- Config in `src/settings.py`.\n")
    assert sorted(f.rule for f in check_repo(repo.root).findings) == ["SD101", "SD104"]
    repo.write("src/auth.py", CODE.replace("issue_token", "mint_token"))
    repo.add()
    report = check_repo(repo.root, staged=True, select=["SD1"])
    assert [(f.rule, f.target) for f in report.findings] == [("SD102", "issue_token")]
    everything = check_repo(repo.root, staged=True, select=["SD1"], all_findings=True)
    assert sorted(f.rule for f in everything.findings) == ["SD101", "SD102", "SD104"]


def test_spec_edit_that_moves_old_drift_down_keeps_it_quiet(repo: GitRepo) -> None:
    start(repo, spec=SPEC + "- `refresh(token)` renews it.\n")
    repo.write("specs/auth.md", "# Auth\n\nIntro.\n\n" + SPEC.split("\n", 2)[2] + "- `refresh(token)` renews it.\n")
    repo.add()
    assert positions(check_repo(repo.root, staged=True)) == []


def test_nothing_staged_is_clean_and_quick(repo: GitRepo) -> None:
    start(repo, spec=SPEC + "- `refresh(token)` renews it.\n")
    result = run_cli(repo.root, "check", "--staged")
    assert (result.code, result.err) == (0, "")
    assert result.out == "All clear: 0 specs, 0 references checked.\n"


def test_first_commit_of_a_repository(repo: GitRepo) -> None:
    repo.write("specs/a.md", "- [x] `src/missing.py` in `src/`\n")
    repo.write("src/a.py", "A = 1\n")
    repo.add()
    result = run_cli(repo.root, "check", "--staged")
    assert result.code == 1
    assert result.out.startswith("specs/a.md:1:7: SD101 `src/missing.py` is not a tracked file")


def test_git_index_file_is_honoured(repo: GitRepo, tmp_path: Path) -> None:
    start(repo)
    other_index = tmp_path / "other-index"
    env = {**repo.env, "GIT_INDEX_FILE": str(other_index)}
    subprocess.run(["git", "read-tree", "HEAD"], cwd=repo.root, env=env, check=True)
    (repo.root / "src" / "auth.py").write_text(SIGNED)
    subprocess.run(["git", "add", "src/auth.py"], cwd=repo.root, env=env, check=True)
    assert run_cli(repo.root, "check", "--staged").code == 0
    result = run_cli(repo.root, "check", "--staged", "--select", "SD301", env={"GIT_INDEX_FILE": str(other_index)})
    assert result.code == 1 and "SD301" in result.out


def test_depth_one_clone_with_only_the_base_fetched(repo: GitRepo, tmp_path: Path) -> None:
    base = feature_branch(repo)
    clone = repo.shallow_clone(tmp_path / "clone")  # the feature tip only; base is missing
    assert run_cli(clone.root, "check", "--base", base).code == 2
    clone.git("fetch", "-q", "--depth=1", "origin", base)
    result = run_cli(clone.root, "check", "--base", base, "--select", "SD301,SD104")
    assert result.code == 1, result.err
    assert "src/auth.py:1:1: SD301" in result.out
    assert result.err == ""  # no history rules selected, so nothing to say about the shallow clone


def test_unknown_base_is_a_one_line_error(repo: GitRepo) -> None:
    start(repo)
    result = run_cli(repo.root, "check", "--base", "nope")
    assert (result.code, result.err) == (2, "speclint: error: unknown revision 'nope': not a commit in this repository\n")


def test_exclusive_modes(repo: GitRepo) -> None:
    start(repo)
    result = run_cli(repo.root, "check", "--staged", "--base", "HEAD")
    assert (result.code, result.err) == (2, "speclint: error: --staged and --base are exclusive: check one change set at a time\n")
    result = run_cli(repo.root, "check", "--commit-msg-file", "x")
    assert result.code == 2 and "--commit-msg-file goes with --staged" in result.err
    result = run_cli(repo.root, "check", "--commits", "HEAD")
    assert (result.code, result.err) == (2, "speclint: error: --commits 'HEAD': expected a range A..B\n")


def test_pre_push_reads_the_range_from_the_environment(repo: GitRepo) -> None:
    base = feature_branch(repo)
    head = repo.git("rev-parse", "HEAD").strip()
    env = {"PRE_COMMIT_FROM_REF": base, "PRE_COMMIT_TO_REF": head}
    result = run_cli(repo.root, "check", "--pre-push", "--select", "SD301", env=env)
    assert result.code == 1 and "src/auth.py:1:1: SD301" in result.out
    # A first push (no remote side): a full check of what is pushed, which has no change set.
    result = run_cli(repo.root, "check", "--pre-push", "--select", "SD104,SD301", env={"PRE_COMMIT_FROM_REF": "0" * 40, "PRE_COMMIT_TO_REF": head})
    assert result.code == 0 and "SD104" in result.out and "SD301" not in result.out
    result = run_cli(repo.root, "check", "--pre-push", "--select", "SD104")
    assert "SD104" in result.out


def test_missing_commit_message_file(repo: GitRepo) -> None:
    start(repo)
    result = run_cli(repo.root, "check", "--staged", "--commit-msg-file", "nope.txt")
    assert result.code == 2
    assert result.err.startswith("speclint: error: nope.txt: cannot read the commit message")


def test_fast_lane_answers_like_the_full_command_line(repo: GitRepo) -> None:
    from speclint import quick

    start(repo)
    run_cli(repo.root, "check", "--staged")  # nothing staged: nothing stored, nothing to say
    repo.write("src/auth.py", SIGNED)
    repo.add()
    run_cli(repo.root, "check", "--staged")  # a relevant change stores the table of spec names
    repo.git("reset", "-q")
    repo.write("src/other.py", "def unrelated(x):\n    return x\n")
    repo.add("src/other.py")
    fast = run_cli(repo.root, "check", "--staged", "--select", "SD1,SD301", "--exit-zero")
    import os

    old = Path.cwd()
    os.chdir(repo.root)
    try:
        assert quick.answer(["check", "--staged", "--select", "SD1,SD301"]) is True
        assert quick.answer(["check", "--staged", "--select", "SD999"]) is False  # the full CLI says why
        assert quick.answer(["check", "--staged", "-f", "json"]) is False
        assert quick.answer(["check", "--staged", "src"]) is False
        assert quick.answer(["check", "--staged", "--staged"]) is False
    finally:
        os.chdir(old)
    assert (fast.code, fast.out, fast.err) == (0, "All clear: 0 specs, 0 references checked.\n", "")
    slow = run_cli(repo.root, "check", "--staged", "--select", "SD1,SD301", "--exit-zero", "-f", "text")
    assert (slow.code, slow.out, slow.err) == (fast.code, fast.out, fast.err)
    # The same change with the symbol it defines named by a spec is relevant: the fast lane steps aside.
    repo.write("src/other.py", "def verify_more(x):\n    return x\n")
    repo.write("src/auth.py", SIGNED)
    repo.add()
    assert "SD301" in run_cli(repo.root, "check", "--staged").out
