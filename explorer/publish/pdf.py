"""The brief printed to PDF by headless Chromium, in a throwaway folder and process group, and
the number of pages it has: the brief states it, so it is printed until the count it states is
the count it has (twice as a rule; a third time if stating the count moved a page break)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
PDF_TIMEOUT_SECONDS = 60
PRINTINGS = 3
# Chromium (Skia) writes each page as an uncompressed "/Type /Page" object.
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


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


def page_count(pdf: bytes) -> int:
    """How many pages a PDF printed by Chromium has."""
    return len(_PAGE.findall(pdf))


def counted_brief_pdf(
    page: Callable[[int | None], str], chromium: Path = CHROMIUM
) -> tuple[bytes, int] | None:
    """The brief that ``page(pages)`` writes, printed to PDF stating the page count it really
    has, and that count; None when Chromium is absent or fails. Should stating the count keep
    moving a page break, the brief is printed without it."""
    pages = None
    for _ in range(PRINTINGS):
        pdf = brief_pdf(page(pages), chromium)
        if pdf is None or page_count(pdf) == pages:
            break
        pages = page_count(pdf)
    else:
        pdf = brief_pdf(page(None), chromium)
    return None if pdf is None else (pdf, page_count(pdf))
