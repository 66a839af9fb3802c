from __future__ import annotations

import pytest

from speclint.rules.signature_mismatch import disagreement
from speclint.symbols.extract import Param
from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

CODE = """\
def validate_code(user_id, code, now):
    return True


def hash_password(password, salt=None, *rest):
    return password


class Store:
    def put(self, key, value=None):
        pass
"""


def test_call_forms_against_definitions(repo: GitRepo) -> None:
    repo.commit(
        files={
            "src/auth.py": CODE,
            "specs/a.md": (
                "- [x] `validate_code(userId, code, now)` and `hash_password(password)` in `src/auth.py`\n"
                "- [x] `hash_password(password, salt, a, b)`, `Store.put(key)`, `Store.put()`, `validate_code(1, 2)`\n"
                "- [x] `validate_code(user_id, code)` in `src/auth.py`\n"
                "- [x] `Store.put(name, data)` and `Store.put(name, value)`\n"
            ),
        }
    )
    report = check_repo(repo.root)
    assert positions(report) == [("specs/a.md", 3, 7, "SD104"), ("specs/a.md", 4, 7, "SD104")]
    assert [f.message for f in report.findings] == [
        "`validate_code(user_id, code)` does not match the definition `validate_code(user_id, code, now)` "
        "at src/auth.py:1: 2 parameters written, 3 required",
        "`Store.put(name, data)` does not match the definition `put(key, value)` at src/auth.py:10: "
        "`name` is written where the definition has `key`, and no other name matches",
    ]


@pytest.mark.parametrize(
    ("args", "params", "verdict"),
    [
        pytest.param(("userId", "code"), (Param("user_id"), Param("code")), None, id="camel-snake"),
        pytest.param(("key string",), (Param("key"),), None, id="go-name-type"),
        pytest.param(("String key",), (Param("key"),), None, id="java-type-name"),
        pytest.param(("a",), (Param("a"), Param("b", optional=True)), None, id="optional-omitted"),
        pytest.param(("a", "b", "c"), (Param("a"), Param("rest", variadic=True)), None, id="variadic"),
        pytest.param(("a",), (Param("a"), Param("b")), "1 parameter written, 2 required", id="too-few"),
        pytest.param(("a", "b"), (Param("a"),), "2 parameters written, the definition takes 1", id="too-many"),
    ],
)
def test_disagreement(args: tuple[str, ...], params: tuple[Param, ...], verdict: str | None) -> None:
    assert disagreement(args, params) == verdict


def test_a_bare_call_form_is_compared_only_with_methods_of_types_the_spec_names(repo: GitRepo) -> None:
    """OneMount: `Unmount(mountPoint)` in a planned MountManager's interface list was compared
    with a test fixture's `(r *FileSystemResource) Unmount()`."""
    fixture = "package framework\n\ntype FileSystemResource struct{}\n\nfunc (r *FileSystemResource) Unmount() error {\n\treturn nil\n}\n"
    design = "# Design\n\n**Expected Interfaces**:\n- `MountManager` struct tracking mounts\n- `Unmount(mountPoint)` method\n"
    repo.commit("fixture and design", files={"internal/testutil/resources.go": fixture, "specs/design.md": design})
    assert [f.rule for f in check_repo(repo.root).findings if f.rule == "SD104"] == []
    repo.commit("name the type", files={"specs/design.md": design.replace("`MountManager`", "`FileSystemResource`")})
    assert [f.rule for f in check_repo(repo.root).findings if f.rule == "SD104"] == ["SD104"]
