"""The layer rules: explorer/ never imports streamlit; components/ never reads files."""

from __future__ import annotations

import ast
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
def test_domain_package_never_imports_streamlit(path: Path) -> None:
    assert "streamlit" not in imported_roots(path)


FILE_READS = {"open", "read_text", "read_bytes", "load_set", "load_catalog", "read_folder"}


@pytest.mark.parametrize("path", sorted((ROOT / "components").rglob("*.py")), ids=str)
def test_components_never_read_files(path: Path) -> None:
    calls = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
    }
    allowed = {"load_catalog", "read_folder"} if path.name == "data.py" else set()
    assert not (calls & FILE_READS) - allowed
