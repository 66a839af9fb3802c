from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo


def test_symbol_moved_to_another_file(repo: GitRepo) -> None:
    repo.commit(
        files={
            "src/auth/mfa.py": "def issue(user_id):\n    return 1\n",
            "src/auth/otp.py": "def verify_code(code):\n    return code\n",
            "src/api.py": "from src.auth.otp import verify_code\n\ndef handler(code):\n    return verify_code(code)\n",
            "specs/mfa.md": (
                "- [x] Implement `verify_code(code)` in `src/auth/mfa.py`\n"
                "- [x] `src/api.py` calls `verify_code` to check codes\n"
                "- [x] `src/auth/otp.py::verify_code` and `src/auth/mfa.py::issue`\n"
                "- [x] Update `src/auth/mfa.py`\n"
                "  - add `issue_code` then `verify_code`\n"
            ),
        }
    )
    report = check_repo(repo.root)
    # Line 5 sits under the item naming the file: that tie finds definitions but reports nothing.
    assert positions(report) == [("specs/mfa.md", 1, 17, "SD103")]
    assert report.findings[0].message == (
        "`verify_code` is not defined in `src/auth/mfa.py`; it is defined in `src/auth/otp.py:1`"
    )


def test_prose_naming_a_file_for_another_purpose_is_not_a_placement(repo: GitRepo) -> None:
    # Outside tasks, a file in the same sentence is only where the symbol lives when the text says
    # so (`X` in `path`, `path`: `X`); else it is there for another name or another reason.
    repo.commit(
        files={
            "src/constants.rs": "pub const DEFAULT_SLOTS_PER_DAY: u64 = 216_000;\n",
            "src/state.rs": "pub struct GlobalState {\n    pub slots_per_day: u64,\n}\n",
            "src/routes/deals.ts": "export function listDeals() {}\n",
            "src/api.ts": "export function getClauses(id: string) {}\nexport function getEvents() {}\n",
            "specs/001-a/data-model.md": (
                "- **`slots_per_day`**: Bounded to ±10% of `DEFAULT_SLOTS_PER_DAY` (216,000) from `src/constants.rs`.\n"
                "- The client calls `getClauses()` but nobody added the route in `src/routes/deals.ts`.\n"
                "- `getEvents` is in `src/routes/deals.ts`; `src/routes/deals.ts`: `getClauses`\n"
            ),
        }
    )
    report = check_repo(repo.root)
    assert positions(report) == [("specs/001-a/data-model.md", 3, 3, "SD103"), ("specs/001-a/data-model.md", 3, 67, "SD103")]


def test_a_field_name_is_data_not_a_misplaced_definition(repo: GitRepo) -> None:
    repo.commit(
        files={
            "src/feed.ts": "export interface FeedItem {\n  authorId: string;\n}\nexport function loadFeed(id: string) {\n  return id;\n}\n",
            "src/routers/user.ts": "export const timeline = (id: string) => id;\n",
            "specs/timeline.md": (
                "- [x] Author's timeline in `src/routers/user.ts` with an `authorId` filter\n"
                "- [x] Implement `loadFeed(id)` in `src/routers/user.ts`\n"
            ),
        }
    )
    assert positions(check_repo(repo.root)) == [("specs/timeline.md", 2, 17, "SD103")]


def test_names_after_an_aside_about_the_task_file_are_its_other_items(repo: GitRepo) -> None:
    """`path` (what it holds), `name`: the parenthesis said what the file holds; the names after
    it are the task's other items (seen on a real Spec Kit project, in Chinese and in English)."""
    repo.commit(
        files={
            "app/storage/migrate.py": "def apply_migrations(conn):\n    pass\n",
            "app/storage/sqlite.py": "def init_db(path):\n    pass\n",
            "app/services/query.py": "def validate_sql(sql):\n    return sql\n",
            "app/services/api.py": "def get_events():\n    pass\n",
            "app/services/read_status.py": "def mark_read(event):\n    pass\n",
            "tests/conftest.py": "import pytest\n",
            "specs/001-q/tasks.md": (
                "- [x] T031 实现迁移链：`app/storage/migrate.py`（`schema_migrations` + 版本化 DDL），`init_db()` 仅通过迁移落库\n"
                "- [x] T032 添加 `tests/conftest.py`（`TestClient` + 临时目录）、连接校验、`validate_sql`、迁移幂等\n"
                "- [x] T033 Implement `app/storage/migrate.py` (versioned DDL), `init_db()` only through migrations\n"
                "- [x] T034 Update `app/services/api.py` to serve the inbox: `get_events()`, `mark_read()`\n"
                "- [x] T035 `app/services/api.py`: `get_events()` (paged), `mark_read()`\n"
                "- [x] T036 Implement `app/storage/migrate.py` (versioned DDL), `init_db()` only\n"
                "  through it; see `app/storage/migrate.py` again\n"
            ),
        }
    )
    # Without an aside right after the path, a done task's names are the file's: `mark_read`
    # moved (SD103 on T034 and T035; on T035 the aside is about `get_events`).
    assert positions(check_repo(repo.root)) == [
        ("specs/001-q/tasks.md", 4, 77, "SD103"),
        ("specs/001-q/tasks.md", 5, 59, "SD103"),
    ]
