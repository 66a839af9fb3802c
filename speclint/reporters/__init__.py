"""THE reporter registry: each output format is one module with a pure `render(report, options)`."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from speclint.report import Report


class RenderOptions(NamedTuple):
    color: bool = False


Render = Callable[[Report, RenderOptions], str]


def _load(name: str) -> Render:
    # Imported on use: a run pays only for the format it prints.
    from importlib import import_module

    module = import_module(f"speclint.reporters.{name}")
    render: Render = module.render
    return render


FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "markdown": "markdown",
}


def render(format_name: str, report: Report, options: RenderOptions = RenderOptions()) -> str:
    return _load(FORMATS[format_name])(report, options)
