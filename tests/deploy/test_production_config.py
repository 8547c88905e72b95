"""The repo's .streamlit/config.toml is production-sane, and the app serves with it in effect.

Streamlit reads .streamlit/config.toml from the working directory, so `streamlit run app.py`
started in the repository (as scripts/server.py does, and as Community Cloud and the Docker
image do) runs with it.
"""

from __future__ import annotations

import tomllib
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config as streamlit_config

from explorer.figures.palette import SCENARIO_STYLES
from scripts.server import start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
# Okabe & Ito (2008) without black and yellow, which vanish on one of the two backgrounds.
OKABE_ITO_HUES = {"#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7"}
EXPECTED = [
    ("server.enableXsrfProtection", True),
    ("server.enableCORS", True),  # false would allow every origin
    ("client.showErrorDetails", "none"),  # no exception types, messages or tracebacks
    ("client.toolbarMode", "viewer"),
    ("browser.gatherUsageStats", False),
    ("server.maxUploadSize", 5),
    ("theme.primaryColor", SCENARIO_STYLES[0].color),
]


def _options(table: dict, prefix: str = "") -> Iterator[str]:
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _options(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}"


def _value(key: str) -> object:
    table = CONFIG
    for part in key.split("."):
        table = table[part]
    return table


@pytest.mark.parametrize(("key", "expected"), EXPECTED, ids=[k for k, _ in EXPECTED])
def test_production_setting_is_in_the_config(key: str, expected: object) -> None:
    assert _value(key) == expected


@pytest.mark.parametrize("key", list(_options(CONFIG)))
def test_every_config_key_is_a_streamlit_option(key: str) -> None:
    streamlit_config.get_option(key)  # raises RuntimeError for an unknown (misspelt) key


def test_cors_is_limited_to_listed_origins_not_opened_to_all() -> None:
    origins = _value("server.corsAllowedOrigins")
    assert isinstance(origins, list)
    assert "*" not in origins


def test_chart_colours_are_the_projects_colour_blind_safe_palette() -> None:
    colours = _value("theme.chartCategoricalColors")
    assert colours[:2] == [style.color for style in SCENARIO_STYLES]
    assert len(set(colours)) == len(colours)
    assert set(colours) <= OKABE_ITO_HUES


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    process, url = start_server(ROOT / "app.py")
    try:
        yield url
    finally:
        stop_server(process)


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=20) as answer:
        return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()


def test_server_with_the_production_config_answers_health(server: str) -> None:
    status, _, body = _get(f"{server}/_stcore/health")
    assert (status, body) == (200, b"ok")


def test_server_with_the_production_config_serves_the_page(server: str) -> None:
    status, headers, body = _get(f"{server}/")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert b"<html" in body.lower()


def test_server_sets_the_xsrf_cookie(server: str) -> None:
    _, headers, _ = _get(f"{server}/_stcore/health")
    assert "_streamlit_xsrf=" in headers.get("set-cookie", "")


def test_server_does_not_allow_a_foreign_origin(server: str) -> None:
    _, headers, _ = _get(f"{server}/_stcore/health", {"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in headers
