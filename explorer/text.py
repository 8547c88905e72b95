"""Make content text inert before it reaches Markdown (no links, maths, markup or directives),
and let right-to-left content (an Arabic or Hebrew quote in an English page) read correctly.

Content goes through ``content(text)``: ``isolate`` then ``escape_markdown``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:=&])")
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>|~])")
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))", re.MULTILINE)

FSI = "\u2068"  # FIRST STRONG ISOLATE: the direction comes from the text's first strong letter
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE: ends the isolate


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown (and Streamlit's extensions) could act on, and
    keep line breaks as breaks, so that the text renders exactly as written. Directional
    isolates (see ``isolate``) are not Markdown and pass through untouched."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text).replace("\n", "  \n")


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table whose every cell is escaped (``escape_markdown``, line breaks as
    spaces), so long texts wrap in full and nothing in a cell acts as markup: Streamlit's
    ``st.table`` renders Markdown in its cells but not every escape (``\\$`` still opens maths)."""

    def cell(value: object) -> str:
        return escape_markdown(" ".join(str(value).split())) if value is not None else ""

    lines = [header, ["---"] * len(header), *rows]
    return "\n".join(
        "| " + " | ".join(cell(v) if i != 1 else v for v in line) + " |"
        for i, line in enumerate(lines)
    )


def escape_commonmark(text: str) -> str:
    """Escape only what plain CommonMark (a README on a code host) would act on: inline markup
    anywhere, and a heading, quote or list marker at the start of a line. Unlike
    ``escape_markdown`` it leaves ordinary punctuation (``1.0.0``, ``2025:``) unescaped, so the
    file also reads well as plain text."""
    inline = _INLINE_SPECIALS.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m[1] + (f"\\{m[2]}" if m[2] else f"{m[3]}\\{m[4]}"), inline)


def isolate(text: str) -> str:
    """Wrap each line of ``text`` in Unicode directional isolates (FSI ... PDI).

    Each line then takes its direction from its own first strong letter (right to left for
    Arabic or Hebrew, left to right for English) and cannot reorder the text around it, such
    as an "A: " label or the punctuation after it. Lines are isolated one by one because a
    line break ends every isolate, and trailing spaces stay outside, so that it works before
    or after ``escape_markdown``. No HTML is needed: it is safe inside ``st.markdown``. Blank
    and already isolated lines are left as they are.
    """
    return "\n".join(_isolate_line(line) for line in text.split("\n"))


def _isolate_line(line: str) -> str:
    body = line.rstrip(" ")  # trailing spaces stay outside: "  " before a break is Markdown's <br>
    if not body.strip() or (body.startswith(FSI) and body.endswith(PDI)):
        return line
    return f"{FSI}{body}{PDI}{line[len(body) :]}"


def content(text: str) -> str:
    """Content text for Markdown: isolated for direction, then escaped."""
    return escape_markdown(isolate(text))


def is_web_link(url: str | None) -> bool:
    """Only http(s) URLs become links."""
    return bool(url) and re.match(r"^https?://[^\s<>\"']+$", url or "") is not None


_URL_UNSAFE = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20", "\\": "%5C"}


def markdown_link(label: str, url: str | None) -> str:
    """``[label](url)`` with the label escaped and the characters that could end the link
    percent-encoded; only the label, escaped, when ``url`` is not an http(s) URL."""
    if not is_web_link(url):
        return content(label)
    safe = "".join(_URL_UNSAFE.get(char, char) for char in url or "")
    return f"[{content(label)}]({safe})"
