"""Uploads: malicious zips and YAML are refused with a message naming the entry; valid sets
(the tiny set, the template, the app's own export) load; nothing ever raises.

Every refusal is checked to name the upload and the offending entry, since that is what a
user needs to fix it."""

from __future__ import annotations

import io
import random
import stat
import struct
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import publish
from explorer.content import Problem, is_id, read_folder
from explorer.uploads import UploadResult, add_scenario, load_upload, read_zip
from explorer.uploads import archive as upload
from explorer.uploads.template import TEMPLATE_FILE_NAME, TEMPLATE_ID, template_files, template_zip
from tests.security.conftest import REAL_CATALOG, ROOT, TINY_FILES

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def make_zip(entries: dict[str, bytes], **infos: dict) -> bytes:
    """A zip of ``entries``; ``infos[name]`` sets ZipInfo attributes of that entry."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are written on purpose
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries.items():
                info = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                for key, value in infos.get(name, {}).items():
                    setattr(info, key, value)
                archive.writestr(info, data)
    return buffer.getvalue()


def lie_about_size(data: bytes, declared: int) -> bytes:
    """The zip with its first entry's unpacked size rewritten in both headers."""
    patched = bytearray(data)
    struct.pack_into("<I", patched, patched.find(b"PK\x03\x04") + 22, declared)
    struct.pack_into("<I", patched, patched.find(b"PK\x01\x02") + 24, declared)
    return bytes(patched)


def tiny_zip(prefix: str = "tiny-set/", **extra: bytes) -> bytes:
    return make_zip({f"{prefix}{k}": v for k, v in {**TINY_FILES, **extra}.items()})


def refused(result: UploadResult) -> str:
    assert isinstance(result, UploadResult)
    assert result.set is None and result.problems and not result.files
    assert all(isinstance(p, Problem) for p in result.problems)
    return "\n".join(map(str, result.problems))


# --- valid uploads ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "set_id"),
    [
        (tiny_zip(), "whatever.zip", "tiny-set"),
        (tiny_zip(prefix=""), "My Tiny Set (v2).zip", "my-tiny-set-v2"),
        (tiny_zip(prefix="Tiny Set/"), "x.zip", "tiny-set"),
        (
            make_zip(
                {
                    **{f"tiny-set/{k}": v for k, v in TINY_FILES.items()},
                    "__MACOSX/tiny-set/scenarios/._adopted.yaml": b"\x00\x05\x16\x07",
                    "tiny-set/.DS_Store": b"\x00\x00\x00\x01Bud1",
                }
            ),
            "from-a-mac.zip",
            "tiny-set",
        ),
    ],
    ids=["in a folder", "at the root", "folder with spaces", "with macOS extras"],
)
def test_a_valid_zip_of_the_tiny_set_loads(data: bytes, name: str, set_id: str) -> None:
    result = load_upload(data, name)
    assert result.problems == ()
    assert result.set is not None and result.set.id == set_id
    assert dict(result.files) == TINY_FILES


def test_the_template_loads_with_no_problem_and_its_bytes_are_stable() -> None:
    result = load_upload(template_zip(), TEMPLATE_FILE_NAME)
    assert result.problems == ()
    assert result.set is not None and result.set.id == TEMPLATE_ID
    assert dict(result.files) == template_files()
    assert len(result.set.scenarios) == 3
    assert template_zip() == template_zip()
    names = zipfile.ZipFile(io.BytesIO(template_zip())).namelist()
    assert f"{TEMPLATE_ID}/README.md" in names and f"{TEMPLATE_ID}/set.yaml" in names


def test_the_apps_own_export_uploads_back() -> None:
    scenario_set = REAL_CATALOG["gaza-unsc-2025"]
    files = read_folder(ROOT / "scenarios" / "gaza-unsc-2025")
    data = publish.set_zip(scenario_set, files, "http://localhost:8501/")
    result = load_upload(data, "gaza-unsc-2025-1.0.zip", taken=REAL_CATALOG.ids)
    assert result.problems == ()
    assert result.set is not None and result.set.id == "gaza-unsc-2025-upload"
    assert result.set.content_hash == scenario_set.content_hash


def test_one_scenario_is_added_to_the_set_shown() -> None:
    new = (
        TINY_FILES["scenarios/rejected.yaml"]
        .replace(b"id: rejected", b"id: stalled")
        .replace(b"label: Rejected", b"label: Stalled")
        .replace(b"id: talks-collapse", b"id: talks-stall")
    )
    result = load_upload(new, "stalled.yaml", current=("tiny-set", TINY_FILES))
    assert result.problems == ()
    assert result.set is not None and result.set.id == "tiny-set-with-stalled"
    assert [s.id for s in result.set.scenarios] == ["adopted", "rejected", "stalled"]
    assert add_scenario(TINY_FILES, new, "x.yml") == {**TINY_FILES, "scenarios/stalled.yaml": new}


# --- hostile zips -----------------------------------------------------------------------------

SYMLINK = {"external_attr": (stat.S_IFLNK | 0o777) << 16}
FIFO = {"external_attr": (stat.S_IFIFO | 0o644) << 16}


def _many_files(count: int) -> bytes:
    return make_zip({f"tiny-set/scenarios/s{i}.yaml": b"id: x" for i in range(count)})


def encrypted(data: bytes) -> bytes:
    """The zip with its first entry marked encrypted (bit 0 of the flags) in both headers."""
    patched = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = patched.find(signature) + offset
        struct.pack_into("<H", patched, at, struct.unpack_from("<H", patched, at)[0] | 0x1)
    return bytes(patched)


def _big_total() -> bytes:
    """Files under the per-file limit and a plausible ratio, but too much together."""
    block = random.Random(1).randbytes(15_000).hex().encode()  # 30 kB: deflate packs ~40x
    size = upload.MAX_FILE_BYTES - 1000
    count = upload.MAX_TOTAL_BYTES // size + 1
    return make_zip({f"s/scenarios/s{i}.yaml": (block * 40)[:size] for i in range(count)})


def _duplicate_names() -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in [*TINY_FILES.items(), ("set.yaml", b"title: evil twin\n")]:
                archive.writestr(name, data)
    return buffer.getvalue()


HOSTILE_ZIPS = {
    "zip bomb by ratio": (
        make_zip({"tiny-set/set.yaml": b" " * (upload.MAX_FILE_BYTES - 10)}),
        ["bomb.zip/tiny-set/set.yaml", "zip bomb"],
    ),
    "zip bomb by size": (
        make_zip({"tiny-set/set.yaml": b"a" * (upload.MAX_FILE_BYTES * 30)}),
        ["bomb.zip/tiny-set/set.yaml", "limit per file"],
    ),
    "too much unpacked in total": (_big_total(), ["bomb.zip", "the limit for a set"]),
    "lying size, smaller than the data": (
        lie_about_size(make_zip({"set.yaml": b"title: " + b"a" * 500_000}), 100),
        ["bomb.zip/set.yaml", "more than the 100 bytes it declares; inflating stopped"],
    ),
    "lying size, larger than the data": (
        lie_about_size(make_zip({"set.yaml": b"title: x\n"}), 5000),
        ["bomb.zip/set.yaml", "declares 5,000 bytes but unpacks to 9"],
    ),
    "parent path": (tiny_zip(prefix="../"), ["bomb.zip/../set.yaml", "'..'"]),
    "parent inside": (
        tiny_zip(**{"scenarios/../../x.yaml": b"a: 1"}),
        ["bomb.zip/tiny-set/scenarios/../../x.yaml", "'..'"],
    ),
    "absolute path": (
        make_zip({"/etc/cron.d/x.yaml": b"a: 1", **TINY_FILES}),
        ["bomb.zip//etc/cron.d/x.yaml", "absolute path"],
    ),
    "drive path": (make_zip({"C:/x.yaml": b"a: 1"}), ["bomb.zip/C:/x.yaml", "absolute path"]),
    "direction override in a name": (
        tiny_zip(**{"scenarios/\u202elmay.exe": b"a: 1"}),
        ["bomb.zip/tiny-set/scenarios/?lmay.exe", "text-direction"],
    ),
    "backslash path": (
        make_zip({"..\\..\\x.yaml": b"a: 1"}),
        ["bomb.zip/..\\..\\x.yaml", "backslash"],
    ),
    "symbolic link": (
        make_zip(
            {**TINY_FILES, "scenarios/link.yaml": b"/etc/passwd"},
            **{"scenarios/link.yaml": SYMLINK},
        ),
        ["bomb.zip/scenarios/link.yaml", "symbolic link"],
    ),
    "named pipe": (
        make_zip({"set.yaml": b""}, **{"set.yaml": FIFO}),
        ["bomb.zip/set.yaml", "special file"],
    ),
    "encrypted entry": (
        encrypted(make_zip({"set.yaml": b"a: 1"})),
        ["bomb.zip/set.yaml", "encrypted"],
    ),
    "too many entries": (
        _many_files(upload.MAX_ENTRIES + 1),
        ["bomb.zip", "entries; the limit is"],
    ),
    "too many YAML files": (
        _many_files(upload.MAX_FILES + 1),
        ["bomb.zip", "YAML files; the limit is"],
    ),
    "too deep": (
        tiny_zip(**{"scenarios/a/b/c.yaml": b"a: 1"}),
        ["bomb.zip/tiny-set/scenarios/a/b/c.yaml", "nested more than 3 folders"],
    ),
    "python file": (
        tiny_zip(**{"hook.py": b"import os"}),
        ["bomb.zip/tiny-set/hook.py", "not a YAML"],
    ),
    "executable": (
        tiny_zip(**{"run.exe": b"MZ\x90\x00"}),
        ["bomb.zip/tiny-set/run.exe", "not a YAML"],
    ),
    "zip in a zip": (
        tiny_zip(**{"inner.zip": make_zip({"set.yaml": b"a: 1"})}),
        ["bomb.zip/tiny-set/inner.zip", "not a YAML"],
    ),
    "duplicate names": (_duplicate_names(), ["bomb.zip/set.yaml", "second entry"]),
    "deeply nested YAML": (
        tiny_zip(**{"actors.yaml": b"[" * 990 + b"]" * 990}),
        ["bomb.zip/tiny-set/actors.yaml:1", "nested more than 64 levels"],
    ),
    "python tag in YAML": (
        tiny_zip(**{"set.yaml": b"title: !!python/object/apply:os.system ['touch /tmp/pwned']\n"}),
        ["bomb.zip/tiny-set/set.yaml:1", "python/object/apply:os.system"],
    ),
    "not a zip": (b"MZ\x90\x00 this is an exe", ["bomb.zip", "not a readable zip"]),
    "over the upload size": (
        b"PK" + b"\x00" * upload.MAX_UPLOAD_BYTES,
        ["bomb.zip", "the limit is"],
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE_ZIPS))
def test_a_hostile_zip_is_refused_naming_the_entry(case: str) -> None:
    data, expected = HOSTILE_ZIPS[case]
    text = refused(load_upload(data, "bomb.zip"))
    for part in expected:
        assert part in text, (case, text)
    assert isinstance(read_zip(data, "bomb.zip"), list) or "python" in case


def test_a_python_tag_runs_nothing(tmp_path: Path) -> None:
    canary = tmp_path / "ran"
    path = f"!!python/object/apply:pathlib.Path ['{canary}']"
    payload = f"title: !!python/object/apply:pathlib.Path.touch [{path}]\n"
    refused(load_upload(tiny_zip(**{"set.yaml": payload.encode()}), "x.zip"))
    assert not canary.exists()


def test_an_entry_is_never_read_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even when the headers pass every check, the bytes are counted as they come out."""
    data = make_zip({"set.yaml": b"a" * 5000})
    monkeypatch.setattr(upload, "MAX_FILE_BYTES", 1000)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.infolist()[0]
    assert "the limit per file" in upload._read_entry(data, info, budget=10**9)
    assert "allowed for a set" in upload._read_entry(data, info, budget=100)


def test_the_problem_list_is_capped() -> None:
    data = tiny_zip(**{f"junk{i}.txt": b"x" for i in range(120)})
    result = load_upload(data, "many.zip")
    assert len(result.problems) == upload.MAX_SHOWN_PROBLEMS + 1
    assert "more problems" in result.problems[-1].message


# --- hostile single YAML files ---------------------------------------------------------------

ADOPTED = TINY_FILES["scenarios/adopted.yaml"]
HOSTILE_YAML = {
    "an id the set has": ("adopted.yaml", ADOPTED, ["adopted.yaml:1: id", "already has"]),
    "a set file": ("set.yaml", TINY_FILES["set.yaml"], ["set.yaml", "zip the whole set"]),
    "not YAML": ("evil.py", b"import os", ["evil.py", "upload a .zip"]),
    "too big": ("big.yaml", b"a" * (upload.MAX_FILE_BYTES + 1), ["big.yaml", "limit"]),
    "nested too deep": ("deep.yaml", b"- " * 500 + b"x", ["deep.yaml:1", "nested more"]),
    "python tag": ("tag.yaml", b"id: !!python/name:os.system\n", ["tag.yaml:1", "python"]),
    "not UTF-8": ("bin.yaml", b"\xff\xfe\x00", ["bin.yaml", "UTF-8"]),
    "a list": ("list.yaml", b"- a\n- b\n", ["list.yaml"]),
    "wrong id": ("x.yaml", ADOPTED.replace(b"id: adopted", b"id: Not Valid"), ["x.yaml:1: id"]),
}


@pytest.mark.parametrize("case", list(HOSTILE_YAML))
def test_a_hostile_scenario_file_is_refused_naming_the_file(case: str) -> None:
    name, data, expected = HOSTILE_YAML[case]
    text = refused(load_upload(data, name, current=("tiny-set", TINY_FILES)))
    for part in expected:
        assert part in text, (case, text)


def test_a_scenario_file_needs_a_set_to_join() -> None:
    assert "no set is open" in refused(load_upload(ADOPTED, "a.yaml"))


# --- nothing raises ---------------------------------------------------------------------------

VALID = tiny_zip()


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes_never_raise(data: bytes) -> None:
    assert isinstance(load_upload(data, "random.zip"), UploadResult)
    assert isinstance(load_upload(data, "random.yaml", ("tiny-set", TINY_FILES)), UploadResult)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), max_size=8))
def test_a_damaged_zip_never_raises(changes: list[tuple[int, int]]) -> None:
    data = bytearray(VALID)
    for at, value in changes:
        data[at] = value
    result = load_upload(bytes(data), "damaged.zip")
    assert (result.set is None) == bool(result.problems)


@FUZZ
@given(st.text(max_size=300), st.sampled_from([".zip", ".yaml", ".YML", ".exe", ""]))
def test_any_file_name_is_only_a_label(name: str, suffix: str) -> None:
    result = load_upload(VALID, name + suffix, current=("tiny-set", TINY_FILES))
    for problem in result.problems:
        assert "\n" not in problem.file and len(problem.file) < 400
    if result.set is not None:
        assert result.set.id == upload.slugify(result.set.id)


@FUZZ
@given(st.text(max_size=200))
def test_slugify_always_gives_a_valid_id(text: str) -> None:
    assert is_id(upload.slugify(text))
