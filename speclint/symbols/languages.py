"""THE language table: file extensions, grammar wheel, definitions query, member separator.

Adding a language = one row here + `queries/<name>.scm` + a sample under
`tests/symbols/samples/<name>/` with its `expected.json`. Grammars come from the official
per-language wheels, imported only when a file of that language must be parsed.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module, resources
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from tree_sitter import Language as Grammar
    from tree_sitter import Query


class Language(NamedTuple):
    name: str
    extensions: tuple[str, ...]
    module: str  # the grammar wheel's import name
    function: str = "language"  # the function in it that returns the grammar
    separator: str = "."  # how the language itself writes Type<sep>member
    queries: str = ""  # the .scm file, when another language's fits (TSX reads TypeScript's)

    @property
    def query_file(self) -> str:
        return f"{self.queries or self.name}.scm"

    def grammar(self) -> Grammar:
        return _grammar(self.module, self.function)

    def query(self) -> Query:
        return _query(self.query_file, self.module, self.function)


LANGUAGES: tuple[Language, ...] = (
    Language("python", (".py", ".pyi"), "tree_sitter_python"),
    Language("javascript", (".js", ".jsx", ".mjs", ".cjs"), "tree_sitter_javascript"),
    Language("typescript", (".ts", ".mts", ".cts"), "tree_sitter_typescript", "language_typescript"),
    Language("tsx", (".tsx",), "tree_sitter_typescript", "language_tsx", queries="typescript"),
    Language("go", (".go",), "tree_sitter_go"),
    Language("rust", (".rs",), "tree_sitter_rust", separator="::"),
    Language("java", (".java",), "tree_sitter_java"),
    Language("c", (".c", ".h"), "tree_sitter_c"),
    Language(
        "cpp",
        (".cpp", ".cc", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++", ".ipp"),
        "tree_sitter_cpp",
        separator="::",
    ),
    Language("c_sharp", (".cs",), "tree_sitter_c_sharp"),
    Language("ruby", (".rb", ".rake", ".gemspec"), "tree_sitter_ruby"),
    Language("php", (".php",), "tree_sitter_php", "language_php"),
    Language("kotlin", (".kt", ".kts"), "tree_sitter_kotlin"),
)

BY_EXTENSION = {ext: lang for lang in LANGUAGES for ext in lang.extensions}


def for_path(path: str) -> Language | None:
    dot = path.rfind(".")
    if dot < 0 or "/" in path[dot:]:
        return None
    return BY_EXTENSION.get(path[dot:].lower())


@lru_cache(maxsize=None)
def _grammar(module: str, function: str) -> Grammar:
    from tree_sitter import Language as Grammar

    return Grammar(getattr(import_module(module), function)())


@lru_cache(maxsize=None)
def _query(name: str, module: str, function: str) -> Query:
    from tree_sitter import Query

    source = resources.files("speclint.symbols.queries").joinpath(name).read_text("utf-8")
    return Query(_grammar(module, function), source)
