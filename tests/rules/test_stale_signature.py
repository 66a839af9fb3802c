from __future__ import annotations

from pathlib import Path

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

SPEC = "# Auth\n\n- [x] `verify(code)` checks a code in `src/auth.py`\n- [x] `issue` makes one in `src/auth.py`\n"
VERIFY = "def verify(code):\n    return code == '1'\n"
ISSUE = "def issue(user_id):\n    return '{}'\n"


def start(repo: GitRepo) -> None:
    repo.commit("spec first", files={"specs/auth.md": SPEC, "src/auth.py": VERIFY})
    repo.commit("implement issue", files={"src/auth.py": VERIFY + "\n\n" + ISSUE})


def test_body_tweak_is_not_stale(repo: GitRepo) -> None:
    start(repo)
    repo.commit("tweak", files={"src/auth.py": VERIFY.replace("'1'", "'2'") + "\n\n" + ISSUE})
    assert positions(check_repo(repo.root)) == []


def test_new_parameter_is_a_stale_signature(repo: GitRepo) -> None:
    start(repo)
    sha = repo.commit(
        "Check the user too",
        files={"src/auth.py": VERIFY.replace("verify(code)", "verify(code, user_id)") + "\n\n" + ISSUE},
    )[:7]
    report = check_repo(repo.root, select=["SD2"])
    assert positions(report) == [("specs/auth.md", 3, 7, "SD201")]
    assert report.findings[0].message == (
        "`verify` changed its signature after this spec was last edited: was `def verify(code):`, "
        f"now `def verify(code, user_id):` ({sha} Check the user too)"
    )


def test_moving_the_file_and_editing_the_spec_is_not_stale(repo: GitRepo) -> None:
    start(repo)
    repo.commit("sig", files={"src/auth.py": VERIFY.replace("verify(code)", "verify(code, user_id)") + "\n\n" + ISSUE})
    repo.mv("src/auth.py", "src/login.py")
    repo.commit("move and update the spec", files={"specs/auth.md": SPEC.replace("src/auth.py", "src/login.py").replace("verify(code)", "verify(code, user_id)")})
    assert positions(check_repo(repo.root, select=["SD2"])) == []


def test_rename_of_the_file_is_followed(repo: GitRepo) -> None:
    start(repo)
    repo.mv("src/auth.py", "src/login.py")
    repo.commit("move")
    repo.commit("sig", files={"src/login.py": VERIFY.replace("verify(code)", "verify(code, user_id)") + "\n\n" + ISSUE})
    repo.write("specs/auth.md", SPEC.replace("src/auth.py", "src/login.py"))
    repo.commit("follow the move in the spec text only")
    assert positions(check_repo(repo.root, select=["SD2"])) == []
    repo.commit("sig again", files={"src/login.py": VERIFY.replace("verify(code)", "verify(code, now)") + "\n\n" + ISSUE})
    assert positions(check_repo(repo.root, select=["SD2"])) == [("specs/auth.md", 3, 7, "SD201")]


def test_spec_reviewed_trailer_resets_the_baseline(repo: GitRepo) -> None:
    start(repo)
    repo.commit("sig", files={"src/auth.py": VERIFY.replace("verify(code)", "verify(code, user_id)") + "\n\n" + ISSUE})
    assert positions(check_repo(repo.root, select=["SD2"])) == [("specs/auth.md", 3, 7, "SD201")]
    repo.commit("Review the auth spec\n\nSpec-Reviewed: specs/auth.md")
    assert positions(check_repo(repo.root, select=["SD2"])) == []


def test_uncommitted_spec_edit_counts_as_review(repo: GitRepo) -> None:
    start(repo)
    repo.commit("sig", files={"src/auth.py": VERIFY.replace("verify(code)", "verify(code, user_id)") + "\n\n" + ISSUE})
    repo.write("specs/auth.md", SPEC + "\nMore words.\n")
    assert positions(check_repo(repo.root, select=["SD2"])) == []


def test_shallow_clone_skips_history_with_one_notice(repo: GitRepo, tmp_path: Path) -> None:
    start(repo)
    repo.commit("sig", files={"src/auth.py": VERIFY.replace("verify(code)", "verify(code, user_id)") + "\n\n" + ISSUE})
    clone = repo.shallow_clone(tmp_path / "shallow")
    report = check_repo(clone.root, select=["SD2"])
    assert positions(report) == []
    assert report.notices == ("history rules skipped: shallow clone; fetch with depth 0 (git fetch --unshallow)",)
