"""Memory of the server across upload sessions: before, while 50 sessions each hold a different
~1 MB uploaded set, after they close, and after Streamlit's disconnected-session time has passed.

`uv run python bench/sessions_memory.py [--sessions 50] [--ttl 20] [--jemalloc] [--arena-max 2]
[--env PYTHONMALLOC=malloc]`; ``--jemalloc`` runs the server with the Docker image's allocator
(Debian's ``libjemalloc2`` must be installed). Each
session speaks Streamlit's own protocol over the websocket (as ``bench/load.py``): it opens the
app, asks for an upload URL, PUTs a zipped set (the Gaza set with ~1,800 more sources, so about
1 MB of YAML, its title made unique), sends the uploader's state, waits for the set to load,
and opens the Timeline and Stakeholders views of it. All sessions stay open until the last has
uploaded ("during"); then they close ("closed"); after ``--ttl`` seconds (passed to the server as
``server.disconnectedSessionTTL``) plus a margin, one fresh session opens and closes, which is
when Streamlit drops expired sessions ("after TTL"), and RSS is read again once the app's thread
has handed freed memory back (``explorer.memory``). XSRF protection is off
for this loopback server only (the client has no browser cookie). RSS is read from ``/proc``.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import time
import urllib.request
import uuid
import zipfile

import websockets
import yaml
from common import APP, ROOT, machine, table
from load import rss_mb
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from explorer.memory import RELEASE_EVERY_S
from scripts.server import start_server, stop_server

GAZA = ROOT / "scenarios" / "gaza-unsc-2025"
TIMEOUT_S = 300
JEMALLOC = {
    "LD_PRELOAD": "libjemalloc.so.2",
    "PYTHONMALLOC": "malloc",
    "MALLOC_CONF": "background_thread:true,dirty_decay_ms:10000,muzzy_decay_ms:0",
}
"""The Dockerfile's allocator settings."""


def set_zip(index: int) -> bytes:
    """A valid set of about 1 MB of YAML, different for each ``index``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(GAZA.rglob("*.yaml")):
            name = path.relative_to(GAZA).as_posix()
            raw = path.read_bytes()
            if name == "set.yaml":
                info = yaml.safe_load(raw)
                info["title"] = f"{info['title']} (upload {index})"
                raw = yaml.safe_dump(info, sort_keys=False, allow_unicode=True).encode()
            elif name == "sources.yaml":
                extra = "".join(
                    f"  - id: pad-{index}-{i}\n    title: Padding source {i} of upload {index}, "
                    f"{'a long title ' * 20}\n    publisher: P\n    url: https://example.org/"
                    f"{index}/{i}\n    accessed: 2026-01-31\n    kind: news\n"
                    for i in range(1_800)
                )
                raw = raw + extra.encode()
            archive.writestr(f"upload-{index}/{name}", raw)
    return buffer.getvalue()


class Client:
    """One session: its socket, its id, and the widgets it has seen by key suffix."""

    def __init__(self, socket: websockets.ClientConnection) -> None:
        self.socket = socket
        self.session_id = ""
        self.widgets: dict[str, str] = {}
        self.file_urls: object = None
        self.texts: list[str] = []

    async def until_finished(self) -> None:
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self.socket.recv())
            kind = message.WhichOneof("type")
            if kind == "new_session":
                self.session_id = message.new_session.initialize.session_id
            elif kind == "file_urls_response":
                self.file_urls = message.file_urls_response.file_urls[0]
                return
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                which = element.WhichOneof("type")
                widget = getattr(element, which, None)
                if hasattr(widget, "id") and widget.id:
                    self.widgets[widget.id.rsplit("-", 1)[-1]] = widget.id
                if which == "alert":
                    self.texts.append(element.alert.body)
            elif kind == "script_finished":
                return

    def widget(self, key: str) -> str:
        return next(wid for wid in self.widgets.values() if wid.endswith(key))

    async def rerun(self, states: BackMsg | None = None) -> None:
        message = states or BackMsg()
        message.rerun_script.query_string = message.rerun_script.query_string or ""
        await self.socket.send(message.SerializeToString())
        await self.until_finished()


def _put(url: str, name: str, data: bytes) -> None:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/zip\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(url, body, method="PUT")
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    with urllib.request.urlopen(request, timeout=60) as answer:
        assert answer.status in {200, 204}, answer.status


async def upload_session(url: str, index: int, opened: list[Client]) -> bool:
    socket = await websockets.connect(
        url.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit"],
        max_size=None,
    )
    client = Client(socket)
    opened.append(client)
    await client.rerun()
    name, data = f"upload-{index}.zip", set_zip(index)
    ask = BackMsg()
    ask.file_urls_request.request_id = f"r{index}"
    ask.file_urls_request.file_names.append(name)
    ask.file_urls_request.session_id = client.session_id
    await socket.send(ask.SerializeToString())
    await client.until_finished()
    await asyncio.to_thread(_put, url + client.file_urls.upload_url, name, data)
    message = BackMsg()
    state = message.rerun_script.widget_states.widgets.add()
    state.id = client.widget("upload.file")
    info = state.file_uploader_state_value.uploaded_file_info.add()
    info.name, info.size, info.file_id = name, len(data), client.file_urls.file_id
    info.file_urls.CopyFrom(client.file_urls)
    await client.rerun(message)
    loaded = any(text.startswith("Loaded") for text in client.texts)
    for view in ("Timeline", "Stakeholders"):
        switch = BackMsg()
        switch.CopyFrom(message)
        view_state = switch.rerun_script.widget_states.widgets.add()
        view_state.id, view_state.string_value = client.widget("sidebar.view"), view
        await client.rerun(switch)
    return loaded


async def one_session(url: str) -> None:
    async with websockets.connect(
        url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"]
    ) as socket:
        await Client(socket).rerun()


async def _expire(url: str, ttl: int) -> None:
    """Wait out the disconnected-session time, then open and close one session: Streamlit drops
    expired sessions when its session store is next written."""
    await asyncio.sleep(ttl + 5)
    await one_session(url)
    await asyncio.sleep(5)


async def run(url: str, pid: int, sessions: int, ttl: int) -> list[list[object]]:
    warm: list[Client] = []
    await upload_session(url, sessions, warm)  # imports and first-use costs are not counted
    await warm[0].socket.close()
    await _expire(url, ttl)
    rows: list[list[object]] = [["start (after one upload session came and went)", rss_mb(pid)]]
    opened: list[Client] = []
    loaded = 0
    for index in range(sessions):
        loaded += await asyncio.wait_for(upload_session(url, index, opened), TIMEOUT_S)
    rows.append([f"during: {sessions} sessions open, {loaded} sets loaded", rss_mb(pid)])
    for client in opened:
        await client.socket.close()
    await asyncio.sleep(5)
    rows.append(["closed (5 s after)", rss_mb(pid)])
    await _expire(url, ttl)
    rows.append([f"after the TTL ({ttl} s) and one more session", rss_mb(pid)])
    await asyncio.sleep(RELEASE_EVERY_S + 5)
    later = f"{RELEASE_EVERY_S + 5:.0f} s later (the app has released freed memory)"
    rows.append([later, rss_mb(pid)])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--ttl", type=int, default=120)
    parser.add_argument("--jemalloc", action="store_true", help="the Docker image's allocator")
    parser.add_argument("--arena-max", type=int, default=0)
    parser.add_argument("--env", nargs="*", default=[], help="KEY=VALUE for the server")
    args = parser.parse_args()
    env = (JEMALLOC if args.jemalloc else {}) | dict(item.split("=", 1) for item in args.env)
    env |= {"MALLOC_ARENA_MAX": str(args.arena_max)} if args.arena_max else {}
    extra = [
        "--server.enableXsrfProtection", "false",
        "--server.disconnectedSessionTTL", str(args.ttl),
    ]  # fmt: skip
    process, url = start_server(APP, env=env, extra=extra)
    started = time.perf_counter()
    try:
        rows = asyncio.run(run(url, process.pid, args.sessions, args.ttl))
    finally:
        stop_server(process)
    start = float(rows[0][1])
    for row in rows:
        row[1:] = [f"{row[1]:.0f}", f"{row[1] - start:+.0f}"]
    arena = " ".join(f"{k}={v}" for k, v in env.items()) or "default malloc"
    print(f"Server RSS across upload sessions ({machine()}, {arena}, ")
    print(f"{time.perf_counter() - started:.0f} s)\n")
    print(table(["moment", "RSS MB", "vs start"], rows))


if __name__ == "__main__":
    main()
