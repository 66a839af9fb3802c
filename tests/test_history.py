from __future__ import annotations

from pathlib import Path

from speclint import history
from tests.gitrepo import GitRepo


def test_changed_since_agrees_with_the_versions_it_stands_for(tmp_path: Path) -> None:
    """The drift rules skip a file `changed_since` calls untouched without reading its versions."""
    repo = GitRepo.init(tmp_path / "repo")
    repo.commit("code", files={"src/before.py": "a = 1\n", "src/after.py": "b = 1\n", "src/moved.py": "c = 1\n",
                               "src/still.py": "d = 1\n"})
    repo.commit("edit before the spec", files={"src/before.py": "a = 2\n"})
    repo.commit("spec", files={"specs/a.md": "# A\n"})
    repo.commit("edit after the spec", files={"src/after.py": "b = 2\n"})
    repo.mv("src/moved.py", "src/renamed.py")
    repo.commit("rename after the spec")

    loaded = history.load(repo.root, "HEAD", ["specs/a.md"])
    baseline = loaded.baseline("specs/a.md")
    assert baseline is not None and baseline.subject == "spec"
    answers = {}
    for path in ("src/before.py", "src/after.py", "src/renamed.py", "src/still.py", "src/absent.py"):
        answers[path] = loaded.changed_since(path, baseline)
        assert answers[path] == bool(loaded.versions(path, baseline)), path
    assert answers == {"src/before.py": False, "src/after.py": True, "src/renamed.py": True,
                       "src/still.py": False, "src/absent.py": False}
