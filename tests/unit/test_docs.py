"""The README's file format section describes every field a scenario file may hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from explorer.content import model as model

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
