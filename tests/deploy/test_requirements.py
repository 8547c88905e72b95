"""requirements.txt is current with pyproject.toml, and no committed file names a package index.

Community Cloud and the Docker image install requirements.txt, compiled with
`uv pip compile pyproject.toml -o requirements.txt`. uv.lock stays out of git: Community Cloud
would prefer it to requirements.txt, and it names the index every package came from.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
THIS_FILE = Path(__file__).resolve()
DEPENDENCIES = [
    Requirement(d)
    for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
]
REQUIREMENTS = (ROOT / "requirements.txt").read_text()
PINS = {
    canonicalize_name(m["name"]): m["version"]
    for m in re.finditer(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)", REQUIREMENTS, re.M)
}
INDEX_HOSTS = ("pypi.org", "pythonhosted.org", "index-url", "index_url", "find-links")


@pytest.mark.parametrize("dependency", DEPENDENCIES, ids=str)
def test_every_dependency_is_pinned_in_requirements_txt(dependency: Requirement) -> None:
    name = canonicalize_name(dependency.name)
    assert name in PINS, (
        f"{name} is not pinned: run uv pip compile pyproject.toml -o requirements.txt"
    )
    assert dependency.specifier.contains(PINS[name]), f"{name}=={PINS[name]} vs {dependency}"


def test_requirements_txt_lists_exactly_the_projects_direct_dependencies() -> None:
    """uv marks each direct dependency `via scenario-explorer (pyproject.toml)`."""
    direct = set()
    for block in re.split(r"\n(?=\S)", REQUIREMENTS):
        if "scenario-explorer (pyproject.toml)" in block:
            direct.add(canonicalize_name(block.split("==", 1)[0]))
    assert direct == {canonicalize_name(d.name) for d in DEPENDENCIES}


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"not a git checkout: {error}")
    return done.stdout


def test_uv_lock_is_ignored_by_git() -> None:
    assert _git("check-ignore", "uv.lock").strip() == "uv.lock"
    assert "uv.lock" not in _git("ls-files").split()


def test_no_committed_file_names_a_package_index() -> None:
    # Tracked files plus new ones about to be committed (not ignored).
    names = _git("ls-files", "--cached", "--others", "--exclude-standard").splitlines()
    found = []
    for name in names:
        path = ROOT / name
        if path.resolve() == THIS_FILE or not path.is_file():
            continue
        try:
            text = path.read_text().lower()
        except UnicodeDecodeError:
            continue  # images and other binary files
        found += [f"{name}: {host}" for host in INDEX_HOSTS if host in text]
    assert found == []
