"""Load an upload only once a process of its own has loaded it within a budget of time and
memory.

An input that costs minutes or gigabytes to load would cost them to the server and every session
in it. Here a child Python runs ``load_upload`` first, under a limit on its address space and a
deadline, and exits: an upload that runs over ``UPLOAD_SECONDS`` or ``UPLOAD_MEMORY_MB`` is
refused with a message that says so, and never reaches the server. A refusal is the child's; an
upload the child loaded is loaded again here. Taking the child's result instead (pickled back)
left the server's memory higher after fifty upload sessions had closed (``bench/RESULTS.md``),
so the child is a gate, and a valid upload costs its load twice.

A plain child (``python -m explorer.uploads.isolated``), not ``multiprocessing``: on Python
3.11 a forkserver's or spawned child runs the program's main script again (``streamlit``'s
launcher imports all of Streamlit) before it starts, which cost seconds per upload here.
"""

from __future__ import annotations

import pickle
import resource
import subprocess
import sys
from collections.abc import Collection, Mapping
from pathlib import Path

from explorer.content import Problem
from explorer.uploads.names import base_name
from explorer.uploads.upload import UploadResult, load_upload

UPLOAD_SECONDS = 120
"""Time an upload may take to load (a set at every item cap loads in about 10 s here)."""
UPLOAD_MEMORY_MB = 1024
"""Memory an upload's loading may add to its process (a set at the caps adds under 70 MB)."""

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]
Request = tuple[bytes, str, "tuple[str, Mapping[str, bytes]] | None", tuple[str, ...], int]


def _refused(name: str, message: str) -> UploadResult:
    return UploadResult(None, (Problem(base_name(name), None, "", message),), {})


def load_upload_within_budget(
    data: bytes,
    name: str,
    current: tuple[str, Mapping[str, bytes]] | None = None,
    taken: Collection[str] = (),
    seconds: float = UPLOAD_SECONDS,
    memory_mb: int = UPLOAD_MEMORY_MB,
) -> UploadResult:
    """``load_upload``'s result, once a child process has loaded the upload within ``seconds``
    and ``memory_mb``; else a refusal naming the upload. The child is gone when this returns."""
    plain = None if current is None else (current[0], dict(current[1]))
    request: Request = (data, name, plain, tuple(taken), memory_mb)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "explorer.uploads.isolated"],
            input=pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL),
            capture_output=True,
            timeout=seconds,
            cwd=_PACKAGE_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return _refused(name, f"took longer than {seconds:g} s to load, and was stopped")
    if done.returncode != 0 or not done.stdout:
        return _refused(
            name, f"stopped before it was loaded (it may need more than {memory_mb:,} MB)"
        )
    problems: tuple[Problem, ...] = pickle.loads(done.stdout)
    if problems:
        return UploadResult(None, problems, {})
    return load_upload(data, name, current, taken)


def _limit_memory(memory_mb: int) -> None:
    """Allow this process ``memory_mb`` of address space more than it has now (Linux)."""
    status = Path("/proc/self/status")
    if not status.exists():
        return
    for line in status.read_text().splitlines():
        if line.startswith("VmSize:"):
            limit = int(line.split()[1]) * 1024 + memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve() -> None:
    """The child: read one request on stdin, write its problems on stdout (none: it loaded)."""
    data, name, current, taken, memory_mb = pickle.loads(sys.stdin.buffer.read())
    _limit_memory(memory_mb)
    try:
        problems = load_upload(data, name, current, taken).problems
    except MemoryError:
        problems = _refused(name, f"needs more than {memory_mb:,} MB of memory to load").problems
    sys.stdout.buffer.write(pickle.dumps(problems, protocol=pickle.HIGHEST_PROTOCOL))


if __name__ == "__main__":
    _serve()
