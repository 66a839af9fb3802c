"""All documents' roadmaps joined into one graph: ids resolved per document and feature.

Work ids (phases, tasks) are scoped to their document, then to their feature (T001 in two Spec
Kit features are different tasks); requirement ids to their feature, and prefixed ones
(`FR-001`) across the repository when the feature defines none of that prefix. A mention
that resolves nowhere is only "unknown" when its scope defines ids of the same family, so a
document that never numbers its tasks is never told that `2.1` is missing.
"""

from __future__ import annotations

import difflib
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from speclint.specs.roadmap import ids
from speclint.specs.roadmap.dialects import feature_name
from speclint.specs.roadmap.model import (
    BLOCKED,
    DONE,
    FEATURE,
    IN_PROGRESS,
    OPEN,
    OPENSPEC,
    OPTIONAL,
    PHASE,
    REQUIREMENT,
    STORY,
    TASK,
    UNKNOWN,
    DocPlan,
    Item,
    Mention,
)

if TYPE_CHECKING:
    from speclint.specs.roadmap.code_links import CodeLink


class Edge(NamedTuple):
    """`src` depends on `dst`, as written at `mention` in `path`."""

    src: int
    dst: int
    mention: Mention
    path: str


class Unresolved(NamedTuple):
    """A mention that names nothing: `missing` is the id that is not defined (a range's end)."""

    path: str
    mention: Mention
    missing: str
    hint: str = ""
    source: int | None = None  # the item that wrote it, when there is one


@dataclass
class Roadmap:
    plans: dict[str, DocPlan]
    nodes: list[Item] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    unknown_dependencies: list[Unresolved] = field(default_factory=list)
    unknown_citations: list[Unresolved] = field(default_factory=list)
    cited: set[int] = field(default_factory=set)
    traced_features: set[str] = field(default_factory=set)
    _doc_work: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    _feature_work: dict[str, dict[str, list[int]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    _feature_reqs: dict[str, dict[str, list[int]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    _all_reqs: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _features: dict[str, str] = field(default_factory=dict)  # name → feature folder
    _aggregates: dict[str, int] = field(default_factory=dict)
    _index: dict[tuple[str, int], int] = field(default_factory=dict)  # (path, item index) → node
    _load_code_links: Callable[[], list[CodeLink]] = list

    @cached_property
    def code_links(self) -> list[CodeLink]:
        """Comments in code that link to specs; searched for only when a rule asks."""
        return self._load_code_links()

    def node(self, path: str, index: int) -> int:
        return self._index[(path, index)]

    def parent(self, node: int) -> int | None:
        item = self.nodes[node]
        return None if item.parent is None or item.kind == FEATURE else self._index[(item.path, item.parent)]

    @cached_property
    def children(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for node in range(len(self.nodes)):
            parent = self.parent(node)
            if parent is not None:
                found[parent].append(node)
        return found

    @cached_property
    def depends(self) -> dict[int, list[Edge]]:
        found: dict[int, list[Edge]] = defaultdict(list)
        for edge in self.edges:
            found[edge.src].append(edge)
        return found

    def status(self, node: int) -> str:
        return self._statuses[node]

    @cached_property
    def _statuses(self) -> list[str]:
        statuses = [UNKNOWN] * len(self.nodes)
        for node in sorted(range(len(self.nodes)), key=self._depth, reverse=True):
            item = self.nodes[node]
            if item.status != UNKNOWN or item.kind in (REQUIREMENT, STORY):
                statuses[node] = item.status
            elif item.kind == FEATURE:
                statuses[node] = derive(statuses[n] for n in self._feature_tasks(item.path))
            else:
                statuses[node] = derive(statuses[n] for n in self.children.get(node, ()))
        return statuses

    def _depth(self, node: int) -> int:
        depth, current = 0, self.parent(node)
        while current is not None:
            depth, current = depth + 1, self.parent(current)
        return depth if self.nodes[node].kind != FEATURE else -1

    def _feature_tasks(self, feature: str) -> list[int]:
        return [n for n, item in enumerate(self.nodes) if item.kind == TASK and _feature(self.plans, item) == feature]

    def work_items(self, path: str) -> list[int]:
        return [n for n, item in enumerate(self.nodes) if item.path == path and item.kind in (PHASE, TASK)]


def derive(statuses: Iterable[str]) -> str:
    """A phase's status from its tasks': done when every task that says is done."""
    known = [s for s in statuses if s not in (UNKNOWN, OPTIONAL)]
    if not known:
        return UNKNOWN
    if all(s == DONE for s in known):
        return DONE
    if any(s in (DONE, IN_PROGRESS) for s in known):
        return IN_PROGRESS
    if all(s == BLOCKED for s in known):
        return BLOCKED
    return OPEN


def _feature(plans: dict[str, DocPlan], item: Item) -> str:
    plan = plans.get(item.path)
    return plan.feature if plan else item.path


def build(plans: Iterable[DocPlan], *, code_links: Callable[[], list[CodeLink]] = list) -> Roadmap:
    roadmap = Roadmap({plan.path: plan for plan in plans}, _load_code_links=code_links)
    for plan in roadmap.plans.values():
        roadmap._features.setdefault(feature_name(plan.feature), plan.feature)
        work = roadmap._doc_work.setdefault(plan.path, {})
        for index, item in enumerate(plan.items):
            node = len(roadmap.nodes)
            roadmap.nodes.append(item)
            roadmap._index[(plan.path, index)] = node
            if item.anonymous:
                continue
            if item.kind in (REQUIREMENT, STORY):
                roadmap._feature_reqs[plan.feature][item.key].append(node)
                roadmap._all_reqs[item.key].append(node)
                continue
            for key in (item.key, *item.aliases):
                work.setdefault(key, []).append(node)
                roadmap._feature_work[plan.feature][key].append(node)
    _Resolver(roadmap).run()
    return roadmap


class _Resolver:
    def __init__(self, roadmap: Roadmap) -> None:
        self.roadmap = roadmap
        self.linked: set[tuple[int, int]] = set()
        self.families: dict[str, dict[str, dict[str, list[int]]]] = {}

    def run(self) -> None:
        roadmap = self.roadmap
        for path, plan in list(roadmap.plans.items()):
            for index, item in enumerate(plan.items):
                node = roadmap.node(path, index)
                for mention in item.depends_on:
                    self._depend(plan, node, mention)
                for mention in item.cites:
                    self._cite(plan, mention, node)
            for dependent, prerequisite in plan.statements:
                subjects = self._work(plan, dependent)
                for src in subjects:
                    self._depend(plan, src, prerequisite)
            if plan.dialect == OPENSPEC and plan.loose_depends:
                change = self._aggregate(plan.feature)
                for mention in plan.loose_depends:
                    self._depend(plan, change, mention)
            for mention in plan.loose_cites:
                self._cite(plan, mention, None)
            if plan.cites_all:
                roadmap.traced_features.add(plan.feature)

    def _aggregate(self, feature: str) -> int:
        roadmap = self.roadmap
        if feature not in roadmap._aggregates:
            name = feature_name(feature)
            roadmap.nodes.append(Item(f"feature:{name}", name, FEATURE, name, feature, 0, 0, 0))
            roadmap._aggregates[feature] = len(roadmap.nodes) - 1
        return roadmap._aggregates[feature]

    def _work(self, plan: DocPlan, mention: Mention, source: int | None = None) -> list[int]:
        """The work items a mention names; an unknown one is recorded (when confidently an id)."""
        roadmap = self.roadmap
        path, feature = plan.path, plan.feature
        if mention.key.startswith("feature:"):
            target = roadmap._features.get(mention.key.split(":", 1)[1])
            return [self._aggregate(target)] if target and target != feature else []
        if mention.scope:
            scoped = self._scope(plan, mention.scope)
            if scoped is None:
                return []
            path, feature = scoped
        pool: dict[str, list[int]] = {k: self._nearest(v, source) for k, v in roadmap._doc_work.get(path, {}).items()}
        for key, nodes in roadmap._feature_work[feature].items():
            pool.setdefault(key, nodes)
        if mention.key.startswith("US"):
            for key, nodes in roadmap._feature_reqs[feature].items():
                pool.setdefault(key, nodes)
        found = self._lookup(pool, mention)
        for missing in found[1]:
            if any(ids.family(k) == ids.family(missing) for k in pool):
                hint = _hint(missing, [k for k in pool if ids.family(k) == ids.family(missing)], roadmap, pool)
                roadmap.unknown_dependencies.append(Unresolved(plan.path, mention, missing, hint, source))
        return found[0]

    def _nearest(self, nodes: list[int], source: int | None) -> list[int]:
        """Of one id defined in two sections of a document, the one in the asking item's section."""
        if len(nodes) < 2 or source is None:
            return nodes
        current: int | None = source
        while current is not None and self.roadmap.nodes[current].kind != PHASE:
            current = self.roadmap.parent(current)
        section = self.roadmap.nodes[current if current is not None else source].section
        near = [n for n in nodes if self.roadmap.nodes[n].section == section]
        return near if len(near) == 1 else nodes

    def _lookup(self, pool: dict[str, list[int]], mention: Mention) -> tuple[list[int], list[str]]:
        if not mention.until:
            nodes = pool.get(mention.key, [])
            if not nodes and mention.key[-1:].isdigit():
                # `FR-002` split into `FR-002a` and `FR-002b`: the id names its lettered parts.
                parts = [k for k in pool if k[:-1] == mention.key and k[-1].isalpha() and len(pool[k]) == 1]
                if parts:
                    return [pool[k][0] for k in sorted(parts)], []
            return (nodes[:1] if len(nodes) == 1 else [], [] if nodes else [mention.key])
        keys = [k for k in pool if ids.in_range(k, mention.key, mention.until) and len(pool[k]) == 1]
        missing = [end for end in (mention.key, mention.until) if end not in pool]
        return [pool[k][0] for k in sorted(keys, key=ids.sort_key)], missing

    def _scope(self, plan: DocPlan, scope: str) -> tuple[str, str] | None:
        roadmap = self.roadmap
        if scope.endswith(".md"):
            for candidate in (posixpath.normpath(posixpath.join(posixpath.dirname(plan.path), scope)), scope.lstrip("/")):
                if candidate in roadmap.plans:
                    return candidate, roadmap.plans[candidate].feature
            return None
        feature = roadmap._features.get(scope.rsplit("/", 1)[-1])
        if feature is None:
            return None
        tasks = [p for p, other in roadmap.plans.items() if other.feature == feature and p.endswith("tasks.md")]
        return (tasks[0] if len(tasks) == 1 else "", feature)

    def _depend(self, plan: DocPlan, src: int, mention: Mention) -> None:
        for dst in self._work(plan, mention, src):
            if dst != src and (src, dst) not in self.linked:  # stated twice: the first says it
                self.linked.add((src, dst))
                self.roadmap.edges.append(Edge(src, dst, mention, plan.path))

    def _cite(self, plan: DocPlan, mention: Mention, source: int | None) -> None:
        roadmap = self.roadmap
        family = ids.family(mention.key)
        pool = self._families(plan.feature).get(family, {})
        prefixed = family not in ("num", "US", "T") and ":" not in mention.key
        if prefixed and not pool:
            pool = self._families("").get(family, {})  # a feature without such ids: the whole repository
        nodes, missing = self._lookup(pool, mention)
        if not mention.until and len(pool.get(mention.key, [])) > 1:
            nodes = pool[mention.key]
        for node in nodes:
            self._trace(node)
        for key in missing:
            if pool:
                hint = _hint(key, list(pool), roadmap, pool)
                roadmap.unknown_citations.append(Unresolved(plan.path, mention, key, hint, source))

    def _families(self, feature: str) -> dict[str, dict[str, list[int]]]:
        """A feature's requirement ids by family (`FR`, `num`, `US`); "" is the whole repository."""
        if feature not in self.families:
            source = self.roadmap._all_reqs if not feature else self.roadmap._feature_reqs[feature]
            grouped: dict[str, dict[str, list[int]]] = defaultdict(dict)
            for key, nodes in source.items():
                grouped[ids.family(key)][key] = nodes
            self.families[feature] = grouped
        return self.families[feature]

    def _trace(self, node: int) -> None:
        """A cited requirement is traced, and so are its criteria and the requirement above it."""
        roadmap = self.roadmap
        roadmap.cited.add(node)
        roadmap.cited.update(roadmap.children.get(node, ()))
        parent = roadmap.parent(node)
        if parent is not None:
            roadmap.cited.add(parent)


def _hint(missing: str, keys: list[str], roadmap: Roadmap, pool: dict[str, list[int]]) -> str:
    """The defined id most likely meant: a sibling (`5.3` for `5.4`), else the closest spelling."""
    if "." in missing and ids.family(missing) == "num":
        head = missing.rsplit(".", 1)[0] + "."
        siblings = sorted((k for k in keys if k.startswith(head) and k.count(".") == missing.count(".")), key=ids.sort_key)
        if siblings:
            below = [k for k in siblings if ids.sort_key(k) < ids.sort_key(missing)]
            return _label(roadmap, pool, below[-1] if below else siblings[0])
    close = difflib.get_close_matches(missing, sorted(keys, key=ids.sort_key), n=1, cutoff=0.6)
    return _label(roadmap, pool, close[0]) if close else ""


def _label(roadmap: Roadmap, pool: dict[str, list[int]], key: str) -> str:
    return roadmap.nodes[pool[key][0]].label or key


def resolve_requirement(roadmap: Roadmap, key: str) -> list[int]:
    """Requirement nodes defined anywhere with this id (for code comments, which name no feature)."""
    return list(roadmap._all_reqs.get(key, ()))


def name(roadmap: Roadmap, node: int, *, here: str = "") -> str:
    """How a finding names an item: its label, with its document when that is not `here`."""
    item = roadmap.nodes[node]
    label = item.label or (item.title[:40] + ("…" if len(item.title) > 40 else ""))
    return label if item.path == here or item.kind == FEATURE else f"{label} ({item.path})"
