"""docs/deploy.md stays true to the files it describes."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "deploy.md").read_text()


def test_docs_give_the_nginx_config_that_the_scaleout_benchmark_runs() -> None:
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    assert f"```nginx\n{config}```" in DOCS


def test_docs_give_the_share_link_format() -> None:
    assert "https://<app>.streamlit.app/?set=<set>&a=<scenario>&b=<scenario>&view=<view>" in DOCS


def test_docs_and_readme_give_the_same_requirements_command() -> None:
    command = "uv pip compile pyproject.toml -o requirements.txt"
    assert command in DOCS
    assert command in (ROOT / "README.md").read_text()
    assert command in (ROOT / "requirements.txt").read_text()


def test_docs_describe_every_setting_in_the_production_config() -> None:
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    sections = re.findall(r"^\[(\w+)\]", config, re.M)
    for section in sections:
        body = config.split(f"[{section}]", 1)[1].split("\n[", 1)[0]
        for key in re.findall(r"^(\w+) =", body, re.M):
            if key != "base":
                assert f"`{section}.{key}`" in DOCS, f"{section}.{key}"
