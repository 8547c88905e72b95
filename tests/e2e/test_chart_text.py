"""Chart text that reads on a phone and on a desktop: in every chart of the views with charts,
for every set (the shipped sets and the fixtures, each served by its own app), no two visible
texts overprint each other, no text runs outside its chart, and the Plotly toolbar covers no
text. Screenshots go to tests/e2e/screenshots/ to be looked at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from explorer.content import load_catalog
from explorer.views import offered
from scripts.server import ROOT, wait_for_app
from tests.e2e.conftest import ROOTS, SCREENSHOTS

CATALOGS = {name: load_catalog(folder) for name, folder in ROOTS.items()}
CASES = [(root, set_id) for root, catalog in CATALOGS.items() for set_id in catalog.ids]
SCREENS = {"desktop": (1440, 900), "phone": (390, 844)}
CHART_VIEWS = ("overview", "timeline", "stakeholders", "outcomes", "vote", "whatif")
CHART = '[data-testid="stPlotlyChart"]'
SLACK = 2  # px two texts may share, or a text may pass its chart's edge, before it shows

TEXT_BOXES = """charts => charts.map(chart => {
    const svg = chart.querySelector('.main-svg');
    const frame = svg.getBoundingClientRect();
    const visible = node => {
        for (let n = node; n && n !== chart; n = n.parentElement) {
            const style = getComputedStyle(n);
            if (style.display === 'none' || style.visibility === 'hidden') return false;
            if (parseFloat(style.opacity) === 0) return false;
        }
        return true;
    };
    const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
    const texts = [...chart.querySelectorAll('.main-svg text')]
        .filter(t => t.textContent.trim() && !t.closest('.hoverlayer') && visible(t))
        .map(t => ({text: t.textContent.trim(), ...box(t.getBoundingClientRect())}))
        .filter(t => t.right - t.left > 0 && t.bottom - t.top > 0);
    const bar = chart.querySelector('.modebar');
    const title = chart.querySelector('.gtitle');
    return {
        title: title ? title.textContent : '',
        frame: box(frame),
        texts: texts,
        toolbar: bar && bar.getBoundingClientRect().width > 0
            ? box(bar.getBoundingClientRect()) : null,
    };
})"""


def _shared(a: dict, b: dict) -> float:
    """How far two boxes overlap: the smaller of the shared width and height (0 if apart)."""
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(0.0, min(width, height))


def _outside(text: dict, frame: dict) -> float:
    return max(
        frame["left"] - text["left"],
        text["right"] - frame["right"],
        frame["top"] - text["top"],
        text["bottom"] - frame["bottom"],
    )


def text_faults(charts: list[dict]) -> list[str]:
    """What is wrong with the text of each chart, in words; empty when every text reads."""
    faults = []
    for chart in charts:
        name = chart["title"] or "untitled chart"
        texts = chart["texts"]
        for k, text in enumerate(texts):
            if _outside(text, chart["frame"]) > SLACK:
                faults.append(f"{name}: {text['text']!r} runs outside the chart")
            if chart["toolbar"] and _shared(text, chart["toolbar"]) > SLACK:
                faults.append(f"{name}: the toolbar covers {text['text']!r}")
            for other in texts[k + 1 :]:
                if _shared(text, other) > SLACK:
                    faults.append(f"{name}: {text['text']!r} overprints {other['text']!r}")
    return faults


MARGINS = """(charts, sides) => charts.map(chart => {
    const layout = chart.querySelector('.js-plotly-plot')._fullLayout;
    return sides.map(side => [side, layout.margin[side], layout._size[side]]);
})"""


def redraw_faults(page: Page, links: list[tuple[str, str]], sides: str) -> list[str]:
    """Open each ``(where, url)``: a chart whose margin on one of ``sides`` plotly moved after
    its first draw (so it drew the chart twice), and the text faults of every chart, in words."""
    faults = []
    for where, url in links:
        page.goto(url)
        wait_for_app(page)
        page.wait_for_timeout(300)  # as _charts: a pushed margin would show by now
        for n, margins in enumerate(page.eval_on_selector_all(CHART, MARGINS, list(sides))):
            for side, kept, drawn in margins:
                if round(drawn) != round(kept):
                    faults.append(f"{where}, chart {n}: plotly moved {side} {kept} to {drawn}")
        boxes = page.eval_on_selector_all(CHART, TEXT_BOXES)
        faults += [f"{where}: {fault}" for fault in text_faults(boxes)]
    return faults


def test_the_fault_finder_sees_overlap_clipping_and_the_toolbar() -> None:
    def box(text: str, left: float, top: float, width: float = 40) -> dict:
        return {"text": text, "left": left, "top": top, "right": left + width, "bottom": top + 12}

    frame = {"left": 0, "top": 0, "right": 200, "bottom": 100}
    clean = {"title": "t", "frame": frame, "texts": [box("a", 0, 0), box("b", 50, 0)]}
    assert text_faults([{**clean, "toolbar": None}]) == []
    crowded = {**clean, "texts": [box("a", 0, 0), box("b", 30, 5)], "toolbar": None}
    assert text_faults([crowded]) == ["t: 'a' overprints 'b'"]
    clipped = {**clean, "texts": [box("a", 180, 0)], "toolbar": None}
    assert text_faults([clipped]) == ["t: 'a' runs outside the chart"]
    covered = {**clean, "toolbar": {"left": 45, "top": 0, "right": 100, "bottom": 20}}
    assert text_faults([covered]) == ["t: the toolbar covers 'b'"]


def _views(root: str, set_id: str) -> list[str]:
    return [v.id for v in offered(CATALOGS[root][set_id]) if v.id in CHART_VIEWS]


def _charts(page: Page) -> list[dict]:
    page.wait_for_timeout(300)  # plotly settles its auto-margins after the first draw
    return page.eval_on_selector_all(CHART, TEXT_BOXES)


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize(("root", "set_id"), CASES)
def test_chart_text_neither_overprints_nor_runs_outside_the_chart(
    browser: Browser, app_urls: dict[str, str], root: str, set_id: str, screen: str
) -> None:
    width, height = SCREENS[screen]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    faults = []
    for view in _views(root, set_id):
        page.goto(f"{app_urls[root]}/?set={set_id}&view={view}")
        wait_for_app(page)
        charts = _charts(page)
        assert charts, f"no chart in {set_id} {view}"
        faults += [f"{view}: {fault}" for fault in text_faults(charts)]
        for n, chart in enumerate(page.locator(CHART).all()):
            chart.screenshot(path=str(SCREENSHOTS / f"text-{screen}-{set_id}-{view}-{n}.png"))
    page.context.close()
    assert not faults, f"{set_id} on a {screen}:\n" + "\n".join(faults)


def test_every_set_is_served() -> None:
    assert {set_id for _, set_id in CASES} >= {
        p.name for p in (ROOT / "scenarios").iterdir() if (Path(p) / "set.yaml").is_file()
    }
