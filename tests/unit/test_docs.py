"""The README's file format section describes every field a scenario file may hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from explorer import content as model

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
FORMAT = README.split("### Scenario file format", 1)[1]
DOCUMENTED = set(re.findall(r"`([a-z_]+)`", FORMAT))
CONTENT_MODELS = [
    m
    for m in vars(model).values()
    if isinstance(m, type)
    and issubclass(m, model.Model)
    and m not in {model.Model, model.ScenarioSet}
]


@pytest.mark.parametrize("content_model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_every_field_is_described_in_the_readme(content_model: type[BaseModel]) -> None:
    assert set(content_model.model_fields) - DOCUMENTED == set()


LAYOUT = README.split("## Layout", 1)[1].split("\n## ", 1)[0]
ARCHITECTURE = (Path(__file__).resolve().parents[2] / "docs" / "architecture.md").read_text()
SUBPACKAGES = sorted(
    p.parent.name for p in (Path(__file__).resolve().parents[2] / "explorer").glob("*/__init__.py")
)


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_the_readme_layout_and_the_architecture_name_every_subpackage(package: str) -> None:
    assert f"  {package}/ " in LAYOUT
    assert f"`{package}/`" in ARCHITECTURE
