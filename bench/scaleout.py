"""Scale-out: two app replicas behind nginx with sticky sessions, under the websocket load test.

`uv run python bench/scaleout.py [--sessions 10 50]`. Needs nginx (`apt-get install -y nginx`);
installs nothing. Starts two replicas of app.py sharing one `server.cookieSecret`, and nginx with
deploy/nginx.conf (only its ports filled in) in a temporary prefix directory. Then, for each N:
N sessions switching scenario A five times through nginx (bench/load.py's `run_load`), how nginx
split those sessions over the replicas (from its access log), and the same load on one replica
directly for comparison. Last, a stickiness check: browser-like clients that keep nginx's cookie
reach one replica with every request, websocket included. Prints Markdown tables for
bench/RESULTS.md. Everything listens on 127.0.0.1; every loop is bounded in count and time; every
process started here is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

import load
import websockets
from common import APP, ROOT, machine, median_ms, p95_ms, table

from scripts.server import free_port, start_server, stop_server

TEMPLATE = ROOT / "deploy" / "nginx.conf"
WIDGET = "sidebar.a"
PROBE_CLIENTS = 10
LOG_WAIT_S = 10
PLACEHOLDER = re.compile(r"@@[A-Z_]+@@")
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) '
    r"route=(?P<route>\S+) upstream=(?P<upstream>\S+)"
)


def nginx_binary() -> str:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if not found:
        sys.exit(
            "nginx is not installed. Install it with `apt-get install -y nginx` "
            "(Debian/Ubuntu), then run `uv run python bench/scaleout.py` again."
        )
    return found


def render_config(template: str, replica_ports: tuple[int, int], listen_port: int) -> str:
    """deploy/nginx.conf with its ports filled in; nothing else changes."""
    text = (
        template.replace("@@REPLICA_A_PORT@@", str(replica_ports[0]))
        .replace("@@REPLICA_B_PORT@@", str(replica_ports[1]))
        .replace("@@LISTEN_PORT@@", str(listen_port))
    )
    if PLACEHOLDER.search(text):
        raise ValueError(f"{TEMPLATE}: a placeholder was left unfilled")
    return text


def start_nginx(
    nginx: str, prefix: Path, replica_ports: tuple[int, int]
) -> tuple[subprocess.Popen, str]:
    port = free_port()
    config = prefix / "nginx.conf"
    config.write_text(render_config(TEMPLATE.read_text(), replica_ports, port))
    process = subprocess.Popen(
        [nginx, "-c", str(config), "-p", f"{prefix}/"],
        stdout=subprocess.DEVNULL,
        stderr=(prefix / "stderr.log").open("wb"),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors = [prefix / "stderr.log", prefix / "error.log"]
            text = "".join(p.read_text() for p in errors if p.exists())
            raise RuntimeError(f"nginx exited: {text[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                if answer.read() == b"ok":
                    return process, url
        except OSError:
            time.sleep(0.1)
    stop_nginx(process)
    raise RuntimeError("nginx did not answer /_stcore/health in 30 s")


def stop_nginx(process: subprocess.Popen) -> None:
    process.terminate()  # SIGTERM: fast shutdown of master and workers
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def log_entries(log: Path, offset: int) -> list[dict[str, str]]:
    with log.open() as lines:
        lines.seek(offset)
        return [m.groupdict() for m in map(LOG_LINE.search, lines) if m]


def stream_entries(log: Path, offset: int, expected: int) -> list[dict[str, str]]:
    """The websocket requests logged since ``offset``; nginx logs each when it closes."""
    deadline = time.monotonic() + LOG_WAIT_S
    while True:
        found = [e for e in log_entries(log, offset) if e["path"].startswith("/_stcore/stream")]
        if len(found) >= expected or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def split(entries: list[dict[str, str]], names: dict[str, str]) -> str:
    counts = Counter(names.get(e["upstream"], e["upstream"]) for e in entries)
    return " / ".join(f"{name} {counts.get(name, 0)}" for name in sorted(names.values()))


def row(setup: str, count: int, succeeded: int, samples: list[float], where: str) -> list[object]:
    return [
        setup,
        count,
        f"{100 * succeeded / count:.0f} %",
        f"{median_ms(samples):.0f}" if samples else "-",
        f"{p95_ms(samples):.0f}" if samples else "-",
        where,
    ]


async def browser_like(url: str) -> str:
    """Open the page, keep nginx's cookie, then fetch and open the websocket with it."""

    def get(path: str, cookie: str | None = None) -> str:
        request = urllib.request.Request(url + path, headers={"Cookie": cookie} if cookie else {})
        with urllib.request.urlopen(request, timeout=10) as answer:
            answer.read()
            return answer.headers.get("Set-Cookie", "")

    set_cookie = await asyncio.to_thread(get, "/")
    cookie = set_cookie.split(";", 1)[0]
    if not cookie.startswith("se_route="):
        raise RuntimeError(f"nginx set no se_route cookie on the first page: {set_cookie!r}")
    for path in ("/_stcore/health", "/_stcore/host-config", "/"):
        await asyncio.to_thread(get, path, cookie)
    uri = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(
        uri, subprotocols=["streamlit"], additional_headers={"Cookie": cookie}, max_size=None
    ) as socket:
        await socket.send(load._rerun())
        await asyncio.wait_for(load._until_finished(socket, load.Session()), load.TIMEOUT_S)
    return cookie.split("=", 1)[1]


async def probe(url: str, clients: int) -> list[str]:
    return list(await asyncio.gather(*(browser_like(url) for _ in range(clients))))


def stickiness(log: Path, offset: int, routes: list[str], names: dict[str, str]) -> list[object]:
    stream_entries(log, offset, len(routes))
    served: dict[str, set[str]] = defaultdict(set)
    requests = Counter()
    for entry in log_entries(log, offset):
        if entry["route"] in routes:
            served[entry["route"]].add(names.get(entry["upstream"], entry["upstream"]))
            requests[entry["route"]] += 1
    on_one = sum(1 for r in routes if len(served[r]) == 1 and requests[r] == 5)
    per_replica = Counter(next(iter(served[r])) for r in routes if len(served[r]) == 1)
    spread = " / ".join(f"{name} {per_replica.get(name, 0)}" for name in sorted(names.values()))
    return [len(routes), 5, f"{on_one} of {len(routes)}", spread]


def replica_names(urls: list[str]) -> dict[str, str]:
    """nginx's $upstream_addr of each replica -> its name in the tables."""
    return {u.removeprefix("http://"): f"replica {n}" for n, u in zip("AB", urls, strict=True)}


def load_rows(urls: list[str], front: str, log: Path, counts: list[int]) -> list[list[object]]:
    names = replica_names(urls)
    for url in urls:  # warm both replicas' caches, as load.py warms its one server
        asyncio.run(load.run_load(url, WIDGET, 1))
    rows = []
    for count in counts:
        succeeded, samples = asyncio.run(load.run_load(urls[0], WIDGET, count))
        rows.append(row("1 replica, direct", count, succeeded, samples, f"replica A {count}"))
        offset = log.stat().st_size
        succeeded, samples = asyncio.run(load.run_load(front, WIDGET, count))
        where = split(stream_entries(log, offset, count), names)
        rows.append(row("2 replicas via nginx", count, succeeded, samples, where))
    return rows


def measure(counts: list[int]) -> tuple[list[list[object]], list[object]]:
    nginx = nginx_binary()
    secret = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    replicas: list[subprocess.Popen] = []
    proxy: subprocess.Popen | None = None
    with tempfile.TemporaryDirectory(prefix="scaleout-") as prefix:
        try:
            urls = []
            for _ in range(2):
                process, url = start_server(APP, env=secret)
                replicas.append(process)
                urls.append(url)
            ports = (int(urls[0].rsplit(":", 1)[1]), int(urls[1].rsplit(":", 1)[1]))
            proxy, front = start_nginx(nginx, Path(prefix), ports)
            log = Path(prefix) / "access.log"
            rows = load_rows(urls, front, log, counts)
            offset = log.stat().st_size
            routes = asyncio.run(probe(front, PROBE_CLIENTS))
            sticky = stickiness(log, offset, routes, replica_names(urls))
        finally:
            if proxy is not None:
                stop_nginx(proxy)
            for process in replicas:
                stop_server(process)
    return rows, sticky


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 50])
    rows, sticky = measure(parser.parse_args().sessions)
    print(
        f"Scale-out through nginx (cookie-hash sticky sessions), {load.SWITCHES} switches "
        f"of scenario A per session ({machine()})\n"
    )
    headers = ["setup", "sessions", "success", "median ms", "p95 ms", "sessions per replica"]
    print(table(headers, rows))
    print("\nStickiness: browser-like clients keeping nginx's se_route cookie\n")
    headers = ["clients", "requests each", "all on one replica", "clients per replica"]
    print(table(headers, [sticky]))


if __name__ == "__main__":
    main()
