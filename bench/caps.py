"""A set at the item caps: how long it takes to load and to build every view's data, and the
peak memory of doing so (``explorer.content.limits``).

`uv run python bench/caps.py`. Two valid sets are generated in memory from the tiny fixture:
``wide`` holds every record list at its cap (500 actors, 100 issues, 5,000 stances, 2,000
sources, 1,000 events) and ``deep`` spends the set's value cap on trajectory points (scenarios
with 1,000 points each). Each is measured in a fresh process (peak RSS from the kernel), once.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import yaml
from common import ROOT, machine, table

from explorer.content import read_folder, yamlfile
from explorer.content.limits import MAX_ITEMS, MAX_SET_VALUES

TINY = ROOT / "tests" / "fixtures" / "tiny-set"
DAY = dt.timedelta(days=1)
START = dt.date(2026, 1, 1)


def _dump(data: object) -> bytes:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode()


def _base() -> dict[str, object]:
    files = read_folder(TINY)
    assert isinstance(files, dict)
    return {name: yamlfile.parse(raw).data for name, raw in files.items()}


def wide() -> dict[str, bytes]:
    data = _base()
    actors = data["actors.yaml"]["actors"]
    actors += [
        {"id": f"a-{i}", "name": f"Actor {i}", "kind": "state", "region": "R"}
        for i in range(MAX_ITEMS["actors"] - len(actors))
    ]
    issues = data["issues.yaml"]["issues"]
    issues += [
        {"id": f"i-{i}", "label": f"Issue {i}", "question": "Q?", "low": "L", "high": "H"}
        for i in range(MAX_ITEMS["issues"] - len(issues))
    ]
    stances = data["positions.yaml"]["stances"]
    pairs = [(a["id"], i["id"]) for a in actors[3:] for i in issues]
    stances += [
        {"actor": a, "issue": i, "value": 1, "as_of": "2025-11-17", "sources": ["un-record"]}
        for a, i in pairs[: MAX_ITEMS["stances"] - len(stances)]
    ]
    sources = data["sources.yaml"]["sources"]
    sources += [
        {
            "id": f"s-{i}",
            "title": f"Source {i}",
            "publisher": "P",
            "url": f"https://example.org/{i}",
            "accessed": "2026-01-31",
            "kind": "news",
        }
        for i in range(MAX_ITEMS["sources"] - len(sources))
    ]
    events = data["events.yaml"]["events"]
    events += [
        {**events[0], "id": f"e-{i}", "title": f"Event {i}", "date": str(START - i * DAY)}
        for i in range(MAX_ITEMS["events"] - len(events))
    ]
    return {name: _dump(content) for name, content in data.items()}


def deep() -> dict[str, bytes]:
    data = _base()
    scenario = data["scenarios/rejected.yaml"]
    trajectory = data["scenarios/adopted.yaml"]["trajectories"][0]
    points = [
        {"date": str(START + i * DAY), "value": i, "low": i - 1, "high": i + 1}
        for i in range(MAX_ITEMS["points"])
    ]
    files = {name: _dump(content) for name, content in data.items()}
    used = sum(yamlfile.parse(raw).values for raw in files.values())
    heavy = {**scenario, "trajectories": [{**trajectory, "points": points}]}
    per_file = yamlfile.parse(_dump(heavy)).values
    for index in range((MAX_SET_VALUES - used) // per_file):
        label = f"Deep {index}"
        extra = {**heavy, "id": f"deep-{index}", "label": label, "title": label, "signposts": []}
        files[f"scenarios/deep-{index}.yaml"] = _dump(extra)
    return files


def shipped() -> dict[str, bytes]:
    """The largest shipped set, for scale."""
    files = read_folder(ROOT / "scenarios" / "gaza-unsc-2025")
    assert isinstance(files, dict)
    return files


CASES = {"gaza-unsc-2025": shipped, "wide": wide, "deep": deep}


def measure(case: str) -> dict[str, object]:
    """In this process: generate, load, build every offered view's table; time and memory."""
    import explorer.views.data  # noqa: F401  (pandas, imported before anything is timed)
    from explorer.content import Catalog, load_files
    from explorer.views import default_state
    from explorer.views.registry import offered

    files = CASES[case]()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    result = load_files(case, files, case)
    loaded = time.perf_counter() - start
    assert result.set is not None, result.problems[:5]
    state = default_state(Catalog({result.set.id: result.set}))
    views: dict[str, float] = {}
    for view in offered(result.set):
        start = time.perf_counter()
        view.table(result.set, state)
        views[view.id] = time.perf_counter() - start
    values = sum(yamlfile.parse(raw).values for raw in files.values())
    return {
        "case": case,
        "files": len(files),
        "bytes": sum(len(raw) for raw in files.values()),
        "values": values,
        "load_s": loaded,
        "views": views,
        "rss_before_mb": before,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2])))
        return
    rows = []
    for case in CASES:
        out = subprocess.run(
            [sys.executable, str(Path(__file__)), "--child", case],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        m = json.loads(out.stdout)
        slowest = max(m["views"].items(), key=lambda kv: kv[1])
        rows.append(
            [
                m["case"],
                m["files"],
                f"{m['bytes'] / 1e6:.1f} MB",
                f"{m['values']:,}",
                f"{m['load_s']:.1f}",
                f"{slowest[0]} {slowest[1]:.2f}",
                f"{m['rss_before_mb']:.0f}",
                f"{m['peak_rss_mb']:.0f}",
            ]
        )
    print(f"A set at the item caps ({machine()})\n")
    headers = ["set", "files", "size", "values", "load s", "slowest view s", "RSS MB", "peak"]
    print(table(headers, rows))


if __name__ == "__main__":
    main()
