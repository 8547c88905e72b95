"""The layer rules: explorer/ never imports streamlit or components/; components/ never reads
files and never imports app.py; every module says its one job and stays small; each subpackage
of explorer/ states its public surface."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", sorted((ROOT / "explorer").rglob("*.py")), ids=str)
def test_domain_package_never_imports_streamlit_or_components(path: Path) -> None:
    assert not {"streamlit", "components"} & imported_roots(path)


FILE_READS = {
    "open", "read_text", "read_bytes", "load_set", "load_catalog", "open_catalog", "read_folder"
}  # fmt: skip


@pytest.mark.parametrize("path", sorted((ROOT / "components").rglob("*.py")), ids=str)
def test_components_never_read_files(path: Path) -> None:
    calls = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
    }
    allowed = {"open_catalog", "read_folder"} if path.name == "data.py" else set()
    assert not (calls & FILE_READS) - allowed


@pytest.mark.parametrize("path", sorted((ROOT / "components").rglob("*.py")), ids=str)
def test_components_never_import_the_app(path: Path) -> None:
    assert "app" not in imported_roots(path)


MODULES = sorted([*(ROOT / "explorer").rglob("*.py"), *(ROOT / "components").rglob("*.py")])


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_opens_with_a_docstring_and_stays_small(path: Path) -> None:
    assert ast.get_docstring(ast.parse(path.read_text())), "no docstring naming its one job"
    assert len(path.read_text().splitlines()) <= 300


PACKAGES = sorted(p.parent.name for p in (ROOT / "explorer").glob("*/__init__.py"))


@pytest.mark.parametrize("package", PACKAGES)
def test_each_subpackage_exports_a_sorted_public_surface_that_resolves(package: str) -> None:
    module = importlib.import_module(f"explorer.{package}")
    names = module.__all__
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    assert all(hasattr(module, name) for name in names)
