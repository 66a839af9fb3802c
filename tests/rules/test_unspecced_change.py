from __future__ import annotations

from pathlib import Path

import pytest

from speclint.rules.unspecced_change import Options
from tests.conftest import check_repo, positions, run_cli
from tests.gitrepo import GitRepo

SPEC = "# Auth\n\n- `verify(token)` checks a session token.\n- `issue_token(user)` hands one out.\n"
CODE = 'def verify(token):\n    return token == "ok"\n\n\ndef issue_token(user):\n    return "t-" + user\n'


def start(repo: GitRepo, spec: str = SPEC, **files: str) -> None:
    repo.commit("start", files={"specs/auth.md": spec, "src/auth.py": CODE, "README.md": "# demo\n", **files})


def staged(repo: GitRepo, **request: object):  # type: ignore[no-untyped-def]
    repo.add()
    return check_repo(repo.root, staged=True, **request)


def test_signature_change_without_the_spec(repo: GitRepo) -> None:
    start(repo)
    repo.write("src/auth.py", "# auth\n" + CODE.replace("verify(token)", "verify(token, audience)"))
    report = staged(repo, select=["SD301"])
    assert positions(report) == [("src/auth.py", 1, 1, "SD301")]
    finding = report.findings[0]
    assert finding.message == (
        "`src/auth.py` changes `verify` (signature), which `specs/auth.md` covers, and the staged changes "
        "leave that spec untouched; update it, or add the trailer `Spec-Impact: none`"
    )
    assert [(r.path, r.line) for r in finding.related] == [("specs/auth.md", 3)]


def test_spec_updated_in_the_same_change(repo: GitRepo) -> None:
    start(repo)
    repo.write("src/auth.py", CODE.replace("verify(token)", "verify(token, audience)"))
    repo.write("specs/auth.md", SPEC.replace("verify(token)", "verify(token, audience)"))
    assert positions(staged(repo)) == []


@pytest.mark.parametrize(
    "files",
    [
        {"src/auth.py": "# Auth helpers.\n" + CODE.replace("    return token", "    # compare\n    return  token")},
        {"tests/test_auth.py": "def test_verify():\n    assert True\n"},
        {"src/test_auth.py": "def test_verify():\n    assert True\n"},
        {"README.md": "# demo\n\nNow with `verify(token)`.\n"},
        {"src/other.py": "def verify_later(x):\n    return x\n"},
    ],
    ids=["comments-and-whitespace", "tests-folder", "test-file", "readme", "uncovered-file"],
)
def test_changes_that_never_count(repo: GitRepo, files: dict[str, str]) -> None:
    start(repo, **{"tests/test_auth.py": "def test_verify():\n    pass\n"})
    for path, content in files.items():
        repo.write(path, content)
    assert positions(staged(repo)) == []


def test_docstring_only_change(repo: GitRepo) -> None:
    start(repo)
    repo.write("src/auth.py", CODE.replace('def verify(token):\n', 'def verify(token):\n    """Check a token."""\n'))
    assert positions(staged(repo)) == []


def test_body_change_counts_at_symbol_level_not_at_signature_level(repo: GitRepo) -> None:
    start(repo)
    repo.write("src/auth.py", CODE.replace('"t-"', '"token-"'))
    report = staged(repo)
    assert positions(report) == [("src/auth.py", 6, 1, "SD301")]
    assert "changes `issue_token` (body)" in report.findings[0].message
    repo.write("speclint.toml", '[rules.SD301]\nlevel = "signature"\n')
    assert positions(staged(repo)) == []


def test_file_level_counts_any_change_to_a_covered_file(repo: GitRepo) -> None:
    start(repo, spec="# Auth\n\nLives in `src/auth.py`.\n")
    repo.write("src/auth.py", CODE + "\nLIMIT = 3\n")
    assert positions(staged(repo)) == [("src/auth.py", 7, 1, "SD301")]  # named as a whole file
    repo.write("speclint.toml", '[rules.SD301]\nlevel = "signature"\n')
    assert positions(staged(repo)) == []
    repo.write("speclint.toml", '[rules.SD301]\nlevel = "file"\n')
    assert positions(staged(repo)) == [("src/auth.py", 7, 1, "SD301")]


def test_covers_front_matter_comment_map_and_code_comment(repo: GitRepo) -> None:
    start(
        repo,
        **{
            "specs/billing.md": "---\ncovers: [src/billing/**]\n---\n# Billing\n",
            "specs/mail.md": "# Mail\n<!-- speclint: covers src/mail/* -->\n",
            "specs/jobs.md": "# Jobs\n",
            "specs/cli.md": "# CLI\n",
            "speclint.toml": '[[map]]\ncode = "src/jobs/**"\nspecs = "specs/jobs.md"\n',
            "src/billing/pay.py": "def pay():\n    return 1\n",
            "src/mail/send.py": "def send():\n    return 1\n",
            "src/jobs/run.py": "def run():\n    return 1\n",
            "src/cli.py": "# spec: specs/cli.md\ndef main():\n    return 1\n",
        },
    )
    for path in ("src/billing/pay.py", "src/mail/send.py", "src/jobs/run.py"):
        repo.write(path, (repo.root / path).read_text().replace("return 1", "return 2"))
    repo.write("src/cli.py", "# spec: specs/cli.md\ndef main():\n    return 2\n")
    report = staged(repo)
    assert {(f.location.path, f.related[0].path) for f in report.findings} == {
        ("src/billing/pay.py", "specs/billing.md"),
        ("src/mail/send.py", "specs/mail.md"),
        ("src/jobs/run.py", "specs/jobs.md"),
        ("src/cli.py", "specs/cli.md"),
    }


def test_trailer_in_the_commit_message_file(repo: GitRepo, tmp_path: Path) -> None:
    start(repo)
    repo.write("src/auth.py", CODE.replace("verify(token)", "verify(token, audience)"))
    repo.add()
    message = tmp_path / "COMMIT_EDITMSG"
    message.write_text("Add an audience\n\n# Please enter the commit message\n")
    result = run_cli(repo.root, "check", "--staged", "--select", "SD301", "--commit-msg-file", str(message))
    assert result.code == 1 and "SD301" in result.out
    message.write_text("Add an audience\n\nSpec-Impact: none\n# Please enter the commit message\n")
    result = run_cli(repo.root, "check", "--staged", "--select", "SD301", "--commit-msg-file", str(message))
    assert (result.code, result.out) == (0, "All clear: 1 spec, 2 references checked.\n")


def test_trailer_name_is_configurable(repo: GitRepo, tmp_path: Path) -> None:
    start(repo, **{"speclint.toml": '[rules.unspecced-change]\ntrailer = "Docs-Impact"\n'})
    repo.write("src/auth.py", CODE.replace("verify(token)", "verify(token, audience)"))
    message = tmp_path / "msg"
    message.write_text("x\n\nSpec-Impact: none\n")
    assert positions(staged(repo, commit_msg_file=message, select=["SD301"])) == [("src/auth.py", 1, 1, "SD301")]
    message.write_text("x\n\nDocs-Impact: none\n")
    assert positions(staged(repo, commit_msg_file=message, select=["SD301"])) == []


def test_bad_level_is_a_config_error(repo: GitRepo) -> None:
    start(repo, **{"speclint.toml": '[rules.SD301]\nlevel = "line"\n'})
    repo.write("src/auth.py", CODE.replace("verify(token)", "verify(token, audience)"))
    repo.add()
    result = run_cli(repo.root, "check", "--staged")
    assert result.code == 2
    assert result.err == (
        f"speclint: error: {repo.root / 'speclint.toml'}:2: rules.SD301.level: "
        'expected one of "symbol", "signature", "file", got \'line\'\n'
    )


def test_plain_check_never_raises_it(repo: GitRepo) -> None:
    start(repo)
    repo.write("src/auth.py", CODE.replace("verify(token)", "verify(token, audience)"))
    assert [f.rule for f in check_repo(repo.root).findings if f.rule == "SD301"] == []
    assert Options().level == "symbol"


def test_a_task_naming_a_file_records_work_and_does_not_cover_it(repo: GitRepo) -> None:
    start(repo, spec="# Tasks\n\n- [x] T001 Create `src/auth.py`\n- [ ] T002 Tidy `issue_token(user)`\n")
    repo.write("src/auth.py", CODE.replace('"t-"', '"token-"') + "\nLIMIT = 3\n")
    assert positions(staged(repo)) == []


CLASS = "class KeyStore:\n    def put(self, key):\n        return key\n\n    def get(self, key):\n        return key\n"


def test_a_class_is_covered_by_its_members_not_their_bodies(repo: GitRepo) -> None:
    start(repo, spec="# Store\n\n`KeyStore` keeps values.\n", **{"src/store.py": CLASS})
    repo.write("src/store.py", CLASS.replace("return key\n\n", "return key.strip()\n\n", 1))
    assert positions(staged(repo)) == []  # a method's body: the class's members are the same
    repo.write("src/store.py", CLASS + "\n    def drop(self, key):\n        return None\n")
    report = staged(repo)
    assert positions(report) == [("src/store.py", 7, 1, "SD301")]
    assert "changes `KeyStore` (members)" in report.findings[0].message


def test_many_covering_specs_are_counted_not_listed(repo: GitRepo) -> None:
    specs = {f"specs/s{n}.md": "# S\n\nUses `verify(token)`.\n" for n in range(5)}
    start(repo, **specs)
    repo.write("src/auth.py", CODE.replace("verify(token)", "verify(token, audience)"))
    message = staged(repo, select=["SD301"]).findings[0].message
    assert "`specs/auth.md`, `specs/s0.md`, `specs/s1.md` and 3 more cover," in message
