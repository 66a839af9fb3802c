"""Set up a check from what the user asked for: repository, config, snapshot, rules.

The CLI parses arguments; this module turns them into a `CheckContext` and a `Report`, so the
same steps serve `check`, `refs` and tests alike.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from speclint import config as configs
from speclint import git, snapshot
from speclint.errors import UsageError
from speclint.findings import Severity
from speclint.report import Report

if TYPE_CHECKING:  # imported on use: a cached result needs neither the rules nor the context
    from speclint.context import CheckContext


@dataclass(frozen=True)
class Request:
    cwd: Path
    paths: Sequence[str] = ()
    staged: bool = False
    head: str | None = None
    config_file: Path | None = None
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    fail_on: Severity | None = None
    baseline: Path | None = None
    use_cache: bool = True
    # Change-set modes (`staged` is one): report only the drift the change introduces.
    base: str | None = None
    commits: str | None = None
    pre_push: bool = False
    commit_msg_file: Path | None = None
    all_findings: bool = False

    @property
    def is_change_set(self) -> bool:
        return self.staged or bool(self.base or self.commits or self.pre_push)


def open_context(request: Request) -> CheckContext:
    from speclint.context import CheckContext

    repo = git.open_repository(request.cwd)
    config = configs.load(repo.root, request.config_file)
    if request.fail_on is not None:
        config = _replace_fail_on(config, request.fail_on)
    if request.staged and request.head:
        raise UsageError("--staged and --head are exclusive: check the index or a commit, not both")
    if request.head:
        snap = snapshot.commit(repo, request.head)
    elif request.staged:
        snap = snapshot.index(repo)
    else:
        snap = snapshot.worktree(repo)
    only = [_repo_relative(repo.root, request.cwd, p, snap) for p in request.paths]
    ctx = CheckContext(repo, config, snap, only=only, use_cache=request.use_cache)
    if not snap.entries:
        ctx.notice("no tracked files: nothing to check (add and commit files first)")
    elif not ctx.spec_paths:
        ctx.notice(
            "no spec files matched the `specs` globs; "
            "set `specs` in [tool.speclint] or run `speclint init`"
        )
    return ctx


def check(request: Request) -> Report:
    if request.is_change_set:
        return check_changes(request)
    if request.commit_msg_file is not None:
        raise UsageError("--commit-msg-file goes with --staged: it is the message of the commit being made")
    if request.all_findings:
        raise UsageError("--all goes with a change set (--staged, --base, --commits or --pre-push)")
    cached = None  # --no-cache: not even the module that keys a stored result is needed
    if request.use_cache:
        from speclint import result_cache

        cached = result_cache.Lookup.open(request)  # None: not cached (change sets)
        if cached is not None and cached.report is not None:
            return cached.report
    from speclint import engine

    ctx = open_context(request)
    rules = configure(ctx.config, select=request.select or None, ignore=request.ignore)
    accepted = _accepted(request)
    try:
        report = engine.run(ctx, rules, baseline=accepted)
    finally:
        ctx.close()
    if cached is not None:
        cached.store_result(report, ctx)
    return report


def configure(config: configs.Config, **how: object) -> list:  # type: ignore[type-arg]
    """`selection.configure`, imported on use (it loads every rule)."""
    from speclint.selection import configure as configure_rules

    return configure_rules(config, **how)  # type: ignore[arg-type]


def check_changes(request: Request) -> Report:
    """`--staged`, `--base`/`--head`, `--commits` and `--pre-push`: what a change set introduces."""
    from speclint import catalog, change_check, changes

    modes = [m for m, on in (("--staged", request.staged), ("--base", bool(request.base)),
                             ("--commits", bool(request.commits)), ("--pre-push", request.pre_push)) if on]
    if len(modes) > 1:
        raise UsageError(f"{' and '.join(modes)} are exclusive: check one change set at a time")
    if request.commit_msg_file is not None and not request.staged:
        raise UsageError("--commit-msg-file goes with --staged: it is the message of the commit being made")
    if request.head and not request.base:
        raise UsageError("--head goes with --base in a change set (alone it checks a commit)")
    repo = git.open_repository(request.cwd)
    config = configs.load(repo.root, request.config_file)
    if request.fail_on is not None:
        config = _replace_fail_on(config, request.fail_on)
    select = request.select or None
    trailer = changes.DEFAULT_TRAILER
    rules = None
    if config.rules:  # per-rule settings are validated by the rules themselves
        from speclint.selection import options_of

        rules = configure(config, select=select, ignore=request.ignore)
        trailer = options_of(config, "SD301").trailer
    else:  # a commit that touches nothing a spec names should not load the rules at all
        catalog.check_all(config, select=select, ignore=request.ignore)
    if request.staged:
        message = changes.read_message(request.commit_msg_file) if request.commit_msg_file else None
        change = changes.staged(repo, message=message, trailer=trailer)
    else:
        ends = _change_ends(repo, request)
        if ends is None:  # a first push: nothing to compare with, so everything is new
            return check(replace(request, pre_push=False, head=_env_ref("PRE_COMMIT_TO_REF") or "HEAD"))
        change = changes.between(repo, *ends, trailer=trailer)
    try:
        only = [_repo_relative(repo.root, request.cwd, p, change.head) for p in request.paths]
        options = change_check.Options(request.all_findings, request.use_cache, (), only)
        if change_check.nothing_to_check(repo, config, change, options):
            return change_check.empty_report(config, change, rules or ())
        accepted = _accepted(request)
        options = change_check.Options(request.all_findings, request.use_cache, accepted, only)
        if rules is None:
            rules = configure(config, select=select, ignore=request.ignore)
        return change_check.run(repo, config, change, rules, options)
    finally:
        change.close()


def _accepted(request: Request) -> frozenset[str]:
    """The fingerprints the baseline file accepts (none without one)."""
    if request.baseline is None:
        return frozenset()
    from speclint import baseline as baselines

    return baselines.load(request.baseline)


def _change_ends(repo: git.Repository, request: Request) -> tuple[str, str] | None:
    from speclint import changes

    if request.commits:
        return changes.parse_range(request.commits)
    if request.base:
        return request.base, request.head or "HEAD"
    # pre-push: pre-commit names the range in its environment; absent, or a new branch whose
    # remote side is unknown, means there is no base to compare with.
    from_ref, to_ref = _env_ref("PRE_COMMIT_FROM_REF"), _env_ref("PRE_COMMIT_TO_REF")
    if not from_ref or set(from_ref) == {"0"} or not git.commit_exists(repo.root, from_ref):
        return None
    return from_ref, to_ref or "HEAD"


def _env_ref(name: str) -> str:
    return os.environ.get(name, "").strip()


def _replace_fail_on(config: configs.Config, fail_on: Severity) -> configs.Config:
    return replace(config, fail_on=fail_on)


def _repo_relative(root: Path, cwd: Path, path: str, snap: snapshot.Snapshot) -> str:
    absolute = Path(os.path.normpath(cwd / path))
    try:
        relative = absolute.relative_to(root).as_posix()
    except ValueError:
        raise UsageError(f"{path}: outside the repository at {root}") from None
    if relative == ".":
        return ""
    if relative not in snap.entries and relative not in snap.directories:
        raise UsageError(f"{path}: not a tracked file or directory")
    return relative
