from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo
from tests.rules.test_unspecced_change import CODE, start


def test_new_public_symbol_in_a_covered_file(repo: GitRepo) -> None:
    start(repo)
    repo.write("src/auth.py", CODE + "\n\ndef revoke_all(user):\n    return user\n\n\ndef _helper():\n    return 1\n")
    repo.add()
    report = check_repo(repo.root, staged=True, select=["SD302"])
    assert positions(report) == [("src/auth.py", 9, 1, "SD302")]
    assert report.findings[0].message == (
        "public `revoke_all` is new in `src/auth.py`, which `specs/auth.md` covers, and no spec mentions it"
    )


def test_mentioned_uncovered_or_off_by_default(repo: GitRepo) -> None:
    start(repo, spec="# Auth\n\n- `verify(token)`, `issue_token(user)` and later `revoke_all`.\n")
    repo.write("src/auth.py", CODE + "\n\ndef revoke_all(user):\n    return user\n")
    repo.write("src/free.py", "def anything():\n    return 1\n")
    repo.add()
    assert positions(check_repo(repo.root, staged=True, select=["SD302"])) == []
    assert [f.rule for f in check_repo(repo.root, staged=True).findings if f.rule == "SD302"] == []


def test_go_exports_only(repo: GitRepo) -> None:
    start(repo, **{"specs/store.md": "# Store\n\n`store/store.go` keeps `Put`.\n", "store/store.go": "package store\n\nfunc Put() {}\n"})
    repo.write("store/store.go", "package store\n\nfunc Put() {}\n\nfunc Get() {}\n\nfunc helper() {}\n")
    repo.add()
    assert [f.target for f in check_repo(repo.root, staged=True, select=["SD302"]).findings] == ["Get"]
