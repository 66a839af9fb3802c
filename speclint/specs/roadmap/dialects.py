"""Which dialect a document is written in, which feature it belongs to, and what defines an item.

Detected per file from its path and content: Kiro (`.kiro/specs/<feature>/`), OpenSpec
(`openspec/`), GSD (`.planning/`), Spec Kit (`specs/NNN-feature/` or `T001`-style tasks), and
free-form roadmaps for everything else. The patterns for phases, tasks and requirement
definitions are shared; the dialect only decides the few things that differ.
"""

from __future__ import annotations

import posixpath
import re

from speclint.specs.roadmap import ids
from speclint.specs.roadmap.model import FREE_FORM, GSD, KIRO, OPENSPEC, SPEC_KIT

_SPEC_KIT_TASK = re.compile(r"^\s*[-*]\s+\[[ xX]\]\s+T\d{3}", re.M)
_SPEC_KIT_PATH = re.compile(r"(?:^|/)specs?/\d{3}-[^/]+/")

_EMPH = r"(?:\*\*|__)?"
# `## Phase 2: API Integration`, `**Phase 2 — API**`, `### Milestone 3`, `✅ Phase 1 (done)`.
PHASE = re.compile(
    rf"^[^\w*]*{_EMPH}(?P<word>{'|'.join(ids.PHASE_WORDS)})\s+(?P<num>{ids.NUM})(?![\w.])(?=\s*(?:$|[^\w\s]))(?P<rest>.*)$",
    re.I,
)
# `T012`, `**T012**`, `Task 1.1:`, Kiro `1.`, `1.1`, OpenSpec `1.1`.
TASK_ID = re.compile(
    rf"^{_EMPH}(?:task\s+(?P<word>{ids.TASK_T}|{ids.NUM})|(?P<t>{ids.TASK_T})|(?P<num>\d+\.(?:\d+(?:\.\d+)*[a-z]?)?))"
    rf"{_EMPH}(?=[\s:.)\]—–-]|$)",
    re.I,
)
# A bold line that is only a phase name (and perhaps a status mark): `**Phase 2 — API** ✅`.
BOLD_PHASE_LINE = re.compile(r"^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*[✅✔☑🚧❌⏳]?\s*$")
EXPLICIT_TASK = re.compile(rf"^{_EMPH}task\s+(?:{ids.TASK_T}|{ids.NUM}){_EMPH}\s*[:.—–-]", re.I)
BARE_NUMBERED = re.compile(r"^\d+\.\d+(?:\.\d+)*[a-z]?\s")
# `**FR-001**: System MUST`, `- [x] **QUERY-01**: User can`, `### REQ-AUTH-3: Title`.
REQUIREMENT_DEF = re.compile(rf"^{_EMPH}(?P<id>{ids.PREFIXED}){_EMPH}\s*(?::|—|–|\s-\s|$)")
REQUIREMENT_HEADING = re.compile(rf"^(?:requirement|req\.?)\s+(?P<id>{ids.NUM})\b", re.I)
STORY_HEADING = re.compile(r"^(?:(?:user\s+story|story)\s+(?P<n>\d+)|(?P<us>US-?\d+))\s*(?:$|[-–—:(])", re.I)
STORY_IN_TITLE = re.compile(r"\buser\s+story\s+(\d+)\b|\(US-?(\d+)\)|\[US-?(\d+)\]", re.I)
SPEC_KIT_CITE = re.compile(rf"\[(US-?\d+)\]|(?<![\w-])({ids.PREFIXED})(?![\w-])")
# What every match of SPEC_KIT_CITE holds: a line without it is not searched (most task lines).
SPEC_KIT_CITE_HINT = re.compile(r"\[US|-\d")
PARALLEL = re.compile(r"\[P\]")


def detect(path: str, text: str) -> str:
    rooted = "/" + path
    if "/.kiro/specs/" in rooted:
        return KIRO
    if path.startswith("openspec/"):
        return OPENSPEC
    if "/.planning/" in rooted:
        return GSD
    if _SPEC_KIT_PATH.search(path) or _SPEC_KIT_TASK.search(text):
        return SPEC_KIT
    return FREE_FORM


def feature_of(path: str) -> str:
    """The folder whose documents share requirement ids: a feature, a change, or the file's own."""
    parts = path.split("/")
    for anchor, depth in ((".kiro", 3), ("openspec", 3), (".planning", 1)):
        if anchor in parts[:-1]:
            at = parts.index(anchor)
            if anchor == "openspec" and (len(parts) <= at + 3 or parts[at + 1] not in ("changes", "specs")):
                break
            return "/".join(parts[: at + depth])
    for i, part in enumerate(parts[:-2]):
        if part in ("specs", "spec") and re.match(r"\d{3}-", parts[i + 1]):
            return "/".join(parts[: i + 2])
    return posixpath.dirname(path)


def feature_name(feature: str) -> str:
    """How a document names a feature or change: its folder's name (`002-auth`, `add-zod`)."""
    return feature.rsplit("/", 1)[-1]
