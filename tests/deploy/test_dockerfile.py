"""The Dockerfile installs the pinned requirements and runs the app the way the README does.

Docker cannot run in CI, so the Dockerfile is read by a small, strict parser: one instruction
per logical line (backslash continuations joined), comments dropped, exec-form arguments read
as JSON. Anything it does not understand fails the test rather than being skipped.
"""

from __future__ import annotations

import ast
import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KNOWN = {"FROM", "ENV", "RUN", "WORKDIR", "COPY", "USER", "EXPOSE", "HEALTHCHECK", "CMD", "ARG"}


@dataclass(frozen=True)
class Instruction:
    keyword: str
    text: str  # the arguments as written, continuations joined

    @property
    def words(self) -> list[str]:
        """Exec form (a JSON array) or shell form, split as a shell would."""
        if self.text.startswith("["):
            words = json.loads(self.text)
            assert all(isinstance(w, str) for w in words), self.text
            return words
        return shlex.split(self.text)


def parse_dockerfile(text: str) -> list[Instruction]:
    instructions, pending = [], ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue  # a comment inside a continuation is dropped, as Docker does
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical, pending = pending + line, ""
        keyword, _, rest = logical.partition(" ")
        if keyword.upper() not in KNOWN or keyword != keyword.upper():
            raise ValueError(f"Dockerfile:{number}: unexpected instruction {keyword!r}")
        instructions.append(Instruction(keyword, " ".join(rest.split())))
    if pending:
        raise ValueError("Dockerfile: ends inside a continuation line")
    return instructions


DOCKERFILE = parse_dockerfile((ROOT / "Dockerfile").read_text())


def _all(keyword: str) -> list[Instruction]:
    return [i for i in DOCKERFILE if i.keyword == keyword]


def _index(instruction: Instruction) -> int:
    return DOCKERFILE.index(instruction)


def _one(keyword: str) -> Instruction:
    found = _all(keyword)
    assert len(found) == 1, f"expected one {keyword}, found {len(found)}"
    return found[0]


def test_parser_rejects_what_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="unexpected instruction 'ONBUILD'"):
        parse_dockerfile("FROM python:3.11-slim\nONBUILD RUN true\n")
    with pytest.raises(ValueError, match="continuation"):
        parse_dockerfile("FROM python:3.11-slim\nRUN true \\\n")


def test_base_image_is_a_slim_python_3_11() -> None:
    (image,) = _one("FROM").words
    assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-[a-z]+)?(@sha256:[0-9a-f]{64})?", image)


def test_it_installs_only_the_pinned_requirements() -> None:
    installs = [i for i in _all("RUN") if "pip install" in i.text]
    assert installs, "no RUN pip install"
    for run in installs:
        for command in run.text.split("&&"):
            words = shlex.split(command)
            if words[:2] != ["pip", "install"]:
                continue
            packages = [w for w in words[2:] if not w.startswith("-")]
            assert packages == ["requirements.txt"] and "-r" in words, run.text
    copy = next(i for i in _all("COPY") if "requirements.txt" in i.words[:-1])
    assert _index(copy) < _index(installs[0])


def test_requirements_txt_pins_every_requirement() -> None:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    requirements = [line.split("#", 1)[0].strip() for line in lines]
    requirements = [r for r in requirements if r]
    assert requirements
    unpinned = [r for r in requirements if not re.fullmatch(r"[A-Za-z0-9._-]+==[^=\s]+", r)]
    assert unpinned == []


def test_it_switches_to_a_non_root_user_before_cmd() -> None:
    users = _all("USER")
    assert users, "no USER: the app would run as root"
    assert users[-1].words[0].split(":")[0] not in {"root", "0"}
    assert _index(users[-1]) < _index(_one("CMD"))


def test_it_exposes_port_8501() -> None:
    assert _one("EXPOSE").words == ["8501"]


def test_healthcheck_asks_streamlit_health_on_8501() -> None:
    check = _one("HEALTHCHECK").text
    assert " CMD " in f" {check} "
    assert "127.0.0.1:8501/_stcore/health" in check or "localhost:8501/_stcore/health" in check


def readme_run_command() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    for line in readme.splitlines():
        if line.startswith("uv run streamlit "):
            return shlex.split(line, comments=True)[2:]
    raise AssertionError("README has no `uv run streamlit ...` command")


def test_cmd_runs_the_app_as_the_readme_does() -> None:
    cmd = _one("CMD")
    assert cmd.text.startswith("["), "CMD must be exec form, so signals reach streamlit"
    words = cmd.words
    assert readme_run_command() == ["streamlit", "run", "app.py"]
    assert words[:3] == readme_run_command()
    assert "--server.headless=true" in words
    assert "--server.address=0.0.0.0" in words
    port = [w for w in words if w.startswith("--server.port")]
    assert port in ([], ["--server.port=8501"])


def _copied() -> set[str]:
    sources = set()
    for copy in _all("COPY"):
        words = [w for w in copy.words if not w.startswith("--")]
        sources.update(w.rstrip("/") for w in words[:-1])
    return sources


def _local_imports() -> set[str]:
    """Top-level modules of this repository that app.py needs, followed through imports."""
    seen, todo = set(), ["app.py"]
    while todo:
        path = ROOT / todo.pop()
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in seen and (ROOT / top).is_dir():
                    seen.add(top)
                    todo += [str(p.relative_to(ROOT)) for p in (ROOT / top).glob("*.py")]
    return seen


def test_it_copies_the_app_its_packages_content_and_config() -> None:
    needed = {"app.py", "scenarios", ".streamlit/config.toml"} | _local_imports()
    assert {"explorer", "components"} <= needed
    assert needed <= _copied()
    for source in _copied():
        assert (ROOT / source).exists(), source


def test_dockerignore_lets_in_exactly_what_is_copied() -> None:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    rules = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert rules[0] == "*", "start from nothing, then let in what the image needs"
    let_in = {r[1:].rstrip("/") for r in rules if r.startswith("!")}
    assert let_in == _copied()


def _environment() -> dict[str, str]:
    pairs = [word.split("=", 1) for env in _all("ENV") for word in env.words]
    return {name: value for name, value in pairs}


def test_python_allocates_through_jemalloc_so_closed_sessions_give_memory_back() -> None:
    """CPython's small-object allocator keeps a 1 MiB arena while one object in it lives; the
    image routes every allocation to jemalloc, installed before it is preloaded, which gives
    back free pages from a background thread."""
    environment = _environment()
    assert environment.get("PYTHONMALLOC") == "malloc"
    assert environment.get("LD_PRELOAD") == "libjemalloc.so.2"
    assert "background_thread:true" in environment.get("MALLOC_CONF", "").split(",")
    install = next(i for i in _all("RUN") if "libjemalloc2" in i.words)
    preload = next(i for i in _all("ENV") if "LD_PRELOAD" in i.text)
    assert _index(install) < _index(preload)
