"""Security tests: hostile URLs, files, uploads and content. Shared catalogs, the tiny set's
files in memory, and a hostile copy of the tiny set with markup in every text field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
import yaml

from explorer.content import load_catalog
from explorer.content import yamlfile as yamlfile

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
FIXTURES = ROOT / "tests" / "fixtures"
TINY_SET = FIXTURES / "tiny-set"
TINY_FILES = {p.relative_to(TINY_SET).as_posix(): p.read_bytes() for p in TINY_SET.rglob("*.yaml")}
REAL_CATALOG = load_catalog()
TINY_CATALOG = load_catalog(FIXTURES)

PAYLOAD = (
    "<script>alert(1)</script> **bold** [link](javascript:alert(1)) $x^2$ :red[red] "
    "<img src=x onerror=alert(1)> ![img](https://evil.example/p.png) # heading"
)
SHORT_PAYLOAD = "<b>[x](javascript:1)$y$"
"""For scenario labels, which hold at most 40 characters."""
TEXT_KEYS = {
    *("title", "question", "decision_point", "summary", "name", "region", "label", "low"),
    *("high", "quote", "quote_original", "publisher", "via", "note", "symbol", "resolution"),
    *("meeting", "description", "basis", "rationale", "premise", "headline", "body", "text"),
    *("attribution", "unit", "judgment", "subject"),
}
TEXT_LISTS = {"risks", "opportunities"}


def _hostile(value: object, path: tuple[str | int, ...], short: bool) -> object:
    key = path[-1] if path else None
    if isinstance(value, dict):
        return {k: _hostile(v, (*path, k), short) for k, v in value.items()}
    if isinstance(value, list):
        if key in TEXT_LISTS:
            return [f"{item} {PAYLOAD}" for item in value]
        return [_hostile(v, (*path, i), short) for i, v in enumerate(value)]
    matrix_name = key == "name" and "descriptors" in path  # marked by _hostile_matrix
    if isinstance(value, str) and key in TEXT_KEYS and "likelihood" not in path and not matrix_name:
        return f"{value} {SHORT_PAYLOAD if short and key == 'label' else PAYLOAD}"
    return value


def _hostile_matrix(data: dict) -> dict:
    """``PAYLOAD`` after every descriptor and variant name of a matrix, and after every
    mention of them, so that the hostile matrix still loads."""

    def mark(name: str) -> str:
        return f"{name} {PAYLOAD}"

    for descriptor in data["descriptors"]:
        descriptor["name"] = mark(descriptor["name"])
        descriptor["variants"] = [mark(v) for v in descriptor["variants"]]
    for section in data["sections"]:
        section["impacting"], section["impacted"] = (
            mark(section["impacting"]),
            mark(section["impacted"]),
        )
        section["impacts"] = {
            mark(a): {mark(b): value for b, value in row.items()}
            for a, row in section["impacts"].items()
        }
    for mapping in data.get("scenarios", []):
        mapping["variants"] = {mark(d): mark(v) for d, v in mapping["variants"].items()}
    return data


def write_hostile_set(target: Path, version: str = "0.1.0") -> Path:
    """A copy of the tiny set at ``target`` with ``PAYLOAD`` after every content text and every
    name in its matrix, an original-language quote, a narrative section, and ``version`` as the
    content version."""
    for name, raw in TINY_FILES.items():
        data = yamlfile.parse(raw).data  # YAML 1.2 booleans: `no:` stays a key
        if name == "positions.yaml":
            data["stances"][0]["quote_original"] = "نريد القوة الآن"
            data["stances"][0]["summary"] = "North wants the force now."
        if name == "scenarios/adopted.yaml":
            data["narrative"]["sections"] = [
                {"title": "Section", "body": "Body.", "sources": ["un-record"]}
            ]
            data["narrative"]["perspectives"].append(
                {"attribution": "An editor", "text": "Comment.", "sources": ["wire-report"]}
            )
        if name == "cib.yaml":
            data = _hostile_matrix(data)
        data = _hostile(data, (), short=name.startswith("scenarios/"))
        if name == "set.yaml":
            data["version"] = version
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return target


def clear_streamlit_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """The app's catalog is a process-wide cache: clear it around a test that changes it."""
    clear_streamlit_caches()
    yield
    clear_streamlit_caches()


UNESCAPED = re.compile(r"(?<!\\)(<|\$|!\[|\*\*bold|:red\[|javascript:|\]\()")


def live_markup(body: str, links: tuple[str, ...] = ()) -> list[str]:
    """Markdown that ``body`` would act on: an unescaped ``<``, ``$``, image, bold, colour
    directive, ``javascript:`` or link. The app writes none of these around content, except a
    link to a source's own URL (``links``): any other is content leaking into markup."""
    for url in links:
        body = body.replace(f"]({url})", "")
    return [match.group(0) for match in UNESCAPED.finditer(body)]
