"""Imports flow one way, as docs/architecture.md's module map draws them."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "wagtail_spcp"

# The module map, bottom row first: a module imports from its own row or the rows below.
LAYERS = [
    [
        "conf",
        "choices",
        "normalise",
        "states",
        "blocks",
        "widgets",
        "structured_data",
        "log_filters",
        "groups",
        "calendars",
    ],
    ["cache", "sites"],
    ["models.*"],
    ["finder", "finder.*"],
    ["models", "models.finder_page", "models.programs"],
    [
        "access",
        "merging",
        "duplicates",
        "languages",
        "reference",
        "reports",
        "reports.*",
        "surveys",
        "surveys.*",
    ],
    ["importing", "importing.*"],
    ["admin", "admin.*", "public_forms", "public_forms.*"],
    [
        "importing.views",
        "importing.wizard",
        "importing.forms",
        "importing.shortcuts",
        "importing.urls",
        "importing.admin",
    ],
    [
        "apps",
        "checks",
        "api",
        "urls",
        "wagtail_hooks",
        "sitemaps",
        "search",
        "search.*",
        "templatetags",
        "templatetags.*",
        "management",
        "management.*",
        "contrib",
        "contrib.*",
    ],
]


def layer(module: str) -> int:
    """The row of ``module`` (dotted, without ``wagtail_spcp.``); an exact name wins."""
    for exact in (True, False):
        for number, names in enumerate(LAYERS):
            for name in names:
                wildcard = name.endswith(".*")
                if exact and not wildcard and module == name:
                    return number
                if not exact and wildcard and module.startswith(name[:-1]):
                    return number
    raise AssertionError(f"wagtail_spcp.{module} is on no row of the module map")


def modules():
    for path in sorted(APP.rglob("*.py")):
        parts = path.relative_to(APP).with_suffix("").parts
        if "migrations" in parts or parts == ("__init__",):
            continue
        package = parts[:-1] if parts[-1] == "__init__" else parts
        yield ".".join(package), path, path.name == "__init__.py"


def imported(node, module: str, is_package: bool) -> list[str]:
    """The app modules an import statement names, dotted, without ``wagtail_spcp.``."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            base = module.split(".") if module else []
            base = base[: len(base) - node.level + (1 if is_package else 0)]
            source = ".".join(["wagtail_spcp", *base, *([node.module] if node.module else [])])
        else:
            source = node.module
        # ``from package import module`` names the module; ``from module import name``, the module.
        names = [f"{source}.{alias.name}" for alias in node.names]
    found = []
    for name in names:
        if not name.startswith("wagtail_spcp."):
            continue
        name = name.removeprefix("wagtail_spcp.")
        while name and not _exists(name):
            name = name.rpartition(".")[0]
        if name:
            found.append(name)
    return found


def _exists(module: str) -> bool:
    path = APP.joinpath(*module.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def test_every_module_imports_only_its_row_or_below():
    upward = []
    for module, path, is_package in modules():
        own = layer(module)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in imported(node, module, is_package):
                    if layer(target) > own:
                        upward.append(f"{module} imports {target}")
    assert not upward, upward


def test_only_the_app_config_imports_app_modules_inside_functions():
    inside = []
    for module, path, is_package in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom) and imported(
                    node, module, is_package
                ):
                    inside.append(f"{module}.{function.name}")
    # ready() imports the permission policies, the cache's signals and the system checks.
    assert sorted(inside) == ["apps.ready"] * 3, inside
