from __future__ import annotations

from speclint.rules.stale_body import Options
from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo
from tests.rules.test_stale_signature import ISSUE, VERIFY, start


def test_issue_body_changed_five_times_is_stale(repo: GitRepo) -> None:
    start(repo)
    for n in range(5):
        sha = repo.commit(f"issue v{n}", files={"src/auth.py": VERIFY + "\n\n" + ISSUE.replace("'{}'", f"'{n}{{}}'")})
    report = check_repo(repo.root, select=["SD2"])
    assert positions(report) == [("specs/auth.md", 4, 7, "SD202")]
    assert report.findings[0].message == (
        f"`issue` changed in 5 commits since this spec was last edited (latest: {sha[:7]} issue v4)"
    )


def test_comment_and_whitespace_edits_do_not_count(repo: GitRepo) -> None:
    start(repo)
    for n in range(4):
        code = ISSUE.replace("    return", f"    # note {n}\n" + "    " * (n % 2) + "    return")
        repo.commit(f"comment {n}", files={"src/auth.py": VERIFY + "\n\n" + code})
    assert positions(check_repo(repo.root, select=["SD202"])) == []


def test_min_commits_option(repo: GitRepo) -> None:
    start(repo)
    for n in range(2):
        repo.commit(f"v{n}", files={"src/auth.py": VERIFY + "\n\n" + ISSUE.replace("'{}'", f"'{n}'")})
    assert positions(check_repo(repo.root, select=["SD202"])) == []
    repo.write("speclint.toml", "[rules.stale-body]\nmin-commits = 2\n")
    assert positions(check_repo(repo.root, select=["SD202"])) == [("specs/auth.md", 4, 7, "SD202")]
    assert Options().min_commits == 3
