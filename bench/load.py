"""Load: N concurrent sessions over Streamlit's websocket protocol, each opening the app and
switching scenario A five times; against the minimal app switching its radio.

`uv run python bench/load.py [--sessions 1 10 50]`. Prints success rate, median and p95 per
switch, and the server's resident memory before and after. Traffic goes to 127.0.0.1 only;
every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from common import APP, MINIMAL_APP, machine, median_ms, p95_ms, table
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from scripts.server import start_server, stop_server

SWITCHES = 5
TIMEOUT_S = 120


@dataclass
class Session:
    """One browser-like session: the widgets it has seen and how long each switch took."""

    widgets: dict[str, object] = field(default_factory=dict)
    switch_seconds: list[float] = field(default_factory=list)
    query: str = ""
    """The query string the app last wrote, which a browser sends with the next rerun."""
    failed: bool = False
    """Whether a run showed an exception."""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _rerun(query: str = "", widget_id: str | None = None, value: str | None = None) -> bytes:
    message = BackMsg()
    message.rerun_script.query_string = query
    if widget_id is not None:
        state = message.rerun_script.widget_states.widgets.add()
        state.id = widget_id
        state.string_value = value or ""
    return message.SerializeToString()


async def _until_finished(socket: websockets.ClientConnection, session: Session) -> None:
    """Read forward messages until the script run ends; remember the widgets seen."""
    while True:
        message = ForwardMsg()
        message.ParseFromString(await socket.recv())
        if message.WhichOneof("type") == "delta":
            element = message.delta.new_element
            kind = element.WhichOneof("type")
            session.failed = session.failed or kind == "exception"
            if kind in {"selectbox", "radio"}:
                widget = getattr(element, kind)
                session.widgets[widget.id] = list(widget.options)
        elif message.WhichOneof("type") == "page_info_changed":
            session.query = message.page_info_changed.query_string
        elif message.WhichOneof("type") == "script_finished":
            return


async def run_session(url: str, widget_key: str, session: Session, query: str = "") -> bool:
    """Open the page at ``query`` (a query string), then change ``widget_key`` five times."""
    uri = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(uri, subprotocols=["streamlit"], max_size=None) as socket:
        session.query = query
        await socket.send(_rerun(query))
        await _until_finished(socket, session)
        widget_id = next(w for w in session.widgets if w.endswith(widget_key))
        options = session.widgets[widget_id]
        for index in range(SWITCHES):
            value = options[(index + 1) % len(options)]
            start = time.perf_counter()
            await socket.send(_rerun(session.query, widget_id, value))
            await _until_finished(socket, session)
            session.switch_seconds.append(time.perf_counter() - start)
    return len(session.switch_seconds) == SWITCHES and not session.failed


async def run_load(
    url: str, widget_key: str, sessions: int, queries: list[str] | None = None
) -> tuple[int, list[float]]:
    """``sessions`` at once; session ``i`` opens ``queries[i % len(queries)]``."""
    queries = queries or [""]
    states = [Session() for _ in range(sessions)]
    tasks = [
        asyncio.wait_for(run_session(url, widget_key, s, queries[i % len(queries)]), TIMEOUT_S)
        for i, s in enumerate(states)
    ]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    succeeded = sum(1 for r in results if r is True)
    return succeeded, [t for s in states for t in s.switch_seconds]


def measure(app: Path, widget_key: str, counts: list[int]) -> list[list[object]]:
    process, url = start_server(app)
    rows = []
    try:
        asyncio.run(run_load(url, widget_key, 1))
        for count in counts:
            before = rss_mb(process.pid)
            succeeded, samples = asyncio.run(run_load(url, widget_key, count))
            after = rss_mb(process.pid)
            rows.append(
                [
                    app.name,
                    count,
                    f"{100 * succeeded / count:.0f} %",
                    f"{median_ms(samples):.0f}" if samples else "-",
                    f"{p95_ms(samples):.0f}" if samples else "-",
                    f"{before:.0f}",
                    f"{after:.0f}",
                    f"{after - before:+.0f}",
                ]
            )
    finally:
        stop_server(process)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 50])
    counts = parser.parse_args().sessions
    rows = measure(MINIMAL_APP, "minimal.series", counts) + measure(APP, "sidebar.a", counts)
    print(f"Load over the websocket, {SWITCHES} switches per session ({machine()})\n")
    headers = [
        "app",
        "sessions",
        "success",
        "median ms",
        "p95 ms",
        "RSS MB before",
        "after",
        "growth",
    ]
    print(table(headers, rows))


if __name__ == "__main__":
    main()
