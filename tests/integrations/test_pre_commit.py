"""The pre-commit hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit.

`pre-commit try-repo` always installs into a fresh temporary store, so it runs each hook once or
twice; the other cases share one hook environment in a module-wide PRE_COMMIT_HOME, through a
config that names the hook repository and its commit, exactly the config try-repo writes. pre-commit
installs the hook repository with pip, from the package index pip is configured with.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import Result
from tests.gitrepo import BASE_DATE, GitRepo, git_env
from tests.integrations.conftest import SOURCE, HookRepo

SPEC = "# Auth\n\n`verify_code(code)` in `src/auth.py` checks a one-time code.\n"
CODE = "def verify_code(code):\n    return code == '123456'\n"
CODE_CHANGED = "def verify_code(code):\n    return code.strip() == '123456'\n"
CODE_RENAMED = "def check_code(code):\n    return code == '123456'\n"
SPEC_RENAMED = SPEC.replace("verify_code", "check_code")
EDITOR_COMMENTS = (
    "# Please enter the commit message for your changes. Lines starting\n"
    "# with '#' will be ignored, and an empty message aborts the commit.\n"
)
HOOK_IDS = ("speclint", "speclint-commit-msg", "speclint-push")


def _environ(home: Path, date: int = BASE_DATE) -> dict[str, str]:
    env = git_env(date)
    env["PRE_COMMIT_HOME"] = str(home)
    env["PRE_COMMIT_COLOR"] = "never"
    env.pop("NO_COLOR", None)
    return env


def _run(cwd: Path, args: list[str], env: dict[str, str]) -> Result:
    proc = subprocess.run(args, cwd=cwd, env=env, check=False, capture_output=True, text=True)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def pre_commit(cwd: Path, *args: str, env: dict[str, str]) -> Result:
    return _run(cwd, [sys.executable, "-m", "pre_commit", *args], env)


def documented_config(path: Path) -> dict:  # type: ignore[type-arg]
    """The first `.pre-commit-config.yaml` snippet of a markdown file, as a user would paste it."""
    text = path.read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL):
        if "default_install_hook_types" in block:
            return yaml.safe_load(block)
    raise AssertionError(f"{path} has no pre-commit config snippet")


def _config(hook_repo: HookRepo) -> str:
    """The README's config, pointed at the local copy of this repository."""
    config = documented_config(SOURCE / "README.md")
    (repo,) = config["repos"]
    repo.update(repo=str(hook_repo.path), rev=hook_repo.rev)
    return yaml.safe_dump(config, sort_keys=False)


def test_documented_configs_install_all_three_hooks() -> None:
    for doc in (SOURCE / "README.md", SOURCE / "docs" / "integrations.md"):
        config = documented_config(doc)
        assert config["default_install_hook_types"] == ["pre-commit", "commit-msg", "pre-push"]
        assert [hook["id"] for hook in config["repos"][0]["hooks"]] == list(HOOK_IDS)


def _project(root: Path, hook_repo: HookRepo) -> GitRepo:
    """A small project whose spec names `src/auth.py` and `verify_code`, committed once."""
    repo = GitRepo.init(root)
    repo.commit(
        "Add MFA code check",
        files={
            "specs/auth.md": SPEC,
            "src/auth.py": CODE,
            ".pre-commit-config.yaml": _config(hook_repo),
        },
    )
    return repo


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, hook_repo: HookRepo) -> Iterator[Path]:
    """One PRE_COMMIT_HOME with the three hooks' environment installed, shared by this module."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    scratch = _project(tmp_path_factory.mktemp("scratch") / "project", hook_repo)
    installed = pre_commit(scratch.root, "install-hooks", env=_environ(home))
    assert installed.code == 0, installed.out + installed.err
    yield home


def test_manifest_is_valid_and_every_hook_sets_stages() -> None:
    manifest = SOURCE / ".pre-commit-hooks.yaml"
    checked = _run(manifest.parent, [sys.executable, "-m", "pre_commit", "validate-manifest", str(manifest)], dict(os.environ))
    assert checked.code == 0, checked.out + checked.err
    hooks = {hook["id"]: hook for hook in yaml.safe_load(manifest.read_text(encoding="utf-8"))}
    assert set(hooks) == set(HOOK_IDS)
    assert hooks["speclint"]["stages"] == ["pre-commit", "pre-merge-commit", "manual"]
    assert hooks["speclint-commit-msg"]["stages"] == ["commit-msg"]
    assert hooks["speclint-push"]["stages"] == ["pre-push"]
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["minimum_pre_commit_version"] == "3.2.0"
    # pre-commit never passes deleted files: the staged check and the push check read git themselves.
    for hook_id in ("speclint", "speclint-push"):
        assert hooks[hook_id]["pass_filenames"] is False
        assert hooks[hook_id]["always_run"] is True
        assert hooks[hook_id]["require_serial"] is True
    # The message file is appended as the last argument, as the value of --commit-msg-file.
    assert hooks["speclint-commit-msg"]["entry"].endswith("--commit-msg-file")
    assert hooks["speclint-commit-msg"].get("pass_filenames", True) is True


def test_try_repo_blocks_a_staged_deletion_of_a_referenced_file(tmp_path: Path, hook_repo: HookRepo) -> None:
    project = _project(tmp_path / "project", hook_repo)
    project.rm("src/auth.py")
    env = _environ(tmp_path / "home")
    result = pre_commit(project.root, "try-repo", str(hook_repo.path), "speclint", env=env)
    assert result.code == 1, result.out + result.err
    assert "SD101" in result.out
    assert "`src/auth.py` is not a tracked file" in result.out
    # A commit that leaves the referenced file alone passes.
    project.git("reset", "-q", "--hard")
    project.write("README.md", "# project\n")
    project.add("README.md")
    clean = pre_commit(project.root, "try-repo", str(hook_repo.path), "speclint", env=env)
    assert clean.code == 0, clean.out + clean.err


def test_try_repo_runs_the_commit_msg_and_push_hooks(tmp_path: Path, hook_repo: HookRepo) -> None:
    """Each of the other two hooks through `pre-commit try-repo` itself (each call installs anew)."""
    project = _project(tmp_path / "project", hook_repo)
    project.write("src/auth.py", CODE_CHANGED)
    project.add("src/auth.py")
    env = _environ(tmp_path / "home")
    message = project.root / ".git" / "COMMIT_EDITMSG"
    message.write_text(f"Strip the code before comparing\n\n{EDITOR_COMMENTS}", encoding="utf-8")
    args = ("try-repo", str(hook_repo.path), "speclint-commit-msg", "--hook-stage", "commit-msg", "--commit-msg-filename", str(message))
    blocked = pre_commit(project.root, *args, env=env)
    assert blocked.code == 1, blocked.out + blocked.err
    assert "SD301" in blocked.out

    project.git("reset", "-q", "--hard")
    project.rm("src/auth.py")
    assert _commit(project, _environ(tmp_path / "home", BASE_DATE + 86_400), "--no-verify", "-m", "Drop it").code == 0
    head, before = project.git("rev-parse", "HEAD").strip(), project.git("rev-parse", "HEAD~1").strip()
    pushed = pre_commit(
        project.root, "try-repo", str(hook_repo.path), "speclint-push", "--hook-stage", "pre-push",
        "--from-ref", before, "--to-ref", head, env=env,
    )
    assert pushed.code == 1, pushed.out + pushed.err
    assert "SD101" in pushed.out


def test_commit_msg_hook_needs_the_trailer_for_a_code_only_change(tmp_path: Path, hook_repo: HookRepo, store: Path) -> None:
    project = _project(tmp_path / "project", hook_repo)
    project.write("src/auth.py", CODE_CHANGED)
    project.add("src/auth.py")
    env = _environ(store)

    message = project.root / ".git" / "COMMIT_EDITMSG"
    message.write_text(f"Strip the code before comparing\n\n{EDITOR_COMMENTS}", encoding="utf-8")
    blocked = pre_commit(project.root, "run", "--hook-stage", "commit-msg", "--commit-msg-filename", str(message), env=env)
    assert blocked.code == 1, blocked.out + blocked.err
    assert "SD301" in blocked.out
    assert "Spec-Impact: none" in blocked.out  # the message says how to waive it

    message.write_text(f"Strip the code before comparing\n\nSpec-Impact: none\n{EDITOR_COMMENTS}", encoding="utf-8")
    waived = pre_commit(project.root, "run", "--hook-stage", "commit-msg", "--commit-msg-filename", str(message), env=env)
    assert waived.code == 0, waived.out + waived.err

    # A `Spec-Impact: none` that is only inside a comment line does not count.
    message.write_text(f"Strip the code before comparing\n\n# Spec-Impact: none\n{EDITOR_COMMENTS}", encoding="utf-8")
    commented = pre_commit(project.root, "run", "--hook-stage", "commit-msg", "--commit-msg-filename", str(message), env=env)
    assert commented.code == 1, commented.out + commented.err


def _commit(repo: GitRepo, env: dict[str, str], *args: str) -> Result:
    return _run(repo.root, ["git", "commit", "-q", *args], env)


def test_installed_hooks_block_drift_and_let_the_fix_through(tmp_path: Path, hook_repo: HookRepo, store: Path) -> None:
    """As a new user would: install all three hook types, rename a spec-referenced function."""
    project = _project(tmp_path / "project", hook_repo)
    env = _environ(store, BASE_DATE + 86_400)
    installed = pre_commit(project.root, "install", env=env)
    assert installed.code == 0, installed.out + installed.err
    for hook_type in ("pre-commit", "commit-msg", "pre-push"):
        assert (project.root / ".git" / "hooks" / hook_type).is_file()

    project.write("src/auth.py", CODE_RENAMED)
    project.add("src/auth.py")
    blocked = _commit(project, env, "-m", "Rename verify_code")
    assert blocked.code != 0
    assert "SD102" in blocked.out + blocked.err
    assert "verify_code" in blocked.out + blocked.err
    assert project.git("rev-list", "--count", "HEAD").strip() == "1"

    project.write("specs/auth.md", SPEC_RENAMED)
    project.add("specs/auth.md")
    passed = _commit(project, env, "-m", "Rename verify_code to check_code")
    assert passed.code == 0, passed.out + passed.err
    assert project.git("rev-list", "--count", "HEAD").strip() == "2"

    # A code-only change: the commit-msg hook wants the trailer.
    project.write("src/auth.py", CODE_RENAMED.replace("code ==", "code.strip() =="))
    project.add("src/auth.py")
    unspecced = _commit(project, env, "-m", "Strip the code")
    assert unspecced.code != 0
    assert "SD301" in unspecced.out + unspecced.err
    trailer = _commit(project, env, "-m", "Strip the code", "-m", "Spec-Impact: none")
    assert trailer.code == 0, trailer.out + trailer.err


def test_commit_all_is_checked_through_git_index_file(tmp_path: Path, hook_repo: HookRepo, store: Path) -> None:
    """`git commit -a` stages into a temporary index named by GIT_INDEX_FILE; the hook reads it."""
    project = _project(tmp_path / "project", hook_repo)
    env = _environ(store, BASE_DATE + 86_400)
    assert pre_commit(project.root, "install", env=env).code == 0
    (project.root / "src" / "auth.py").unlink()
    blocked = _commit(project, env, "-a", "-m", "Drop the code check", "-m", "Spec-Impact: none")
    assert blocked.code != 0
    assert "SD101" in blocked.out + blocked.err
    assert project.git("rev-list", "--count", "HEAD").strip() == "1"


def test_pre_push_hook_checks_the_commits_being_pushed(tmp_path: Path, hook_repo: HookRepo, store: Path) -> None:
    project = _project(tmp_path / "project", hook_repo)
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True, env=git_env())
    project.git("remote", "add", "origin", str(remote))
    env = _environ(store, BASE_DATE + 86_400)
    assert pre_commit(project.root, "install", env=env).code == 0

    # A first push: no remote side yet, so the whole tree is checked; it is clean.
    first = _run(project.root, ["git", "push", "-q", "origin", "main"], env)
    assert first.code == 0, first.out + first.err

    # A commit made without the local hooks deletes the referenced file; the push is stopped.
    project.rm("src/auth.py")
    assert _commit(project, env, "--no-verify", "-m", "Drop the code check").code == 0
    pushed = _run(project.root, ["git", "push", "-q", "origin", "main"], env)
    assert pushed.code != 0
    assert "SD101" in pushed.out + pushed.err
    remote_head = subprocess.run(["git", "rev-parse", "main"], cwd=remote, check=False, capture_output=True, text=True, env=git_env())
    assert remote_head.stdout.strip() == project.git("rev-parse", "HEAD~1").strip()

    # The same range through pre-commit's own command line, as CI would run it.
    ranged = pre_commit(
        project.root,
        "run",
        "--hook-stage",
        "pre-push",
        "--from-ref",
        project.git("rev-parse", "HEAD~1").strip(),
        "--to-ref",
        "HEAD",
        env=env,
    )
    assert ranged.code == 1, ranged.out + ranged.err
    assert "SD101" in ranged.out
