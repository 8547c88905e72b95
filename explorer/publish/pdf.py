"""The brief printed to PDF by headless Chromium, in a throwaway folder and process group."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
PDF_TIMEOUT_SECONDS = 60


def pdf_available(chromium: Path = CHROMIUM) -> bool:
    return chromium.is_file() and os.access(chromium, os.X_OK)


def _end_group(process: subprocess.Popen[bytes]) -> None:
    """Kill whatever Chromium left running in its own process group, then reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def brief_pdf(
    html_text: str, chromium: Path = CHROMIUM, timeout: float = PDF_TIMEOUT_SECONDS
) -> bytes | None:
    """The brief printed to PDF by headless Chromium; None when Chromium is absent or fails.

    The page and a throwaway browser profile live in a temporary folder that is removed
    afterwards, once every process of the browser's group has been ended."""
    if not pdf_available(chromium):
        return None
    with tempfile.TemporaryDirectory(prefix="scenario-brief-") as folder:
        page, pdf = Path(folder, "brief.html"), Path(folder, "brief.pdf")
        page.write_text(html_text, encoding="utf-8")
        command = [
            str(chromium),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={Path(folder, 'profile')}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        finally:
            _end_group(process)
        data = pdf.read_bytes() if pdf.is_file() else b""
    return data if data.startswith(b"%PDF") else None
