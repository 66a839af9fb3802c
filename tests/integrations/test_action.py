"""The GitHub Action (`action.yml`): its schema, a security audit, and its steps run locally.

`LocalRunner` runs the composite steps the way the Actions runner does: each `run:` step with
`bash --noprofile --norc -eo pipefail`, in the workspace, with the step's `env:` (whose `${{ }}`
expressions it evaluates: `inputs.*` and `steps.*.outputs.*` only), fresh GITHUB_OUTPUT and
GITHUB_STEP_SUMMARY files, and the GITHUB_* variables of the event. `uses:` steps are not run:
setup-python's `python-path` output is this interpreter. The install step runs for real once per
module (pip installs speclint from the action's directory, like the runner would) and the later
runs reuse its venv.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from speclint.integrations import github_action
from tests.gitrepo import GitRepo, git_env
from tests.integrations.conftest import SOURCE, HookRepo

ACTION = SOURCE / "action.yml"
WORKFLOW = SOURCE / ".github" / "workflows" / "speclint.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
ZERO = "0" * 40


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, check=False, capture_output=True, text=True)


# --- static checks ------------------------------------------------------------------------------


def test_action_and_workflow_match_the_github_schemas() -> None:
    for schema, path in (("vendor.github-actions", ACTION), ("vendor.github-workflows", WORKFLOW)):
        checked = _run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)], SOURCE)
        assert checked.returncode == 0, checked.stdout + checked.stderr


def test_zizmor_finds_nothing() -> None:
    zizmor = shutil.which("zizmor")
    if zizmor is None:
        pytest.skip("zizmor is not installed (it is in the `test` extra)")
    audited = _run([zizmor, "--offline", "--no-progress", str(ACTION), str(WORKFLOW)], SOURCE)
    assert audited.returncode == 0, audited.stdout + audited.stderr


def test_no_expression_in_any_run_and_no_github_env() -> None:
    """Inputs reach the shell only through `env:`; nothing writes $GITHUB_ENV."""
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    for step in steps:
        assert "${{" not in step.get("run", ""), step
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step
            uses = step.get("uses", "")
            assert uses == "./" or re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), uses
    for text in (ACTION.read_text(encoding="utf-8"), (SOURCE / "speclint/integrations/github_action.py").read_text(encoding="utf-8")):
        assert "GITHUB_ENV" not in text.replace("`$GITHUB_ENV`", "")
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["update-environment"] is False


def test_sarif_upload_is_skipped_on_fork_pull_requests() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    upload = next(step for step in job["steps"] if "upload-sarif" in step.get("uses", ""))
    assert "github.event.pull_request.head.repo.full_name == github.repository" in upload["if"]


# --- the pieces of the check step ----------------------------------------------------------------


def test_annotations_are_capped_per_level_with_room_for_the_notices() -> None:
    lines = [f"::error file=a.md,line={n}::e{n}" for n in range(13)]
    lines += [f"::warning file=a.md,line={n}::w{n}" for n in range(4)]
    lines += [f"::notice file=a.md,line={n}::n{n}" for n in range(12)]
    shown, more = github_action.cap_annotations(lines, reserved_notices=1)
    assert [line for line in shown if line.startswith("::error")] == lines[:10]
    assert len([line for line in shown if line.startswith("::warning")]) == 4
    # 10 notices: one is the shallow notice, one says how many more; 8 are left for findings.
    assert len([line for line in shown if line.startswith("::notice")]) == 8
    assert more == 3 + 4
    assert github_action.cap_annotations(lines[:10]) == (lines[:10], 0)


def test_summary_stays_within_the_limit() -> None:
    report = "## speclint\n\n**1 finding**\n\n" + "| row |\n" * 1000
    full = github_action.summary_markdown(report, "the pull request #7: abc..HEAD", ["shallow"], 1 << 20)
    assert full.startswith("## speclint\n\n_Checked: the pull request #7: abc..HEAD._\n\n> **Note:** shallow\n\n**1 finding**")
    cut = github_action.summary_markdown(report, "x", [], 4000)
    assert len(cut.encode()) <= 4000
    assert cut.endswith("_The report was cut to fit GitHub's job summary limit._\n")


def test_outputs_use_a_delimiter(tmp_path: Path) -> None:
    out = tmp_path / "out"
    github_action.set_outputs(str(out), {"findings": "3", "sarif-file": "/tmp/a b.sarif"})
    assert parse_outputs(out.read_text()) == {"findings": "3", "sarif-file": "/tmp/a b.sarif"}


# --- a local runner for the composite steps -------------------------------------------------------


def parse_outputs(text: str) -> dict[str, str]:
    """$GITHUB_OUTPUT as the runner reads it: `name=value` or `name<<DELIMITER` ... `DELIMITER`."""
    outputs: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value: list[str] = []
            for body in lines:
                if body == delimiter:
                    break
                value.append(body)
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value_text = line.split("=", 1)
            outputs[name] = value_text
    return outputs


@dataclass
class ActionRun:
    code: int
    stdout: str
    stderr: str
    summary: str
    outputs: dict[str, str]
    step_outputs: dict[str, dict[str, str]] = field(default_factory=dict)


class LocalRunner:
    def __init__(self, action_dir: Path, runner_temp: Path) -> None:
        self.action_dir = action_dir
        self.runner_temp = runner_temp
        self.action = yaml.safe_load((action_dir / "action.yml").read_text(encoding="utf-8"))
        self.inputs_default = {name: spec.get("default", "") for name, spec in self.action.get("inputs", {}).items()}

    def run(
        self,
        workspace: Path,
        *,
        event_name: str,
        payload: dict[str, object],
        inputs: dict[str, str] | None = None,
        skip: frozenset[str] = frozenset(),
        step_outputs: dict[str, dict[str, str]] | None = None,
    ) -> ActionRun:
        inputs = {**self.inputs_default, **(inputs or {})}
        outputs: dict[str, dict[str, str]] = {k: dict(v) for k, v in (step_outputs or {}).items()}
        files = Path(self.runner_temp) / f"files-{len(list(self.runner_temp.glob('files-*')))}"
        files.mkdir()
        event_path = files / "event.json"
        event_path.write_text(json.dumps(payload), encoding="utf-8")
        summary_parts: list[str] = []
        stdout, stderr, code = [], [], 0
        for index, step in enumerate(self.action["runs"]["steps"]):
            step_id = step.get("id", f"__{index}")
            if step_id in skip:
                continue
            if "uses" in step:
                if step["uses"].startswith("actions/setup-python@"):
                    outputs[step_id] = {"python-path": sys.executable}
                continue
            env = {
                **git_env(),
                "CI": "true",
                "GITHUB_ACTIONS": "true",
                "GITHUB_EVENT_NAME": event_name,
                "GITHUB_EVENT_PATH": str(event_path),
                "GITHUB_WORKSPACE": str(workspace),
                "GITHUB_ACTION_PATH": str(self.action_dir),
                "GITHUB_OUTPUT": str(files / f"output-{index}"),
                "GITHUB_STEP_SUMMARY": str(files / f"summary-{index}"),
                "RUNNER_TEMP": str(self.runner_temp),
                "RUNNER_OS": "Linux",
            }
            env.pop("NO_COLOR", None)
            for name, value in step.get("env", {}).items():
                env[name] = self._evaluate(str(value), inputs, outputs)
            for name in ("output", "summary"):
                (files / f"{name}-{index}").touch()
            script = files / f"step-{index}.sh"
            script.write_text(step["run"], encoding="utf-8")
            assert step["shell"] == "bash"
            proc = _run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], workspace, env)
            stdout.append(proc.stdout)
            stderr.append(proc.stderr)
            outputs[step_id] = parse_outputs((files / f"output-{index}").read_text(encoding="utf-8"))
            summary_parts.append((files / f"summary-{index}").read_text(encoding="utf-8"))
            code = proc.returncode
            if code != 0:
                break
        action_outputs = {
            name: self._evaluate(spec["value"], inputs, outputs) for name, spec in self.action.get("outputs", {}).items()
        }
        return ActionRun(code, "".join(stdout), "".join(stderr), "".join(summary_parts), action_outputs, outputs)

    @staticmethod
    def _evaluate(text: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> str:
        def value(match: re.Match[str]) -> str:
            parts = match.group(1).split(".")
            if parts[0] == "inputs" and len(parts) == 2:
                return inputs.get(parts[1], "")
            if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
                return outputs.get(parts[1], {}).get(parts[3], "")
            raise AssertionError(f"the local runner does not evaluate `{match.group(0)}`")

        return EXPRESSION.sub(value, text)


# --- fixtures: an installed action, an upstream repository with a pull request --------------------

SPEC = """# Auth

- `src/auth.py` checks one-time codes.
- `src/tokens.py` stores the tokens.
- `src/legacy.py` keeps the old login.
"""
# Prose, not checkbox tasks: a task naming a file records work, it does not cover the file (SD301).
# `src/legacy.py` never existed: a finding already on the base branch, not one the PR makes.

MARKER = "speclint-test-pwned"
EVIL = "import pathlib\npathlib.Path({!r}).write_text('pwned')\n"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, hook_repo: HookRepo) -> tuple[LocalRunner, dict[str, dict[str, str]]]:
    """The action's own steps up to the install, run once; its venv is reused by the other runs."""
    action_dir = tmp_path_factory.mktemp("action") / "speclint-action"
    shutil.copytree(hook_repo.path, action_dir, ignore=shutil.ignore_patterns(".git"))
    runner = LocalRunner(action_dir, tmp_path_factory.mktemp("runner-temp"))
    # The working directory holds modules named like the ones the step runs: they must not load.
    workspace = tmp_path_factory.mktemp("workspace")
    marker = workspace / MARKER
    for module in ("pip", "venv", "speclint", "ensurepip"):
        (workspace / module).mkdir()
        (workspace / module / "__init__.py").write_text(EVIL.format(str(marker)), encoding="utf-8")
        (workspace / module / "__main__.py").write_text(EVIL.format(str(marker)), encoding="utf-8")
    run = runner.run(workspace, event_name="workflow_dispatch", payload={}, skip=frozenset({"check"}))
    assert run.code == 0, run.stdout + run.stderr
    assert not marker.exists()
    python = run.step_outputs["install"]["python"]
    assert Path(python).is_file() and str(runner.runner_temp) in python
    return runner, run.step_outputs


@dataclass
class Upstream:
    repo: GitRepo
    base: str
    merge: str
    first: str


@pytest.fixture
def upstream(tmp_path: Path) -> Upstream:
    """main with a spec, and a pull request (#7) that deletes `src/tokens.py`, merged as GitHub does."""
    repo = GitRepo.init(tmp_path / "upstream")
    first = repo.commit(
        "Start",
        files={"specs/auth.md": SPEC, "src/auth.py": "def verify(code):\n    return True\n", "src/tokens.py": "TOKENS = {}\n"},
    )
    repo.commit("Docs", files={"README.md": "# demo\n"})
    repo.branch("feature")
    repo.rm("src/tokens.py")
    repo.commit("Drop the token store")
    repo.git("checkout", "-q", "main")
    base = repo.commit("Unrelated change on main", files={"CHANGELOG.md": "- nothing yet\n"})
    merge = _merge(repo, "feature", 7)
    return Upstream(repo, base, merge, first)


def _merge(repo: GitRepo, branch: str, number: int) -> str:
    """The commit GitHub checks out for a pull request: refs/pull/N/merge, main merged with it."""
    repo.git("checkout", "-q", "--detach", "main")
    repo.git("merge", "-q", "--no-ff", "-m", f"Merge pull request #{number}", branch)
    merge = repo.git("rev-parse", "HEAD").strip()
    repo.git("update-ref", f"refs/pull/{number}/merge", merge)
    repo.git("checkout", "-q", "main")
    return merge


def checkout(upstream: GitRepo, ref: str, target: Path) -> GitRepo:
    """What actions/checkout does by default: fetch one ref at depth 1, detach at it."""
    work = GitRepo.init(target)
    work.git("remote", "add", "origin", f"file://{upstream.root}")
    work.git("fetch", "-q", "--no-tags", "--depth=1", "origin", ref)
    work.git("checkout", "-q", "--detach", "FETCH_HEAD")
    return work


def has_commit(repo: GitRepo, sha: str) -> bool:
    return _run(["git", "cat-file", "-e", f"{sha}^{{commit}}"], repo.root, repo.env).returncode == 0


def pr_payload(base: str, number: int = 7) -> dict[str, object]:
    return {"action": "synchronize", "number": number, "pull_request": {"number": number, "base": {"sha": base, "ref": "main"}}}


def annotation_lines(stdout: str, level: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith(f"::{level} ")]


# --- the composite action, end to end ------------------------------------------------------------


def test_pull_request_in_a_depth_1_checkout(tmp_path: Path, upstream: Upstream, installed) -> None:  # type: ignore[no-untyped-def]
    runner, steps = installed
    work = checkout(upstream.repo, "refs/pull/7/merge", tmp_path / "work")
    assert not has_commit(work, upstream.base)

    run = runner.run(work.root, event_name="pull_request", payload=pr_payload(upstream.base), skip=frozenset({"python", "install"}), step_outputs=steps)

    assert run.code == 1, run.stdout + run.stderr
    assert has_commit(work, upstream.base)  # fetched, just that commit
    # The deletion breaks a reference (SD101) and changes covered code with the spec untouched (SD301).
    missing, unspecced = annotation_lines(run.stdout, "error")
    assert missing.startswith("::error file=specs/auth.md,line=4,col=")
    assert "title=SD101 missing-file::`src/tokens.py` is not a tracked file" in missing
    assert unspecced.startswith("::error file=src/tokens.py,")
    assert "title=SD301 unspecced-change::" in unspecced
    assert "src/legacy.py" not in run.stdout.replace(f"{upstream.base[:12]}", "")  # already on main: not new
    assert "::notice title=speclint::This is a shallow clone, so speclint skips the history rules" in run.stdout
    assert "fetch-depth: 0" in run.stdout

    assert run.summary.startswith("## speclint\n\n_Checked: the pull request #7: " + upstream.base[:12])
    assert "SD101 missing-file" in run.summary and "src/tokens.py" in run.summary
    assert run.summary.count("shallow clone") == 1  # speclint's own note, not a second one
    assert run.outputs == {"findings": "2", "sarif-file": ""}


def test_annotations_beyond_ten_are_counted(tmp_path: Path, installed) -> None:  # type: ignore[no-untyped-def]
    runner, steps = installed
    repo = GitRepo.init(tmp_path / "upstream")
    modules = [f"src/m{n:02}.py" for n in range(13)]
    spec = "# Modules\n\n" + "".join(f"- [x] `{path}` does its part.\n" for path in modules)
    repo.commit("Start", files={"specs/modules.md": spec, "src/keep.py": "K = 1\n", **{path: "X = 1\n" for path in modules}})
    base = repo.git("rev-parse", "HEAD").strip()
    repo.branch("cleanup")
    for path in modules:
        repo.rm(path)
    repo.commit("Remove every module")
    repo.git("checkout", "-q", "main")
    repo.commit("Keep main moving", files={"README.md": "# demo\n"})
    base = repo.git("rev-parse", "HEAD").strip()
    _merge(repo, "cleanup", 9)
    work = checkout(repo, "refs/pull/9/merge", tmp_path / "work")

    run = runner.run(
        work.root,
        event_name="pull_request",
        payload=pr_payload(base, 9),
        inputs={"args": "--select SD101"},
        skip=frozenset({"python", "install"}),
        step_outputs=steps,
    )

    assert run.code == 1, run.stdout + run.stderr
    errors = annotation_lines(run.stdout, "error")
    assert len(errors) == 10
    assert [line.split("title=")[1].split("::")[1].split("`")[1] for line in errors] == modules[:10]
    assert "::notice title=speclint::3 more findings not annotated" in run.stdout
    assert len(annotation_lines(run.stdout, "notice")) <= 10
    for path in modules:
        assert f"`{path}`" in run.summary
    assert run.outputs["findings"] == "13"


def test_push_of_a_new_branch_is_a_full_check_with_sarif(tmp_path: Path, upstream: Upstream, installed) -> None:  # type: ignore[no-untyped-def]
    runner, steps = installed
    work = checkout(upstream.repo, "refs/heads/main", tmp_path / "work")
    payload = {"ref": "refs/heads/main", "before": ZERO, "after": upstream.base}

    run = runner.run(
        work.root,
        event_name="push",
        payload=payload,
        inputs={"sarif": "reports/speclint.sarif", "fail-on": "warning"},
        skip=frozenset({"python", "install"}),
        step_outputs=steps,
    )

    assert run.code == 1, run.stdout + run.stderr
    (error,) = annotation_lines(run.stdout, "error")
    assert "`src/legacy.py` is not a tracked file" in error
    assert "_Checked: every finding (a push that starts a new branch)._" in run.summary
    sarif_file = Path(run.outputs["sarif-file"])
    assert sarif_file == work.root / "reports" / "speclint.sarif"
    sarif = json.loads(sarif_file.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert [result["ruleId"] for result in sarif["runs"][0]["results"]] == ["SD101"]
    assert run.outputs["findings"] == "1"


def test_push_range_fetches_before_and_reports_only_what_it_changed(tmp_path: Path, upstream: Upstream, installed) -> None:  # type: ignore[no-untyped-def]
    runner, steps = installed
    work = checkout(upstream.repo, "refs/heads/main", tmp_path / "work")
    assert not has_commit(work, upstream.first)
    payload = {"ref": "refs/heads/main", "before": upstream.first, "after": upstream.base}

    run = runner.run(
        work.root,
        event_name="push",
        payload=payload,
        inputs={"sarif": "speclint.sarif"},
        skip=frozenset({"python", "install"}),
        step_outputs=steps,
    )

    assert run.code == 0, run.stdout + run.stderr
    assert has_commit(work, upstream.first)
    assert annotation_lines(run.stdout, "error") == []
    assert f"_Checked: the push: {upstream.first[:12]}..{upstream.base[:12]}._" in run.summary
    assert "No findings" in run.summary
    assert run.outputs["findings"] == "0"
    # Code scanning takes each upload as the whole analysis: the SARIF file has every finding.
    sarif = json.loads(Path(run.outputs["sarif-file"]).read_text(encoding="utf-8"))
    assert [result["ruleId"] for result in sarif["runs"][0]["results"]] == ["SD101"]


def test_other_events_and_args_choosing_the_mode(tmp_path: Path, upstream: Upstream, installed) -> None:  # type: ignore[no-untyped-def]
    runner, steps = installed
    work = checkout(upstream.repo, "refs/pull/7/merge", tmp_path / "work")
    skip = frozenset({"python", "install"})

    scheduled = runner.run(work.root, event_name="schedule", payload={}, inputs={"args": "--exit-zero"}, skip=skip, step_outputs=steps)
    assert scheduled.code == 0, scheduled.stdout + scheduled.stderr
    assert len(annotation_lines(scheduled.stdout, "error")) == 2  # src/legacy.py and src/tokens.py
    assert scheduled.outputs["findings"] == "2"

    # `--base` in args replaces what the event would choose (HEAD~0: an empty change set).
    chosen = runner.run(work.root, event_name="pull_request", payload=pr_payload(upstream.base), inputs={"args": "--base HEAD"}, skip=skip, step_outputs=steps)
    assert chosen.code == 0, chosen.stdout + chosen.stderr
    assert not has_commit(work, upstream.base)  # nothing fetched: the args chose the mode
    assert chosen.outputs["findings"] == "0"


def test_inputs_are_data_not_code(tmp_path: Path, upstream: Upstream, installed) -> None:  # type: ignore[no-untyped-def]
    runner, steps = installed
    work = checkout(upstream.repo, "refs/pull/7/merge", tmp_path / "work")
    skip = frozenset({"python", "install"})
    marker = tmp_path / MARKER

    hostile = f"--select SD1 $(touch {marker}) `touch {marker}` ; touch {marker}"
    run = runner.run(work.root, event_name="pull_request", payload=pr_payload(upstream.base), inputs={"args": hostile}, skip=skip, step_outputs=steps)
    assert not marker.exists()
    assert run.code == 2
    assert "::error title=speclint::speclint could not run (exit status 2): speclint: error: $(touch" in run.stdout
    assert "speclint could not run" in run.summary

    bad = runner.run(work.root, event_name="pull_request", payload=pr_payload(upstream.base), inputs={"fail-on": "$(id)"}, skip=skip, step_outputs=steps)
    assert bad.code == 2
    assert "input `fail-on` must be one of error, warning, info" in bad.stdout

    unbalanced = runner.run(work.root, event_name="push", payload={}, inputs={"args": "--select 'SD1"}, skip=skip, step_outputs=steps)
    assert unbalanced.code == 2
    assert "input `args` cannot be split into words" in unbalanced.stdout

    # A crafted base "sha" in the event is refused, never passed to git.
    forged = runner.run(work.root, event_name="pull_request", payload=pr_payload("--upload-pack=touch " + str(marker)), skip=skip, step_outputs=steps)
    assert forged.code == 2
    assert "no usable base commit id" in forged.stdout
    assert not marker.exists()


def test_the_pull_request_cannot_replace_the_installed_speclint(tmp_path: Path, installed) -> None:  # type: ignore[no-untyped-def]
    """A fork's pull request that adds a `speclint` package at its root is checked, not imported."""
    runner, steps = installed
    repo = GitRepo.init(tmp_path / "upstream")
    repo.commit("Start", files={"specs/a.md": "# A\n\n- [x] `src/a.py` is here.\n", "src/a.py": "A = 1\n"})
    repo.branch("fork")
    marker = tmp_path / MARKER
    evil = EVIL.format(str(marker))
    repo.commit("Sneak", files={"speclint/__init__.py": evil, "speclint/__main__.py": evil, "speclint/integrations/__init__.py": evil, "speclint/integrations/github_action.py": evil})
    repo.git("checkout", "-q", "main")
    base = repo.commit("Move on", files={"README.md": "# a\n"})
    _merge(repo, "fork", 3)
    work = checkout(repo, "refs/pull/3/merge", tmp_path / "work")

    run = runner.run(work.root, event_name="pull_request", payload=pr_payload(base, 3), skip=frozenset({"python", "install"}), step_outputs=steps)
    assert run.code == 0, run.stdout + run.stderr
    assert not marker.exists()
    assert run.outputs["findings"] == "0"


def test_the_check_step_runs_outside_actions(tmp_path: Path, upstream: Upstream) -> None:
    """Without GITHUB_OUTPUT, GITHUB_STEP_SUMMARY or an event file (a local try) the step still works."""
    work = checkout(upstream.repo, "refs/heads/main", tmp_path / "work")
    env = {**git_env(), "GITHUB_EVENT_NAME": "workflow_dispatch", "INPUT_ARGS": "--exit-zero", "PYTHONPATH": str(SOURCE)}
    env.pop("NO_COLOR", None)
    proc = _run([sys.executable, "-m", "speclint.integrations.github_action"], work.root, env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "::error file=specs/auth.md" in proc.stdout
    assert "speclint: 1 finding" in proc.stdout
