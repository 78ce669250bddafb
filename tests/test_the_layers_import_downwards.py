"""Data flows one way (docs/architecture.md): entry points -> http -> domain -> models. Every
import of the app's own modules is read from the source (module level and inside functions) and
checked against that order, and the module graph has no cycle."""

import ast
import functools
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "standard_versions"

ENTRY_POINTS = {"api", "web", "admin", "management", "apps"}
DOMAIN = {"standards", "diff", "consultation", "translations", "notifications"}
# What each layer may import of the app (besides itself).
ALLOWED = {
    "apps": {"api", "web", "admin", "http", *DOMAIN, "base", "text"},  # Django's wiring
    "api": {"http", *DOMAIN, "base", "text"},
    "web": {"http", *DOMAIN, "base", "text"},
    "admin": {"http", *DOMAIN, "base", "text"},
    "management": {"http", *DOMAIN, "base", "text"},
    "http": {*DOMAIN, "base", "text"},
    **{domain: {*DOMAIN, "base", "text"} for domain in DOMAIN},
    "templatetags": {"http", *DOMAIN, "base", "text"},
    "text": set(),
    "base": {"base", "text", "pure"},
    "pure": {"pure", "text"},
}
# Domain modules with no state that the models may use too (a period's name in its own zone).
PURE_HELPERS = {"translations.i18n", "translations.content", "consultation.deadlines"}
# Pure modules: nothing of the app but the pure modules they are built on.
PURE = {
    "diff.words": {"diff.json_form"},
    "diff.snapshots": set(),
    "diff.json_form": set(),
    "diff.result": {"diff.words", "diff.json_form", "diff.snapshots"},
    "diff.engine": {"diff.words", "diff.json_form", "diff.snapshots", "diff.result"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    if module in PURE_HELPERS:
        return "pure"
    top = module.split(".")[0]
    if top in ENTRY_POINTS | DOMAIN | {"http", "text", "templatetags"}:
        return top
    return "base"  # models, errors, history, roles, apps


# Parsed once per test process: the three tests read the same tree (a test must not change it).
@functools.cache
def _imports() -> dict[str, set[str]]:
    """Each module and the app's modules it imports: ``from standard_versions.x import y`` names
    the module ``x.y`` when there is one, else ``x``."""
    trees = {
        _module_name(path): ast.parse(path.read_text(), str(path))
        for path in APP.rglob("*.py")
        if "migrations" not in path.parts
    }

    def own(name: str) -> str | None:
        return (
            name.removeprefix("standard_versions.")
            if name.startswith("standard_versions.")
            else None
        )

    modules = {}
    for module, tree in trees.items():
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and own(node.module or ""):
                base = own(node.module)
                for alias in node.names:
                    found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in trees else base)
            elif isinstance(node, ast.Import):
                found |= {own(a.name) for a in node.names if own(a.name) in trees}
        modules[module] = found
    return modules


def test_every_import_points_down_the_layers():
    wrong = []
    for module, imported in _imports().items():
        layer = _layer(module)
        for target in imported:
            other = _layer(target)
            if other == "pure" and layer != "base":
                continue  # a pure helper may be used from any layer
            if other != layer and other not in ALLOWED[layer]:
                wrong.append(f"{module} imports {target} ({layer} -> {other})")
    assert wrong == []


def test_the_pure_modules_import_only_pure_modules():
    imports = _imports()
    wrong = [
        f"{module} imports {target}"
        for module, allowed in PURE.items()
        for target in imports[module]
        if target not in allowed
    ]
    assert wrong == []


def test_no_two_modules_import_each_other_through_any_path():
    imports = _imports()
    seen, on_path, cycles = set(), [], []

    def visit(module: str) -> None:
        if module in on_path:
            cycles.append([*on_path[on_path.index(module) :], module])
            return
        if module in seen:
            return
        seen.add(module)
        on_path.append(module)
        for target in sorted(imports.get(module, ())):
            if target != module and not module.startswith(target + "."):
                visit(target)
        on_path.pop()

    for module in sorted(imports):
        visit(module)
    assert cycles == []
