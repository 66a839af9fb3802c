from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

SPEC = """\
# MFA

- [x] Task 1.1: Create `src/auth/mfa.py`
- [x] Update `src/auth/tokens.py:42` and [the app](../src/app.py#L3)
- [x] T009 Store codes in src/auth/store.py
- See `src/util.py` and `/src/five.py`
"""


def make(repo: GitRepo) -> None:
    repo.commit(
        "add code and spec",
        files={
            "src/auth/mfa.py": "def verify(code):\n    return code\n",
            "src/auth/tokens.py": "TOKENS = {}\n",
            "src/auth/store.py": "STORE = []\n",
            "src/app.py": "APP = 'app'\n",
            "src/util.py": "def helper():\n    pass\n",
            "src/five.py": "FIVE = 5\n",
            "specs/mfa.md": SPEC,
        },
    )


def test_clean_repo_has_no_findings(repo: GitRepo) -> None:
    make(repo)
    report = check_repo(repo.root)
    assert positions(report) == []
    assert report.summary.references == 6


def test_renamed_files_are_reported_with_their_new_path(repo: GitRepo) -> None:
    make(repo)
    repo.mv("src/auth/tokens.py", "src/auth/token_store.py")
    repo.mv("src/app.py", "src/main.py")
    sha = repo.commit("rename tokens and app")[:7]
    report = check_repo(repo.root)
    assert positions(report) == [
        ("specs/mfa.md", 4, 14, "SD101"),
        ("specs/mfa.md", 4, 42, "SD101"),
    ]
    first, second = report.findings
    assert first.message == (
        f"`src/auth/tokens.py:42` is not a tracked file; it was renamed to `src/auth/token_store.py` in {sha}"
    )
    assert first.target == "src/auth/tokens.py"
    assert second.message == (
        f"`../src/app.py#L3` is not a tracked file; it was renamed to `src/main.py` in {sha}"
    )


def test_deleted_file_and_close_match(repo: GitRepo) -> None:
    make(repo)
    repo.rm("src/auth/store.py")
    sha = repo.commit("drop the store")[:7]
    repo.write("specs/mfa.md", SPEC.replace("`src/util.py`", "`src/utils.py`"))
    repo.commit("typo")
    report = check_repo(repo.root)
    assert [(f.location.line, f.location.column, f.message) for f in report.findings] == [
        (5, 27, f"`src/auth/store.py` is not a tracked file; it was deleted in {sha}"),
        (6, 7, "`src/utils.py` is not a tracked file; did you mean `src/util.py`?"),
    ]


def test_planned_removed_generated_and_foreign_paths_are_quiet(repo: GitRepo) -> None:
    repo.commit(
        files={
            ".gitignore": "dist/\n",
            "src/app.py": "APP = 1\n",
            "specs/plan.md": (
                "# Plan\n\n"
                "- [ ] Create `src/web/Screen.tsx`\n"
                "- [ ] T012 [P] Add model in src/models/user.py\n"
                "- The build writes `dist/bundle.js`.\n"
                "- Remove `src/legacy.py` once callers moved.\n"
                "- `src/old_name.py` → `src/app.py`\n"
                "- ~~`src/gone.py`~~\n"
                "- Go code uses `crypto/rand` and `net/http`; Python uses `os.path.join`.\n"
                "- Run `npm install` then open `https://example.com/a.py`.\n"
                "- Placeholders: `src/<name>.py`, `path/to/file.py`, `specs/NNN-feature/spec.md`.\n"
                "- Other projects get `config.yaml` and `lib/other/thing.py`.\n"
                "- The design mentions `src/web/Screen.tsx` too.\n"
            ),
        }
    )
    assert positions(check_repo(repo.root)) == []


def test_paths_escaping_the_repo_are_missing_and_never_read(repo: GitRepo) -> None:
    repo.commit(files={"specs/a.md": "See [passwd](../../etc/passwd) and `../../../etc/hosts.txt`.\n"})
    report = check_repo(repo.root)
    assert [(f.location.column, f.rule, f.message) for f in report.findings] == [
        (5, "SD101", "`../../etc/passwd` points outside the repository; only tracked files can be referenced"),
        (36, "SD101", "`../../../etc/hosts.txt` points outside the repository; only tracked files can be referenced"),
    ]


def test_bare_file_names_resolve_when_unique(repo: GitRepo) -> None:
    repo.commit(
        files={
            "app/src/main/java/AuthController.java": "class AuthController {}\n",
            "specs/a.md": "- [x] Wire `AuthController.java` and `UserController.java`\n",
        }
    )
    assert positions(check_repo(repo.root)) == []
    repo.mv("app/src/main/java/AuthController.java", "app/src/main/java/LoginController.java")
    sha = repo.commit("rename controller")[:7]
    report = check_repo(repo.root)
    assert [f.message for f in report.findings] == [
        f"`AuthController.java` is not a tracked file; it was renamed to `app/src/main/java/LoginController.java` in {sha}"
    ]


def test_links_relative_to_root_from_deep_specs_resolve(repo: GitRepo) -> None:
    repo.commit(
        files={
            "src/core/engine.py": "ENGINE = 1\n",
            "specs/001-core/contracts/api/deep.md": "[engine](src/core/engine.py) and [up](../../../../src/core/engine.py)\n",
        }
    )
    assert positions(check_repo(repo.root)) == []


def test_untracked_files_are_not_code(repo: GitRepo) -> None:
    repo.commit(files={"specs/a.md": "- [x] Created `src/new.py`\n", "src/keep.py": "K = 1\n"})
    repo.write("src/new.py", "NEW = 1\n")
    # A checked task that created a file git never tracked: SD404 done-missing-artifact says so
    # (SD101 leaves it to SD404, so that one problem gives one finding).
    assert positions(check_repo(repo.root)) == [("specs/a.md", 1, 15, "SD404")]


def test_template_folders_are_excluded(repo: GitRepo) -> None:
    repo.commit(
        files={
            "src/a.py": "A = 1\n",
            ".specify/templates/plan-template.md": "- [x] `src/missing.py`\n",
            ".claude/commands/plan.md": "- [x] `src/missing.py`\n",
        }
    )
    assert positions(check_repo(repo.root)) == []


def test_patterns_seen_in_real_repositories_are_quiet(repo: GitRepo) -> None:
    repo.commit(
        files={
            "backend/pyproject.toml": "[project]\n",
            "frontend/src/components/chart/Pane.tsx": "export {}\n",
            "specs/001-a/tasks.md": (
                "- [x] T001 Configure `backend/pyproject.toml` or `backend/pytest.ini`\n"
                "- [x] T002 Build frontend/src/components/chart/MainPane.tsx - Built-in to the chart library\n"
                "- [x] T003 Add `frontend/src/components/chart/Legend.tsx` (skipped - not needed at this time)\n"
                "- [x] T004 See `.specify/templates/commands/plan.md`\n"
                "- [x] T005 Contact <opensource@example.com>\n"
            ),
            "specs/001-a/spec.md": (
                "Indicators are persisted to `backend/data/registered.json` at run time.\n"
                "A helper should be added to `frontend/src/components/chart/Helper.tsx`.\n"
                "The vendored `backend/vendor/boost/thread/config.hpp` is upstream's.\n"
            ),
        }
    )
    assert positions(check_repo(repo.root)) == []


def test_real_drift_beside_those_patterns_is_found(repo: GitRepo) -> None:
    repo.commit(
        files={
            "backend/app/__init__.py": "",
            "backend/app/engine.py": "ENGINE = 1\n",
            "specs/001-a/tasks.md": (
                "- [x] T001 Create backend/app/__init__.py and **backend/app/engine.py**\n"
                "- [ ] T002 Extend backend/app/engine.py later\n"
                "- [x] T003 Cancel the old timer in backend/app/engine.py\n"
            ),
            "specs/002-b/tasks.md": "- [ ] T001 Create `backend/app/engine.py` tests\n",
        }
    )
    repo.mv("backend/app/engine.py", "backend/app/core.py")
    sha = repo.commit("move engine")[:7]
    report = check_repo(repo.root)
    assert positions(report) == [
        ("specs/001-a/tasks.md", 1, 49, "SD101"),
        ("specs/001-a/tasks.md", 2, 19, "SD101"),
        ("specs/001-a/tasks.md", 3, 36, "SD101"),
        ("specs/002-b/tasks.md", 1, 19, "SD101"),
    ]
    assert report.findings[0].message == (
        f"`backend/app/engine.py` is not a tracked file; it was renamed to `backend/app/core.py` in {sha}"
    )


def test_uncommitted_renames_give_the_hint(repo: GitRepo) -> None:
    repo.commit(files={"src/a/engine.py": "E = 1\n", "specs/a.md": "- [x] Build `src/a/engine.py`\n"})
    repo.mv("src/a/engine.py", "src/a/core.py")
    report = check_repo(repo.root, staged=True)
    assert [f.message for f in report.findings] == [
        "`src/a/engine.py` is not a tracked file; it was renamed to `src/a/core.py` in the staged changes"
    ]


def test_next_js_route_folders_and_repo_extensions(repo: GitRepo) -> None:
    repo.commit(
        files={
            "src/app/(marketing)/page.tsx": "export {}\n",
            "src/app/api/[...all]/route.ts": "export {}\n",
            "db/schema.lisp": "(defun x ())\n",
            "specs/a.md": (
                "- [x] `src/app/(marketing)/page.tsx`, `src/app/api/[...all]/route.ts`\n"
                "- [x] `src/app/(marketing)/about.tsx` and db/migrate.lisp\n"
            ),
        }
    )
    assert positions(check_repo(repo.root)) == [("specs/a.md", 2, 7, "SD101"), ("specs/a.md", 2, 43, "SD101")]


def test_link_syntax_described_with_a_placeholder_target_is_quiet(repo: GitRepo) -> None:
    # Prose that teaches markdown: `url` and `path` stand for any target, they name no file.
    repo.commit(
        files={
            "src/app.py": "APP = 1\n",
            "specs/editor.md": (
                "- **THEN** bold (**text**), lists (- item) and links ([text](url)) are supported\n"
                "- Images are written ![alt](path) or [text](URL); see [the app](../src/main.py)\n"
            ),
        }
    )
    assert positions(check_repo(repo.root)) == [("specs/editor.md", 2, 55, "SD101")]


def test_chinese_and_japanese_removal_and_negation_are_quiet(repo: GitRepo) -> None:
    spec = (
        "# 打包\n\n"
        "模块打包与发布流程 MUST 不依赖 `config/bundled-modules.json`。\n"
        "- **THEN** 不生成 `config/bundled.json`\n"
        "- 删除 `config/old.json`\n"
        "- `config/legacy.json` を削除する\n"
        "- `config/unused.json` は不要\n"
        "- 读取 `config/missing.json`\n"
    )
    repo.commit(files={"specs/pack.md": spec, "config/app.json": "{}\n"})
    assert positions(check_repo(repo.root)) == [("specs/pack.md", 8, 6, "SD101")]


def test_a_kiro_design_whose_tasks_were_never_generated_is_planned(repo: GitRepo) -> None:
    design = "# Design\n\n- `app/layout.tsx` (新規) holds the admin shell.\n"
    status = '{"phase": "design-generated", "approvals": {"tasks": {"generated": false, "approved": false}}, "ready_for_implementation": false}'
    repo.commit(files={".kiro/specs/admin/design.md": design, ".kiro/specs/admin/spec.json": status, "app/page.tsx": "x\n"})
    assert positions(check_repo(repo.root)) == []
    repo.commit(files={".kiro/specs/admin/spec.json": status.replace("false", "true")})
    assert positions(check_repo(repo.root)) == [(".kiro/specs/admin/design.md", 3, 3, "SD101")]


def test_an_openspec_change_proposed_without_tasks_is_planned(repo: GitRepo) -> None:
    proposal = "# Proposal\n\n## What Changes\n\n- Add a script at `scripts/check-env.ts` that reads `lib/env.ts`.\n"
    repo.commit(files={"openspec/changes/env-check/proposal.md": proposal, "lib/env.ts": "export {}\n", "scripts/build.ts": "x\n"})
    assert positions(check_repo(repo.root)) == []
    repo.rm("lib/env.ts")
    repo.commit("drop env")
    # Git history outweighs "planned": a file that existed and went away is drift.
    assert positions(check_repo(repo.root)) == [("openspec/changes/env-check/proposal.md", 5, 53, "SD101")]
    repo.commit(files={"openspec/changes/env-check/tasks.md": "## 1. Script\n\n- [x] 1.1 Write it\n"})
    assert [p[3] for p in positions(check_repo(repo.root))] == ["SD101", "SD101"]
    from speclint.context import _is_openspec_change

    assert _is_openspec_change("openspec/changes/env-check")
    assert not _is_openspec_change("openspec/changes/archive")  # archived changes are done
    assert not _is_openspec_change("openspec/changes/archive/2025-01-01-env-check")
    assert not _is_openspec_change("docs/changes/env-check")
