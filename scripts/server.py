"""Start the app (or any Streamlit script) on a free loopback port, and wait for it in a browser.

Shared by the browser tests, the screenshot script and the benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    app: Path, env: dict[str, str] | None = None, extra: list[str] | None = None
) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run` on a free loopback port and return once /_stcore/health says ok."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", *(extra or []),
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited: {process.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                if answer.read() == b"ok":
                    return process, url
        except OSError:
            time.sleep(0.05)
    process.terminate()
    raise RuntimeError("streamlit did not become healthy in 120 s")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=20)


def wait_for_app(page: Page, charts: bool = True) -> None:
    """Connected, script finished, no element still loading its script (Streamlit shows a
    skeleton meanwhile: the sidebar's controls may still be loading when the chart is drawn),
    and (when the view has charts) every chart drawn."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=60_000
    )
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000
    )
    if charts:
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=60_000)
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .every(c => c.querySelector('.main-svg'))
                 && !document.querySelector('[data-testid="stSkeleton"]')""",
        timeout=60_000,
    )
