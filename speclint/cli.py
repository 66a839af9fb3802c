"""The command line: check, refs, roadmap, rules, explain, init.

Exit codes: 0 clean, 1 findings at or above `fail-on`, 2 usage, config or git errors (one line
on stderr) and internal errors (with a traceback, as bugs deserve); see `speclint.command`.
"""

from __future__ import annotations

from pathlib import Path

import click

from speclint import __version__, command
from speclint.command import EXIT_CLEAN, EXIT_ERROR
from speclint.findings import SEVERITY_NAMES, Severity


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="speclint")
def cli() -> None:
    """Keep specs and code from drifting apart.

    speclint reads the markdown specs in a git repository (Spec Kit, Kiro, OpenSpec, roadmaps,
    ADRs) and reports references to files, symbols and tasks that no longer match the code.
    """


_FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit", "markdown")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--staged", is_flag=True, help="Check the staged changes (index against HEAD): only the drift they introduce, plus SD301.")
@click.option("--base", metavar="REF", help="Check the change set REF..HEAD (or REF..--head), as a pull request: only the drift it introduces, plus SD301.")
@click.option("--head", "head", metavar="REF", help="With --base: the end of the change set. Alone: check the tree of commit REF instead of the work tree.")
@click.option("--commits", metavar="A..B", help="Check the change set of a commit range, like --base A --head B.")
@click.option("--pre-push", is_flag=True, help="Check the commits being pushed (PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF); a full check when there is no remote side yet.")
@click.option("--commit-msg-file", type=click.Path(dir_okay=False, path_type=Path), help="With --staged: the message of the commit being made; a `Spec-Impact: none` trailer waives SD301.")
@click.option("--all", "all_findings", is_flag=True, help="In a change set, report every finding on the new snapshot, not only new ones.")
@click.option("-f", "--format", "output_format", type=click.Choice(_FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, prefixes (SD1) or names, comma-separated. Replaces the config's select.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules, in addition to the config's ignore.")
@click.option("--fail-on", type=click.Choice(SEVERITY_NAMES), help="Lowest severity that makes the exit status 1 [config: fail-on; default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Do not report findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), help="Record the current findings in FILE (atomically) and exit 0.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), help="Use this config file instead of looking for one.")
@click.option("--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True, help="Colour in text output; auto honours NO_COLOR and FORCE_COLOR.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the symbol cache under the git dir.")
def check(
    paths: tuple[str, ...],
    staged: bool,
    base: str | None,
    head: str | None,
    commits: str | None,
    pre_push: bool,
    commit_msg_file: Path | None,
    all_findings: bool,
    output_format: str,
    output: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    config_file: Path | None,
    color: str,
    no_cache: bool,
) -> None:
    """Check specs against the code; PATHS limits which specs are reported."""
    from speclint import runner

    request = runner.Request(
        cwd=Path.cwd(),
        paths=paths,
        staged=staged,
        head=head,
        config_file=config_file,
        select=command.split(select),
        ignore=command.split(ignore),
        fail_on=Severity.parse(fail_on) if fail_on else None,
        # A new baseline records every current finding, accepted before or not.
        baseline=None if write_baseline is not None else baseline,
        use_cache=not no_cache,
        base=base,
        commits=commits,
        pre_push=pre_push,
        commit_msg_file=commit_msg_file,
        all_findings=all_findings,
    )
    status = command.check(
        request, output_format=output_format, output=output, color=color, exit_zero=exit_zero,
        write_baseline=write_baseline,
    )
    if status != EXIT_CLEAN:
        raise SystemExit(status)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--staged", is_flag=True, help="Read the index instead of the work tree.")
@click.option("--head", "head", metavar="REF", help="Read commit REF instead of the work tree.")
@click.option("-f", "--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
def refs(paths: tuple[str, ...], staged: bool, head: str | None, output_format: str, config_file: Path | None) -> None:
    """List every reference found in the specs and how it resolved."""
    from speclint import refs_listing, runner

    ctx = runner.open_context(runner.Request(cwd=Path.cwd(), paths=paths, staged=staged, head=head, config_file=config_file))
    try:
        rows = refs_listing.rows(ctx)
        command.notices(ctx.notices)
        click.echo(refs_listing.render(rows, output_format), nl=False)
    finally:
        ctx.close()


@cli.command()
@click.option("-f", "--format", "output_format", type=click.Choice(("text", "markdown")), default="text", show_default=True, help="markdown is the full reference (docs/rules.md).")
def rules(output_format: str) -> None:
    """List the rules with their codes, names and default severities."""
    from speclint import rule_docs

    click.echo(rule_docs.table() if output_format == "text" else rule_docs.markdown(), nl=False)


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Print what a rule checks, why, and how to fix or silence it (RULE: code or name)."""
    from speclint import rule_docs

    click.echo(rule_docs.explain(rule), nl=False)


@cli.command()
def init() -> None:
    """Write a commented speclint.toml for the spec layout found here; never overwrites."""
    from speclint import init as initialiser

    path = initialiser.write_config(Path.cwd())
    click.echo(f"speclint: wrote {path}", err=True)


def main(argv: list[str] | None = None) -> None:
    def run() -> int:
        try:
            cli.main(args=argv, prog_name="speclint", standalone_mode=False)
        except click.exceptions.Abort:
            click.echo("speclint: aborted", err=True)
            return EXIT_ERROR
        except click.ClickException as exc:
            exc.show()
            return EXIT_ERROR
        except click.exceptions.Exit as exc:
            return exc.exit_code
        return EXIT_CLEAN

    raise SystemExit(command.guarded(run))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-f", "--format", "output_format", type=click.Choice(("text", "mermaid", "dot", "json")), default="text", show_default=True, help="text: tree, ready items and critical path; mermaid: a flowchart GitHub renders.")
@click.option("--staged", is_flag=True, help="Read the index instead of the work tree.")
@click.option("--head", "head", metavar="REF", help="Read commit REF instead of the work tree.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE (atomically) instead of stdout.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
def roadmap(paths: tuple[str, ...], output_format: str, staged: bool, head: str | None, output: Path | None, config_file: Path | None) -> None:
    """Show the roadmap: phases and tasks with status, what is ready to start, the critical path."""
    from importlib import import_module

    from speclint import runner
    from speclint.specs.roadmap import view

    ctx = runner.open_context(runner.Request(cwd=Path.cwd(), paths=paths, staged=staged, head=head, config_file=config_file))
    try:
        shown = view.build(ctx.roadmap, ctx.checked_spec_paths)
        command.notices(ctx.notices)
    finally:
        ctx.snapshot.close()
    render = import_module(f"speclint.reporters.roadmap_{output_format}").render
    command.emit(render(shown), output)
