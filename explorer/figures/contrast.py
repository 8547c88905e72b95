"""Colour contrast as WCAG 2.1 defines it: relative luminance and contrast ratio. Pure.

Usage::

    >>> round(contrast_ratio("#0072B2", "#FFFFFF"), 2)
    5.19
    >>> text_color_on("#998EC3")
    '#000000'

Thresholds (WCAG 2.1): text needs 4.5:1 (SC 1.4.3, AA; 3:1 only for large text, at least
24 px or 18.66 px bold), and graphical objects a reader needs, such as markers and lines,
need 3:1 against what is next to them (SC 1.4.11).
"""

from __future__ import annotations

import re

TEXT_MINIMUM = 4.5
LARGE_TEXT_MINIMUM = 3.0
GRAPHICS_MINIMUM = 3.0
BLACK = "#000000"
WHITE = "#FFFFFF"

_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def parse_hex(color: str) -> tuple[int, int, int]:
    """``#RGB`` or ``#RRGGBB`` (``#`` optional) as 0-255 channels.

    Raises
    ------
    ValueError
        When ``color`` is not a hex colour.
    """
    match = _HEX.match(color.strip())
    if not match:
        raise ValueError(f"{color!r} is not a hex colour (use #RRGGBB or #RGB)")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(255, max(0, c))):02X}" for c in rgb)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """WCAG 2.1 relative luminance: 0 for black, 1 for white.

    (WCAG's text gives 0.03928 as the sRGB threshold; 0.04045 is the sRGB standard's, and no
    8-bit channel value falls between them, so the results are the same.)
    """
    r, g, b = (_linear(c) for c in parse_hex(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 for equal colours, 21 for black/white."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(color: str, background: str, opacity: float) -> str:
    """What ``color`` drawn at ``opacity`` over ``background`` looks like, as a hex colour."""
    top, bottom = parse_hex(color), parse_hex(background)
    return to_hex(tuple(opacity * t + (1 - opacity) * b for t, b in zip(top, bottom, strict=True)))


def text_color_on(background: str, candidates: tuple[str, ...] = (BLACK, WHITE)) -> str:
    """The candidate with the highest contrast on ``background``. Between black and white
    that is always at least 4.58:1, so text in the returned colour meets AA on any fill."""
    return max(candidates, key=lambda c: contrast_ratio(c, background))
