"""Content scale: a generated catalog of 100 sets of the Gaza set's size, against the Gaza set
alone. Server start to health and to the first chart (the catalog's index is read at start, a
set loaded on first use), the rerun after a scenario switch, and 50 concurrent sessions each
opening a different set of the catalog (success and the server's memory growth).

`uv run python bench/scale.py [--runs 3] [--sessions 50]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import streamlit as st
from cold_start import launch, one_start
from common import APP, ROOT, Measure, machine, measures_table, median_ms
from load import rss_mb, run_load
from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from explorer.content import ROOT_VARIABLE
from explorer.content.catalog import KEPT_SETS
from scripts.server import start_server, stop_server

GAZA = ROOT / "scenarios" / "gaza-unsc-2025"
SETS = 100
SCENARIOS_PER_SET = 10
TEMPLATE = "council-deadlock.yaml"
TARGET = 1.2
RSS_GROWTH_MB = 60


def generate(root: Path) -> list[str]:
    """Copies of the Gaza set, each with extra copies of one scenario (ids renamed) up to 10;
    return the set ids."""
    shutil.copytree(GAZA, root / GAZA.name)
    for index in range(SETS - 1):
        folder = root / f"generated-{index:03d}"
        shutil.copytree(GAZA, folder)
        info = (folder / "set.yaml").read_text()
        (folder / "set.yaml").write_text(
            re.sub(r"^title: .*", f"title: Generated set {index}", info, flags=re.M)
        )
        text = (GAZA / "scenarios" / TEMPLATE).read_text()
        existing = len(list((folder / "scenarios").glob("*.yaml")))
        for copy in range(SCENARIOS_PER_SET - existing):
            renamed = re.sub(r"(\n\s*-?\s*id: )(\S+)", rf"\1\2-copy{copy}", "\n" + text)
            renamed = re.sub(r"\nlabel: .*", f"\nlabel: Generated copy {copy}", renamed)
            (folder / "scenarios" / f"council-deadlock-copy{copy}.yaml").write_text(
                renamed.lstrip("\n")
            )
    return sorted(p.name for p in root.iterdir())


def reruns(root: Path, runs: int) -> list[float]:
    os.environ[ROOT_VARIABLE] = str(root)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(APP), default_timeout=300).run()
    choices = ["council-deadlock", "us-draft-adopted", "implementation-stalls"]
    samples = []
    for i in range(len(choices) + runs):
        box = at.selectbox(key="sidebar.a").set_value(choices[i % len(choices)])
        start = time.perf_counter()
        box.run()
        samples.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return samples[len(choices) :]


def starts(small: Path, big: Path, runs: int) -> list[Measure]:
    health: dict[Path, list[float]] = {small: [], big: []}
    chart: dict[Path, list[float]] = {small: [], big: []}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        one_start(APP, browser, {ROOT_VARIABLE: str(small)})  # warm the disk cache
        for _ in range(runs):
            for root in (small, big):
                healthy, first = one_start(APP, browser, {ROOT_VARIABLE: str(root)})
                health[root].append(healthy)
                chart[root].append(healthy + first)
        browser.close()
    found = []
    for name, samples in (("start to health", health), ("start to first chart", chart)):
        one, hundred = median_ms(samples[small]), median_ms(samples[big])
        note = f"{hundred:.0f} ms vs {one:.0f} ms"
        found.append(Measure(f"{SETS} sets vs one: {name}", hundred / one, TARGET, note=note))
    return found


def sessions(big: Path, set_ids: list[str], count: int) -> list[Measure]:
    """Two rounds of ``count`` concurrent sessions, each on a different set: the first loads the
    sets (the memory a kept set takes, bounded by ``KEPT_SETS``), the second is the sessions'
    own growth once their sets are loaded, as every visitor after the first meets it."""
    process, url = start_server(APP, env={ROOT_VARIABLE: str(big)})
    queries = [f"set={set_id}" for set_id in set_ids]
    try:
        asyncio.run(run_load(url, "sidebar.a", 1))
        start = rss_mb(process.pid)
        asyncio.run(run_load(url, "sidebar.a", count, queries))
        loaded = rss_mb(process.pid)
        succeeded, samples = asyncio.run(run_load(url, "sidebar.a", count, queries))
        after = rss_mb(process.pid)
    finally:
        stop_server(process)
    opened = min(count, len(queries))
    note = f"median switch {median_ms(samples):.0f} ms" if samples else "no switch"
    return [
        Measure(f"{count} sessions over {SETS} sets: success", 100 * succeeded / count, 100, "%",
                at_least=True, note=note),
        Measure(f"{count} sessions over {SETS} sets: RSS growth", after - loaded, RSS_GROWTH_MB,
                "MB", note=f"{loaded:.0f} MB -> {after:.0f} MB, their {opened} sets loaded"),
        Measure(f"{opened} sets loaded on first use (kept, at most {KEPT_SETS})", loaded - start,
                None, "MB", note=f"{start:.0f} MB -> {loaded:.0f} MB, "
                f"{(loaded - start) / opened:.1f} MB a set"),
    ]  # fmt: skip


def measures(runs: int, count: int) -> list[Measure]:
    with tempfile.TemporaryDirectory() as big_dir, tempfile.TemporaryDirectory() as small_dir:
        big, small = Path(big_dir), Path(small_dir)
        set_ids = generate(big)
        shutil.copytree(GAZA, small / GAZA.name)
        found = starts(small, big, runs)
        alone, with_big = median_ms(reruns(small, 5 * runs)), median_ms(reruns(big, 5 * runs))
        note = f"{with_big:.1f} ms vs {alone:.1f} ms"
        found.append(Measure(f"{SETS} sets vs one: rerun on a switch", with_big / alone, TARGET,
                             note=note))  # fmt: skip
        found += sessions(big, set_ids, count)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=50)
    args = parser.parse_args()
    found = measures(args.runs, args.sessions)
    print(f"Content scale, median of {args.runs} starts ({machine()})\n")
    print(measures_table(found))


if __name__ == "__main__":
    main()
