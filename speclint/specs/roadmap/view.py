"""What `speclint roadmap` shows: the work items of some documents, and what the graph says of them.

Built once from the graph; each output format (text, mermaid, dot, json) is a pure function of
a `View`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from speclint.specs.roadmap import analysis
from speclint.specs.roadmap.graph import Edge, Roadmap, Unresolved
from speclint.specs.roadmap.model import FEATURE, PHASE, TASK


@dataclass
class View:
    roadmap: Roadmap
    documents: list[str]
    nodes: dict[str, list[int]]  # document → its phases and tasks, in order
    edges: list[Edge]
    broken: list[Unresolved]
    cycle_edges: set[tuple[int, int]] = field(default_factory=set)
    cycles: list[analysis.Cycle] = field(default_factory=list)
    ready: list[int] = field(default_factory=list)
    critical_path: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)  # items of other documents that shown ones depend on

    def shown(self) -> set[int]:
        return {n for nodes in self.nodes.values() for n in nodes} | set(self.extra)


def build(roadmap: Roadmap, paths: Iterable[str], *, focus: set[int] | None = None) -> View:
    """The view of `paths`; with `focus`, only those items, their phases and what they depend on."""
    wanted = set(paths)
    nodes: dict[str, list[int]] = {}
    for node, item in enumerate(roadmap.nodes):
        if item.kind in (PHASE, TASK) and item.path in wanted:
            nodes.setdefault(item.path, []).append(node)
    nodes = {p: ns for p, ns in nodes.items() if _is_roadmap(roadmap, ns)}
    if focus is not None:
        keep = _neighbourhood(roadmap, focus)
        nodes = {p: [n for n in ns if n in keep] for p, ns in nodes.items()}
        nodes = {p: ns for p, ns in nodes.items() if ns}
    shown = {n for ns in nodes.values() for n in ns}
    edges = [e for e in roadmap.edges if e.src in shown or e.dst in shown]
    extra = sorted({n for e in edges for n in (e.src, e.dst) if n not in shown})
    cycles = [c for c in analysis.cycles(roadmap) if shown.intersection(c.nodes)]
    paths_shown = set(nodes)
    view = View(
        roadmap,
        sorted(nodes),
        nodes,
        edges,
        [u for u in roadmap.unknown_dependencies if u.path in paths_shown and (u.source is None or u.source in shown)],
        {(e.src, e.dst) for c in cycles for e in c.edges},
        cycles,
        extra=extra,
    )
    all_nodes = [n for p in view.documents for n in nodes[p]]
    view.ready = analysis.ready(roadmap, all_nodes)
    view.critical_path = analysis.critical_path(roadmap, shown | set(extra))
    return view


def _is_roadmap(roadmap: Roadmap, nodes: list[int]) -> bool:
    """A plan worth drawing: numbered tasks, phases with tasks or a status, or dependencies.

    A checklist of loose checkboxes (requirements to verify, pitfalls) is not a roadmap.
    """
    for node in nodes:
        item = roadmap.nodes[node]
        if roadmap.depends.get(node) or (item.kind == TASK and not item.anonymous):
            return True
        if item.kind == PHASE and (roadmap.children.get(node) or item.status != "unknown"):
            return True
    return False


def ordered(roadmap: Roadmap, nodes: list[int]) -> list[tuple[int, int]]:
    """Nodes as a tree in document order: (node, depth), each item followed by what it holds."""
    inside = set(nodes)
    children: dict[int | None, list[int]] = {}
    for node in nodes:
        parent = roadmap.parent(node)
        while parent is not None and parent not in inside:
            parent = roadmap.parent(parent)
        children.setdefault(parent, []).append(node)
    out: list[tuple[int, int]] = []
    pending = [(node, 0) for node in reversed(children.get(None, []))]
    while pending:
        node, depth = pending.pop()
        out.append((node, depth))
        pending.extend((kid, depth + 1) for kid in reversed(children.get(node, [])))
    return out


def focus(roadmap: Roadmap, places: set[tuple[str, int]]) -> set[int]:
    """The items defined at, or depending on something at, these (path, line) places."""
    found = {n for n, item in enumerate(roadmap.nodes) if (item.path, item.line) in places}
    for edge in roadmap.edges:
        if (edge.path, edge.mention.line) in places:
            found.update((edge.src, edge.dst))
    for unknown in roadmap.unknown_dependencies:
        if (unknown.path, unknown.mention.line) in places and unknown.source is not None:
            found.add(unknown.source)
    return found


def _neighbourhood(roadmap: Roadmap, focus: set[int]) -> set[int]:
    keep = set()
    for node in focus:
        keep.add(node)
        for edge in roadmap.depends.get(node, ()):
            keep.add(edge.dst)
        parent = roadmap.parent(node)
        while parent is not None:
            keep.add(parent)
            parent = roadmap.parent(parent)
    return keep


def label(roadmap: Roadmap, node: int, *, width: int = 60) -> str:
    """`Phase 2: API Integration`, `T012 Create User model…`: an item as one line."""
    item = roadmap.nodes[node]
    if item.kind == FEATURE:
        return item.label
    title = " ".join(item.title.replace("**", "").split())
    if len(title) > width:
        title = title[: width - 1].rstrip() + "…"
    if not item.label:
        return title
    separator = ": " if item.kind == PHASE else " "
    return f"{item.label}{separator}{title}" if title else item.label
