"""What only a browser shows about access: the sidebar works from the keyboard alone, a phone
screen stacks the A and B narratives without losing their labels, and right-to-left text
reads right to left inside its directional isolate."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from explorer.content import ROOT_VARIABLE
from explorer.figures.contrast import TEXT_MINIMUM, blend, contrast_ratio, to_hex
from scripts.server import ROOT, start_server, stop_server, wait_for_app
from tests.conftest import TINY_SET
from tests.e2e.conftest import FIRST, other_scenario, shoot

ARABIC = "نريد القوة الآن."  # "We want the force now."
FSI, PDI = "\u2068", "\u2069"
TAB_LIMIT = 30  # the sidebar's controls come first: far fewer presses than this

FOCUSED = """() => {
  const e = document.activeElement;
  const label = e.labels && e.labels[0] ? e.labels[0].innerText.trim() : '';
  return {
    role: e.getAttribute('role') || e.type || e.tagName.toLowerCase(),
    name: e.getAttribute('aria-label') || label,
    checked: !!e.checked,
    sidebar: !!e.closest('[data-testid="stSidebar"]'),
  };
}"""


def tab_through(page: Page, until: str) -> list[dict]:
    """Press Tab from the top of the page until the focused control is named ``until``."""
    seen = []
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
        if seen[-1]["name"] == until:
            return seen
    pytest.fail(f"{until!r} not reached in {TAB_LIMIT} Tabs: {[s['name'] for s in seen]}")


def test_tab_reaches_every_sidebar_control_and_arrows_change_the_view(
    page: Page, app_url: str
) -> None:
    page.goto(app_url)
    wait_for_app(page)
    seen = tab_through(page, until="Overview")
    in_sidebar = [(s["role"], s["name"]) for s in seen if s["sidebar"]]
    assert in_sidebar == [
        ("combobox", "Scenario set"),
        ("combobox", "Scenario A"),
        ("combobox", "Compare with B"),
        ("radio", "Overview"),
    ]
    assert seen[-1]["checked"], "Tab lands on the checked view, as in a native radio group"
    page.keyboard.press("ArrowDown")
    expect(page).to_have_url(re.compile(r"view=timeline"))
    wait_for_app(page)
    expect(page.get_by_role("radio", name="Timeline")).to_be_checked()
    assert page.evaluate(FOCUSED)["name"] == "Timeline", "focus stays on the view radios"
    page.keyboard.press("ArrowDown")
    expect(page).to_have_url(re.compile(r"view=stakeholders"))
    wait_for_app(page)
    shoot(page, "keyboard-view")


def test_a_scenario_is_chosen_by_typing_and_enter(page: Page, app_url: str) -> None:
    b = other_scenario(FIRST.a, FIRST.b)
    page.goto(app_url)
    wait_for_app(page)
    tab_through(page, until="Compare with B")
    page.keyboard.type(b.label)
    expect(page.get_by_role("option", name=b.label)).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"b={b.id}"))
    wait_for_app(page)
    expect(page.get_by_role("combobox", name="Compare with B")).to_have_value(b.label)


def test_on_a_phone_the_narratives_stack_and_keep_their_labels(
    browser: Browser, app_url: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{app_url}/?view=outcomes")
    wait_for_app(page)
    a = page.get_by_role("heading", name=re.compile(r"^A: "))
    b = page.get_by_role("heading", name=re.compile(r"^B: "))
    expect(a).to_have_count(1)
    expect(b).to_have_count(1)
    for letter, heading in (("a", a), ("b", b)):
        heading.scroll_into_view_if_needed()
        expect(heading).to_be_visible()
        box = heading.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (letter, box)
        shoot(page, f"phone-outcomes-{letter}")
    top_a, top_b, left_a, left_b = page.evaluate(
        """([a, b]) => { const r = [a, b].map(e => e.getBoundingClientRect());
                         return [r[0].bottom, r[1].top, r[0].left, r[1].left]; }""",
        [a.element_handle(), b.element_handle()],
    )
    assert top_a <= top_b, "B's narrative comes below A's, not beside it"
    assert abs(left_a - left_b) < 2, "A and B start at the same left edge"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 2, "scrolls sideways"
    context.close()


@pytest.fixture(scope="module")
def arabic_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The tiny set, with the original Arabic beside an English quote."""
    root = tmp_path_factory.mktemp("sets")
    target = root / "tiny-set"
    shutil.copytree(TINY_SET, target)
    positions: Path = target / "positions.yaml"
    quote = '    quote: "We want the force now."\n'
    assert quote in positions.read_text()
    positions.write_text(
        positions.read_text().replace(quote, f'{quote}    quote_original: "{ARABIC}"\n', 1)
    )
    process, url = start_server(ROOT / "app.py", env={ROOT_VARIABLE: str(root)})
    yield url
    stop_server(process)


def test_an_arabic_quote_is_isolated_and_reads_right_to_left(page: Page, arabic_url: str) -> None:
    page.goto(f"{arabic_url}/?view=stakeholders&actor=north")
    wait_for_app(page)
    english = page.locator("blockquote", has_text="We want the force now.")
    original = page.locator("blockquote", has_text="القوة")
    expect(english).to_have_count(1)
    expect(original).to_have_count(1)
    assert f"{FSI}{ARABIC}{PDI}" in original.text_content()
    # Right to left, the full stop that ends the sentence is drawn at its left end, before the
    # first letter; in a left-to-right run without the isolate it would trail on the right.
    first, stop = original.evaluate(
        """(quote) => {
             const walker = document.createTreeWalker(quote, NodeFilter.SHOW_TEXT);
             let node = walker.nextNode();
             while (node && !node.textContent.includes('ن')) node = walker.nextNode();
             const x = (i) => { const r = document.createRange(); r.setStart(node, i);
                                r.setEnd(node, i + 1); return r.getBoundingClientRect().left; };
             const text = node.textContent;
             return [x(text.indexOf('ن')), x(text.lastIndexOf('.'))];
           }"""
    )
    assert stop < first
    original.scroll_into_view_if_needed()
    shoot(page, "arabic-quote")


# Every visible text node outside the charts, with its colour (and opacity) and the opaque
# colour behind it (translucent backgrounds composed over the first opaque one).
HTML_TEXT = """() => {
  const rgba = (s) => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const behind = (el) => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let out = [255, 255, 255];
    if (layers.length && layers[layers.length - 1][3] >= 1) out = layers.pop().slice(0, 3);
    for (const l of layers.reverse()) out = out.map((v, i) => l[3] * l[i] + (1 - l[3]) * v);
    return out; };
  const found = []; const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) { const el = walker.currentNode.parentElement;
    const text = walker.currentNode.textContent.trim();
    if (!text || el.closest('svg') || !el.checkVisibility({opacityProperty: true,
        visibilityProperty: true, contentVisibilityAuto: true})) continue;
    const closed = el.closest('details:not([open])');
    if (closed && !el.closest('summary')) continue;
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= +getComputedStyle(e).opacity;
    const ink = rgba(getComputedStyle(el).color);
    found.push({text: text.slice(0, 50), ink: ink.slice(0, 3), alpha: ink[3] * opacity,
                ground: behind(el), where: el.closest('[data-testid]')?.dataset.testid}); }
  return found; }"""

# Chart text other than heatmap cell labels (checked per cell in tests/unit), on the page.
SVG_TEXT = """() => {
  const page = getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor;
  return [...document.querySelectorAll('[data-testid="stPlotlyChart"] svg text')]
    .filter(t => t.textContent.trim() && !t.closest('.hm, .heatmaplayer'))
    .map(t => ({text: t.textContent.trim().slice(0, 50), fill: getComputedStyle(t).fill,
                opacity: +getComputedStyle(t).fillOpacity, page,
                where: (t.getAttribute('class') || t.parentElement.getAttribute('class') || '')}));
}"""


def _hex(css: str | list) -> str:
    values = css if isinstance(css, list) else re.findall(r"[\d.]+", css)[:3]
    return to_hex(tuple(float(v) for v in values))


def test_text_and_chart_labels_read_at_4_5_to_1(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?view=stakeholders&actor=usa")
    wait_for_app(page)
    failing: dict[str, str] = {}
    for item in page.evaluate(HTML_TEXT):
        ground = _hex(item["ground"])
        ink = blend(_hex(item["ink"]), ground, item["alpha"])
        if (ratio := contrast_ratio(ink, ground)) < TEXT_MINIMUM:
            failing[f"{item['where']} {ink} on {ground}"] = f"{ratio:.2f}:1 ({item['text']!r})"
    for item in page.evaluate(SVG_TEXT):
        ground = _hex(item["page"])
        ink = blend(_hex(item["fill"]), ground, item["opacity"])
        if (ratio := contrast_ratio(ink, ground)) < TEXT_MINIMUM:
            kind = item["where"].split()[0]
            failing[f"chart {kind} {ink} on {ground}"] = f"{ratio:.2f}:1 ({item['text']!r})"
    assert not failing, "\n".join(f"{k}: {v}" for k, v in sorted(failing.items()))
