"""Questions asked of a roadmap graph: its cycles, what is ready to start, its critical path."""

from __future__ import annotations

from typing import NamedTuple

from speclint.specs.roadmap.graph import Edge, Roadmap
from speclint.specs.roadmap.model import DONE, NOT_DONE, OPEN, PHASE, TASK


class Cycle(NamedTuple):
    """Dependencies that lead back to where they start: `edges[i].dst == edges[i + 1].src`."""

    edges: tuple[Edge, ...]

    @property
    def nodes(self) -> tuple[int, ...]:
        return tuple(edge.src for edge in self.edges)


def cycles(roadmap: Roadmap) -> list[Cycle]:
    """One cycle per strongly connected component, starting at its first item in the documents."""
    found = []
    for component in _components(roadmap):
        start = min(component, key=lambda n: _place(roadmap, n))
        path = _cycle_from(roadmap, start, component)
        if path:
            found.append(Cycle(tuple(path)))
    return sorted(found, key=lambda c: (c.edges[0].path, c.edges[0].mention.line, c.edges[0].mention.column))


def _place(roadmap: Roadmap, node: int) -> tuple[str, int, int]:
    item = roadmap.nodes[node]
    return (item.path, item.line, item.column)


def _components(roadmap: Roadmap) -> list[set[int]]:
    """Tarjan's algorithm, iterative (roadmaps can be long chains)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    result: list[set[int]] = []
    counter = 0
    for root in sorted({e.src for e in roadmap.edges}):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, pos = work.pop()
            if pos == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            edges = roadmap.depends.get(node, [])
            if pos < len(edges):
                work.append((node, pos + 1))
                nxt = edges[pos].dst
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    result.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result


def _cycle_from(roadmap: Roadmap, start: int, component: set[int]) -> list[Edge]:
    """The shortest way from `start` back to itself inside its component (breadth first)."""
    came: dict[int, Edge] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for edge in sorted(roadmap.depends.get(node, []), key=lambda e: _place(roadmap, e.dst)):
                if edge.dst not in component:
                    continue
                if edge.dst == start:
                    path = [edge]
                    while path[0].src != start:
                        path.insert(0, came[path[0].src])
                    return path
                if edge.dst not in came:
                    came[edge.dst] = edge
                    following.append(edge.dst)
        frontier = following
    return []


def ready(roadmap: Roadmap, nodes: list[int]) -> list[int]:
    """Open items whose dependencies, and their phase's, are all done; a ready phase hides its tasks."""
    chosen = [n for n in nodes if roadmap.status(n) == OPEN and _unblocked(roadmap, n)]
    picked = set(chosen)
    return [n for n in chosen if roadmap.parent(n) not in picked]


def _unblocked(roadmap: Roadmap, node: int) -> bool:
    current: int | None = node
    while current is not None:
        if any(roadmap.status(e.dst) != DONE for e in roadmap.depends.get(current, [])):
            return False
        current = roadmap.parent(current)
    return True


def critical_path(roadmap: Roadmap, within: set[int] | None = None) -> list[int]:
    """The longest chain of unfinished items linked by dependencies (cycles left out)."""
    in_cycles = {n for c in cycles(roadmap) for n in c.nodes}
    open_nodes = {
        n for n, item in enumerate(roadmap.nodes)
        if item.kind in (PHASE, TASK) and roadmap.status(n) in NOT_DONE and n not in in_cycles
        and (within is None or n in within)
    }
    best: dict[int, list[int]] = {}

    def longest(node: int) -> list[int]:
        # Iterative depth-first evaluation keeps deep chains off the Python stack.
        pending = [(node, False)]
        while pending:
            current, expanded = pending.pop()
            if current in best:
                continue
            nexts = [e.dst for e in roadmap.depends.get(current, []) if e.dst in open_nodes]
            if not expanded:
                pending.append((current, True))
                pending.extend((n, False) for n in nexts if n not in best)
                continue
            tails = [best[n] for n in nexts if n in best]
            best[current] = [current, *max(tails, key=len, default=[])]
        return best[node]

    chains = [longest(n) for n in sorted(open_nodes)]
    chain = max(chains, key=len, default=[])
    return list(reversed(chain)) if len(chain) > 1 else []
