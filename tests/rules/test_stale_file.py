from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo


def test_whole_file_reference_that_keeps_changing(repo: GitRepo) -> None:
    repo.commit("spec", files={"specs/deploy.md": "- [x] Tune `deploy/config.yaml` and `src/app.py`\n",
                               "deploy/config.yaml": "pool: 1\n", "src/app.py": "def run():\n    return 1\n"})
    for n in range(3):
        sha = repo.commit(f"Raise the pool to {n + 2}", files={"deploy/config.yaml": f"pool: {n + 2}\n"})
    for n in range(3):
        repo.commit(f"code {n}", files={"src/app.py": f"def run():\n    return {n}\n"})
    report = check_repo(repo.root, select=["SD203"])
    assert positions(report) == [("specs/deploy.md", 1, 12, "SD203")]
    assert report.findings[0].message == (
        f"`deploy/config.yaml` changed in 3 commits since this spec was last edited (latest: {sha[:7]} Raise the pool to 4)"
    )


def test_uncommitted_change_counts(repo: GitRepo) -> None:
    repo.commit("spec", files={"specs/deploy.md": "- [x] Tune `deploy/config.yaml`\n", "deploy/config.yaml": "pool: 1\n"})
    repo.commit("a", files={"deploy/config.yaml": "pool: 2\n"})
    repo.commit("b", files={"deploy/config.yaml": "pool: 3\n"})
    assert positions(check_repo(repo.root, select=["SD203"])) == []
    repo.write("deploy/config.yaml", "pool: 4\n")
    report = check_repo(repo.root, select=["SD203"])
    assert [f.message for f in report.findings] == [
        "`deploy/config.yaml` changed in 3 commits since this spec was last edited (latest: uncommitted changes)"
    ]
