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


def test_fast_lane_answers_like_the_full_command_line(repo: GitRepo, tmp_path: Path) -> None:
    from speclint import quick

    assert quick.parse(["check", "--staged", "--select", "SD1,SD301", "--exit-zero"]) == {
        "--staged": "", "--select": "SD1,SD301", "--exit-zero": ""
    }
    assert quick.parse(["check", "--pre-push", "--fail-on=warning"]) == {"--pre-push": "", "--fail-on": "warning"}
    assert quick.parse(["check", "--no-cache"]) == {"--no-cache": ""}
    for args in (["check", "-f", "json"], ["check", "--staged", "-f", "json"], ["check", "--staged", "src"],
                 ["check", "--staged", "--staged"], ["check", "--staged", "--pre-push"],
                 ["check", "--staged", "--fail-on", "loud"], ["check", "--staged", "--select"], ["rules"]):
        assert quick.parse(args) is None, args
    start(repo)
    message = tmp_path / "msg"
    message.write_text("x\n")
    cases = [
        ({"src/other.py": "def unrelated(x):\n    return x\n"}, ["--select", "SD1,SD301"]),  # nothing relevant
        ({"src/auth.py": SIGNED}, []),  # SD104, SD201 and SD301
        ({"src/auth.py": SIGNED}, ["--commit-msg-file", str(message), "--select", "SD301"]),
        ({"src/auth.py": SIGNED}, ["--select", "SD999"]),  # a usage error
    ]
    for files, extra in cases:
        for path, content in files.items():
            repo.write(path, content)
        repo.add()
        for mode in (["--staged"], []):
            fast = run_cli(repo.root, "check", *mode, *extra)
            full = run_cli(repo.root, "check", *mode, *extra, "-f", "text")  # not the fast lane's form
            assert (fast.code, fast.out, fast.err) == (full.code, full.out, full.err), (mode, extra)
        repo.git("reset", "-q", "--hard")


def _resolved(repo: GitRepo) -> dict[str, str]:
    from speclint import runner

    ctx = runner.open_context(runner.Request(cwd=repo.root, staged=True))
    try:
        return {ref.name: res.status for ref, res in ctx.symbol_resolutions.items()}
    finally:
        ctx.close()


def test_staged_symbols_are_read_from_the_index_not_the_work_tree(repo: GitRepo) -> None:
    verify = 'def verify(token):\n    return token == "ok"\n'
    start(repo, **{"src/auth.py": CODE.split("\n\n\n")[1], "src/check.py": verify})
    assert _resolved(repo) == {"verify": "found", "issue_token": "found"}
    repo.write("src/check.py", verify.replace("verify", "check_token"))  # in the work tree only
    assert _resolved(repo) == {"verify": "found", "issue_token": "found"}
    # A file git is told not to look at in the work tree (sparse checkouts) is still read.
    repo.git("checkout", "--", "src/check.py")
    repo.git("update-index", "--skip-worktree", "src/check.py")
    (repo.root / "src" / "check.py").unlink()
    assert _resolved(repo) == {"verify": "found", "issue_token": "found"}
