"""Make content text inert before it reaches Markdown: no links, maths, markup or directives."""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:=&])")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown (and Streamlit's extensions) could act on, and
    keep line breaks as breaks, so that the text renders exactly as written."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text).replace("\n", "  \n")


def is_web_link(url: str | None) -> bool:
    """Only http(s) URLs become links."""
    return bool(url) and re.match(r"^https?://[^\s<>\"']+$", url or "") is not None
