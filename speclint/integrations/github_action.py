"""The check step of the GitHub Action (`action.yml`): `python -m speclint.integrations.github_action`.

It decides what to check from the event, runs `speclint check` and turns the result into what
GitHub shows: annotations, the job summary, an optional SARIF file and the step's outputs.

- `pull_request` (and `pull_request_target`, `merge_group`): the change set base..HEAD, where the
  base is the event's base commit. The default checkout has depth 1, so the base commit is fetched
  on its own (`git fetch --depth=1 origin SHA`).
- `push`: before..after; a new branch (before is all zeros) gets a full check.
- anything else (`workflow_dispatch`, `schedule`, ...): a full check.

Safety: the action's inputs arrive through `env:` (INPUT_ARGS, INPUT_FAIL_ON, INPUT_SARIF), never
interpolated into a shell. `args` is split as a shell would split words (`shlex`), never evaluated.
git and speclint run from argument lists; commit ids from the event payload must look like commit
ids. Output from the run is relayed between `::stop-commands::` markers so that no text from the
repository can become a workflow command; nothing is written to `$GITHUB_ENV`.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shlex
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from speclint.reporters.github import escape_data

MAX_ANNOTATIONS = 10  # GitHub shows at most 10 annotations of each level per step
SUMMARY_LIMIT = 1024 * 1024  # and refuses a job summary over 1 MiB
LEVELS = ("error", "warning", "notice")
FAIL_ON = ("error", "warning", "info")
# Options that choose what is checked: given in `args`, they replace what the event would choose.
MODE_OPTIONS = ("--staged", "--base", "--head", "--commits", "--pre-push")
_SHA = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")
_ZERO = re.compile(r"0+")
SHALLOW_NOTICE = (
    "This is a shallow clone, so speclint skips the history rules (SD201 stale-signature, "
    "SD202 stale-body, SD203 stale-file). Set `fetch-depth: 0` on actions/checkout to run them."
)


class ActionError(Exception):
    """A problem with the inputs or the event: reported as one error annotation, exit 2."""


@dataclass
class Plan:
    """What to check: the mode options for `speclint check` and a line saying what they mean."""

    args: list[str]
    description: str
    notices: list[str] = field(default_factory=list)


Git = Callable[..., "subprocess.CompletedProcess[str]"]


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], check=False, capture_output=True, text=True)


def plan(event_name: str, payload: Mapping[str, object], git: Git = _git) -> Plan:
    """The change set this event calls for, fetching the commits it needs when they are missing."""
    if event_name in ("pull_request", "pull_request_target"):
        pr = _mapping(payload.get("pull_request"))
        base = _mapping(pr.get("base")).get("sha")
        number = pr.get("number")
        what = f"pull request #{number}" if isinstance(number, int) else "pull request"
        return _change_set(git, base, None, what)
    if event_name == "merge_group":
        group = _mapping(payload.get("merge_group"))
        return _change_set(git, group.get("base_sha"), None, "merge group")
    if event_name == "push":
        before, after = payload.get("before"), payload.get("after")
        if not isinstance(before, str) or _ZERO.fullmatch(before):
            return Plan([], "every finding (a push that starts a new branch)")
        if isinstance(after, str) and _ZERO.fullmatch(after):
            return Plan([], "every finding (a push that deletes a branch)")
        return _change_set(git, before, after, "push")
    return Plan([], f"every finding (event `{event_name or 'unknown'}`)")


def _change_set(git: Git, base: object, head: object, what: str) -> Plan:
    if not isinstance(base, str) or not _SHA.fullmatch(base):
        raise ActionError(f"the {what} event has no usable base commit id ({base!r})")
    if head is not None and (not isinstance(head, str) or not _SHA.fullmatch(head)):
        raise ActionError(f"the {what} event has no usable head commit id ({head!r})")
    notices: list[str] = []
    for sha in (base, head):
        if sha is not None and not _ensure_commit(git, sha):
            notices.append(
                f"Commit {sha[:12]} of the {what} could not be fetched from `origin`, so every "
                "finding is reported, not only the new ones."
            )
            return Plan([], f"every finding ({what}; commit {sha[:12]} is not available)", notices)
    args = ["--base", base, "--head", head or "HEAD"]
    return Plan(args, f"the {what}: {base[:12]}..{(head or 'HEAD')[:12]}", notices)


def _ensure_commit(git: Git, sha: str) -> bool:
    if git("cat-file", "-e", f"{sha}^{{commit}}").returncode == 0:
        return True
    fetched = git("fetch", "--quiet", "--no-tags", "--no-recurse-submodules", "--depth=1", "origin", sha)
    if fetched.returncode != 0:
        _relay(fetched.stderr)
    return git("cat-file", "-e", f"{sha}^{{commit}}").returncode == 0


def _mapping(value: object) -> Mapping[str, object]:
    return value if isinstance(value, dict) else {}


def cap_annotations(lines: Sequence[str], reserved_notices: int = 0) -> tuple[list[str], int]:
    """The annotation lines GitHub will show, in order, and how many are left out.

    At most 10 per level; `reserved_notices` notice slots are kept for the action's own notices,
    plus one for the "N more" notice when anything is left out.
    """
    counts = Counter(_level_of(line) for line in lines)

    def limits(overflow: bool) -> dict[str, int]:
        notices = MAX_ANNOTATIONS - reserved_notices - (1 if overflow else 0)
        return {"error": MAX_ANNOTATIONS, "warning": MAX_ANNOTATIONS, "notice": max(notices, 0)}

    overflow = any(counts[level] > limit for level, limit in limits(False).items())
    limit = limits(overflow)
    shown: list[str] = []
    used: Counter[str] = Counter()
    for line in lines:
        level = _level_of(line)
        if level in limit:
            if used[level] >= limit[level]:
                continue
            used[level] += 1
        shown.append(line)
    return shown, len(lines) - len(shown)


def _level_of(line: str) -> str:
    if not line.startswith("::"):
        return ""
    return line[2:].split(" ", 1)[0].split("::", 1)[0]


def annotation(level: str, message: str, title: str = "speclint") -> str:
    return f"::{level} title={title}::{escape_data(message)}"


def summary_markdown(report: str, description: str, notices: Sequence[str], limit: int) -> str:
    """speclint's markdown report with a line on what was checked, within `limit` UTF-8 bytes.

    `description` and `notices` are the action's own words (commit ids from the event are checked
    to be commit ids first), so they are markdown as they stand.
    """
    head, sep, rest = report.partition("\n\n")
    extra = "".join(f"{line}\n\n" for line in [f"_Checked: {description}._", *(f"> **Note:** {n}" for n in notices)])
    document = f"{head}{sep}{extra}{rest}" if sep else report
    if len(document.encode("utf-8")) <= limit:
        return document
    if len(report.encode("utf-8")) <= limit:
        return report
    cut = report.encode("utf-8")[: max(limit - 200, 0)].decode("utf-8", "ignore")
    cut = cut[: cut.rfind("\n") + 1]
    return cut + "\n_The report was cut to fit GitHub's job summary limit._\n"


def set_outputs(path: str | None, values: Mapping[str, str]) -> None:
    """Append to $GITHUB_OUTPUT with a random delimiter, as @actions/core does."""
    if not path:
        return
    with open(path, "a", encoding="utf-8") as out:
        for name, value in values.items():
            delimiter = f"ghadelimiter_{secrets.token_hex(16)}"
            out.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")


def _relay(text: str) -> None:
    """Print text from a speclint run so that nothing in it is read as a workflow command."""
    if not text:
        return
    token = secrets.token_hex(16)
    sys.stdout.write(f"::stop-commands::{token}\n{text}{'' if text.endswith(chr(10)) else chr(10)}::{token}::\n")
    sys.stdout.flush()


def _speclint(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-I", "-m", "speclint", "check", *args], check=False, capture_output=True, text=True)


def main(env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    try:
        return _main(env)
    except ActionError as exc:
        print(annotation("error", f"speclint action: {exc}"))
        return 2


def _main(env: Mapping[str, str]) -> int:
    try:
        user_args = shlex.split(env.get("INPUT_ARGS", ""))
    except ValueError as exc:
        raise ActionError(f"input `args` cannot be split into words: {exc}") from None
    fail_on = env.get("INPUT_FAIL_ON", "").strip()
    if fail_on and fail_on not in FAIL_ON:
        raise ActionError(f"input `fail-on` must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    sarif = env.get("INPUT_SARIF", "").strip()
    if "\n" in sarif or "\r" in sarif:
        raise ActionError("input `sarif` must be a single path")

    notices: list[str] = []
    if any(arg.split("=", 1)[0] in MODE_OPTIONS for arg in user_args):
        chosen = Plan([], "what the `args` input chose")
    else:
        payload: Mapping[str, object] = {}
        event_path = env.get("GITHUB_EVENT_PATH")
        if event_path and Path(event_path).is_file():
            try:
                loaded = json.loads(Path(event_path).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ActionError(f"cannot read the event payload {event_path}: {exc}") from None
            payload = loaded if isinstance(loaded, dict) else {}
        chosen = plan(env.get("GITHUB_EVENT_NAME", ""), payload)
    notices += chosen.notices
    if _git("rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        notices.append(SHALLOW_NOTICE)

    common = [*chosen.args, *(["--fail-on", fail_on] if fail_on else []), *user_args]
    print(f"speclint: checking {chosen.description}")
    print(f"speclint: speclint check {shlex.join(common)}")

    run = _speclint([*common, "--format", "github"])
    _relay(run.stderr)
    if run.returncode not in (0, 1):
        cause = run.stderr.strip().splitlines()[-1:] or ["the log above says why"]
        print(annotation("error", f"speclint could not run (exit status {run.returncode}): {cause[0]}"))
        _append_summary(env, f"## speclint\n\nspeclint could not run (exit status {run.returncode}); the job log says why.\n")
        return run.returncode

    lines = [line for line in run.stdout.splitlines() if line]
    findings = sum(1 for line in lines if _level_of(line) in LEVELS)
    shown, more = cap_annotations(lines, reserved_notices=len(notices))
    for notice in notices:
        print(annotation("notice", notice))
    sys.stdout.write("".join(f"{line}\n" for line in shown))
    if more:
        print(annotation("notice", f"{more} more finding{'s' if more != 1 else ''} not annotated: GitHub shows at most {MAX_ANNOTATIONS} annotations of each level per step. The job summary lists every finding."))
    sys.stdout.flush()

    if env.get("GITHUB_STEP_SUMMARY"):
        markdown = _speclint([*common, "--exit-zero", "--format", "markdown"])
        if markdown.returncode == 0:
            # speclint's report already notes a shallow clone; the summary needs no second note.
            _append_summary(env, markdown.stdout, chosen.description, [n for n in notices if n != SHALLOW_NOTICE])
        else:
            _relay(markdown.stderr)

    outputs = {"findings": str(findings)}
    if sarif:
        target = Path(sarif)
        if not target.is_absolute():
            target = Path(env.get("GITHUB_WORKSPACE") or os.getcwd()) / target
        target.parent.mkdir(parents=True, exist_ok=True)
        # Code scanning takes each upload as the whole analysis and closes the alerts it lacks,
        # so the SARIF file holds every finding on the checked commit, not only the new ones.
        every = ["--all"] if _is_change_set(common) and "--all" not in common else []
        written = _speclint([*common, *every, "--exit-zero", "--format", "sarif", "--output", str(target)])
        if written.returncode != 0:
            _relay(written.stderr)
            print(annotation("error", f"speclint could not write the SARIF file (exit status {written.returncode})."))
            return written.returncode
        outputs["sarif-file"] = str(target)
    set_outputs(env.get("GITHUB_OUTPUT"), outputs)
    print(f"speclint: {findings} finding{'s' if findings != 1 else ''}")
    return run.returncode


def _is_change_set(args: Sequence[str]) -> bool:
    return any(arg.split("=", 1)[0] in ("--staged", "--base", "--commits", "--pre-push") for arg in args)


def _append_summary(env: Mapping[str, str], report: str, description: str = "", notices: Sequence[str] = ()) -> None:
    path = env.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    try:
        used = os.path.getsize(path)
    except OSError:
        used = 0
    text = summary_markdown(report, description, notices, SUMMARY_LIMIT - used) if description else report
    with open(path, "a", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    raise SystemExit(main())
