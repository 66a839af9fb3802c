"""Set up a check from what the user asked for: repository, config, snapshot, rules.

The CLI parses arguments; this module turns them into a `CheckContext` and a `Report`, so the
same steps serve `check`, `refs` and tests alike.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from speclint import baseline as baselines
from speclint import config as configs
from speclint import engine, git, snapshot
from speclint.context import CheckContext
from speclint.errors import UsageError
from speclint.findings import Severity
from speclint.report import Report
from speclint.selection import configure


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


def open_context(request: Request) -> CheckContext:
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
    ctx = open_context(request)
    rules = configure(ctx.config, select=request.select or None, ignore=request.ignore)
    accepted = baselines.load(request.baseline) if request.baseline else frozenset()
    try:
        return engine.run(ctx, rules, baseline=accepted)
    finally:
        ctx.close()


def _replace_fail_on(config: configs.Config, fail_on: Severity) -> configs.Config:
    from dataclasses import replace

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
