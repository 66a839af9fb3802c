from __future__ import annotations

from tests.conftest import check_repo, positions
from tests.gitrepo import GitRepo

DESIGN = """\
# Design

## Code expiry time

## Phase 2: API Integration!

<a id="custom"></a>
"""


def test_links_to_specs_and_headings(repo: GitRepo) -> None:
    repo.commit(
        files={
            "specs/mfa/design.md": DESIGN,
            "specs/mfa/plan.md": (
                "# Plan\n\n"
                "See [design](design.md#code-expiry-time), [api](./design.md#phase-2-api-integration),\n"
                "[custom](design.md#custom), [self](#plan) and [upper](design.md#Code-Expiry-Time).\n"
                "Broken: [expiry](design.md#code-expiry), [gone](requirements.md), [me](#nope).\n"
            ),
        }
    )
    report = check_repo(repo.root)
    assert positions(report) == [
        ("specs/mfa/plan.md", 5, 9, "SD105"),
        ("specs/mfa/plan.md", 5, 42, "SD105"),
        ("specs/mfa/plan.md", 5, 67, "SD105"),
    ]
    assert [f.message for f in report.findings] == [
        "link target `design.md#code-expiry` has no heading with anchor `code-expiry` in "
        "`specs/mfa/design.md`; did you mean `#code-expiry-time`?",
        "link target `requirements.md` does not resolve: `specs/mfa/requirements.md` is not a tracked file",
        "link target `#nope` has no heading with anchor `nope` in this spec",
    ]


def test_renamed_spec_link_suggests_the_new_name(repo: GitRepo) -> None:
    repo.commit(files={"specs/a.md": "# A\n\nSee [b](b.md).\n", "specs/b.md": "# B\n"})
    repo.mv("specs/b.md", "specs/beta.md")
    sha = repo.commit("rename b")[:7]
    report = check_repo(repo.root)
    assert [f.message for f in report.findings] == [
        f"link target `b.md` does not resolve: `specs/b.md` is not a tracked file; it was renamed to `specs/beta.md` in {sha}"
    ]


def test_links_into_non_spec_markdown_are_checked_too(repo: GitRepo) -> None:
    repo.commit(
        files={
            "README.md": "# Project\n\n## Install\n",
            "specs/a.md": "[install](../README.md#install) [usage](../README.md#usage)\n",
        }
    )
    report = check_repo(repo.root)
    assert positions(report) == [("specs/a.md", 1, 33, "SD105")]


def test_planned_spec_links_are_quiet_until_the_file_exists(repo: GitRepo) -> None:
    repo.commit(files={"specs/a.md": "- [ ] Write [the runbook](runbook.md)\n"})
    assert positions(check_repo(repo.root)) == []
