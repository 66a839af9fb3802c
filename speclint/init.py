"""`speclint init`: write a commented `speclint.toml` for the spec layouts found in the repo."""

from __future__ import annotations

from pathlib import Path

from speclint import config as configs
from speclint import git
from speclint.atomic import write_text
from speclint.errors import UsageError
from speclint.globs import GlobSet

LAYOUTS = (
    ("GitHub Spec Kit", "specs/**"),
    ("Kiro", ".kiro/specs/**"),
    ("OpenSpec", "openspec/**"),
    ("Spec Kit memory", ".specify/**"),
    ("GSD planning", ".planning/**"),
    ("docs/specs", "docs/specs/**"),
    ("ADRs", "docs/adr/**"),
    ("roadmap", "/ROADMAP.md"),
    ("roadmaps in docs/", "docs/roadmap*.md"),
)


def render(found: list[tuple[str, str, int]]) -> str:
    lines = [
        "# speclint configuration; every key is described in docs/configuration.md of speclint.",
        "",
    ]
    if found:
        lines.append("# Spec layouts found in this repository:")
        lines += [f"#   {name}: {count} markdown file(s) under {glob}" for name, glob, count in found]
        specs = ", ".join(f'"{glob}"' for _, glob, _ in found)
        lines += ["specs = [" + specs + "]", ""]
    else:
        lines += [
            "# No known spec layout was found; these are the defaults. List your spec globs here.",
            "# specs = [\"specs/**\", \"docs/specs/**\", \"ROADMAP.md\"]",
            "",
        ]
    lines += [
        "# Folders full of templates or placeholders are not specs.",
        "# extend-exclude = [\"docs/templates/**\"]",
        "",
        "# The lowest severity that makes `speclint check` exit 1: error, warning or info.",
        "fail-on = \"error\"",
        "",
        "# Rules to run (codes, prefixes such as SD1, or names) and to skip.",
        "# select = [\"SD1\"]",
        "# ignore = [\"SD103\"]",
        "",
        "# Per-rule severity (error, warning, info, off) and options:",
        "# [rules.SD101]",
        "# severity = \"warning\"",
        "",
    ]
    return "\n".join(lines)


def write_config(cwd: Path) -> Path:
    repo = git.open_repository(cwd)
    existing = configs.find(repo.root)
    if existing is not None:
        raise UsageError(f"{existing}: a speclint config already exists; not overwriting it")
    for name in configs.CONFIG_FILES[1:]:
        if (repo.root / name).exists():
            raise UsageError(f"{repo.root / name}: already exists; not overwriting it")
    tracked = list(git.index_entries(repo.root))
    found = []
    for name, glob in LAYOUTS:
        matcher = GlobSet((glob,))
        count = sum(1 for p in tracked if p.lower().endswith(configs.SPEC_SUFFIXES) and matcher.match(p))
        if count:
            found.append((name, glob, count))
    target = repo.root / "speclint.toml"
    write_text(target, render(found))
    return target
