from __future__ import annotations

import pytest

from speclint.specs.paths import find_bare_paths, parse_path


@pytest.mark.parametrize(
    ("text", "path"),
    [
        pytest.param("src/auth/mfa.py", "src/auth/mfa.py", id="plain"),
        pytest.param("/src/services/MFAService.ts", "src/services/MFAService.ts", id="root-anchored"),
        pytest.param("./src/a.py", "src/a.py", id="dot-slash"),
        pytest.param("src/x.py:42", "src/x.py", id="line"),
        pytest.param("aikit-sdk/src/lib.rs:88-114", "aikit-sdk/src/lib.rs", id="line-range"),
        pytest.param("src/x.py#L10-L20", "src/x.py", id="github-lines"),
        pytest.param("../design.md", "../design.md", id="parent"),
        pytest.param("AuthController.java", "AuthController.java", id="bare-name"),
        pytest.param("src/auth/", "src/auth", id="directory"),
        pytest.param("src/app/(app)/page.tsx:20", "src/app/(app)/page.tsx", id="route-group-line"),
        pytest.param("app/[id]/actions.ts:22-30", "app/[id]/actions.ts", id="route-param-lines"),
    ],
)
def test_paths(text: str, path: str) -> None:
    parsed = parse_path(text)
    assert parsed is not None
    assert parsed.path == path


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("https://example.com/a.py", id="url"),
        pytest.param("npm install", id="command"),
        pytest.param("src/**/*.py", id="glob"),
        pytest.param("src/<name>.py", id="angle-placeholder"),
        pytest.param("src/{id}.py", id="brace-placeholder"),
        pytest.param("path/to/file.py", id="path-to"),
        pytest.param("specs/NNN-feature/spec.md", id="nnn"),
        pytest.param("specs/001-feature-name/spec.md", id="feature-name"),
        pytest.param("1.2.3", id="version"),
        pytest.param("mfa:{userId}:{code}", id="format-string"),
        pytest.param("@scope/pkg", id="npm-scope"),
        pytest.param("generateCode(userId)", id="call"),
        pytest.param("~/.config/x.toml", id="home"),
        pytest.param("", id="empty"),
    ],
)
def test_not_paths(text: str) -> None:
    assert parse_path(text) is None


def test_percent_encoded_link_targets() -> None:
    parsed = parse_path("docs/my%20file.md", link=True)
    assert parsed is not None and parsed.path == "docs/my file.md"


def test_bare_paths_in_task_lines() -> None:
    text = "T009 Implement MCPMessage in backend/src/mcp/message.py, see https://x.org/a/b.py; Create AuthController.java"
    assert find_bare_paths(text) == [(29, "backend/src/mcp/message.py"), (90, "AuthController.java")]
