"""Read one scenario-set folder into a ``ScenarioSet``, or report every problem in it.

A set is a folder of YAML files (see README.md, "Add a scenario set"). Loading never raises on
bad content: each problem names the file, the line and the field. A set with any problem is
not returned, so nothing half-checked reaches the page.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, TypeAdapter, ValidationError

from explorer.content import yamlfile as yamlfile
from explorer.content.model import (
    ActorsFile,
    CibFile,
    CouncilRecordFile,
    DraftsFile,
    EventsFile,
    Id,
    IndicatorsFile,
    IssuesFile,
    ObservedFile,
    PositionsFile,
    Scenario,
    ScenarioSet,
    SetInfo,
    SourcesFile,
)
from explorer.content.problems import Loc, Problem, field_path
from explorer.content.references import iter_references
from explorer.content.validation import validate

REQUIRED_FILES: dict[str, type[BaseModel]] = {
    "set.yaml": SetInfo,
    "sources.yaml": SourcesFile,
    "actors.yaml": ActorsFile,
    "issues.yaml": IssuesFile,
}
OPTIONAL_FILES: dict[str, type[BaseModel]] = {
    "positions.yaml": PositionsFile,
    "drafts.yaml": DraftsFile,
    "events.yaml": EventsFile,
    "indicators.yaml": IndicatorsFile,
    "observed.yaml": ObservedFile,
    "council-record.yaml": CouncilRecordFile,
    "cib.yaml": CibFile,
}
SCENARIO_DIR = "scenarios"
MAX_FILES = 200
MAX_SET_BYTES = 20_000_000
_ID = TypeAdapter(Id)


@dataclass(frozen=True)
class LoadResult:
    set: ScenarioSet | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class _Parsed:
    """A validated file with what is needed to point back into it."""

    shown_as: str
    model: BaseModel
    doc: yamlfile.YamlDocument

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.shown_as, self.doc.line_of(loc), field_path(loc), message)


def read_folder(folder: Path) -> dict[str, bytes] | Problem:
    """The YAML files of a set folder as ``{relative posix path: bytes}``, within the limits."""
    files: dict[str, bytes] = {}
    total = 0
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            return Problem(str(path), None, "", "symbolic links are not followed in a set")
        if not path.is_file() or path.suffix not in {".yaml", ".yml"}:
            continue
        size = path.stat().st_size
        total += size
        if len(files) >= MAX_FILES or total > MAX_SET_BYTES:
            return Problem(str(folder), None, "", "the set is larger than the limits allow")
        relative = path.relative_to(folder).as_posix()
        files[relative] = path.read_bytes() if size <= yamlfile.MAX_FILE_BYTES else b"\0" * size
    return files


def load_set(folder: Path, shown_as: str | None = None) -> LoadResult:
    """Load the set in ``folder``; problems are shown relative to ``shown_as``."""
    label = shown_as or str(folder)
    files = read_folder(folder)
    if isinstance(files, Problem):
        return LoadResult(None, (files,))
    return load_files(folder.name, files, label)


def content_hash(files: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()


def load_files(set_id: str, files: Mapping[str, bytes], shown_as: str) -> LoadResult:
    """Load a set from its files in memory (also used for uploads: nothing touches the disk)."""
    problems: list[Problem] = []
    if not is_id(set_id):
        problems.append(Problem(shown_as, None, "", f"{set_id!r} is not a valid set folder name"))
    parsed: dict[str, _Parsed] = {}
    scenarios: list[_Parsed] = []
    known = {**REQUIRED_FILES, **OPTIONAL_FILES}
    for name in sorted(files):
        where = f"{shown_as}/{name}"
        path = PurePosixPath(name)
        is_scenario = path.parent.as_posix() == SCENARIO_DIR and path.suffix in {".yaml", ".yml"}
        model = Scenario if is_scenario else known.get(name)
        if model is None:
            problems.append(Problem(where, None, "", f"unknown file; a set holds {_file_list()}"))
            continue
        doc = yamlfile.read(files[name], where)
        if isinstance(doc, Problem):
            problems.append(doc)
            continue
        result = validate(model, doc, where)
        if isinstance(result, list):
            problems.extend(result)
            continue
        item = _Parsed(where, result, doc)
        if is_scenario:
            scenarios.append(item)
            if result.id != path.stem:  # type: ignore[attr-defined]
                problems.append(item.problem(("id",), f"must match the file name ({path.stem!r})"))
        else:
            parsed[name] = item
    for name in REQUIRED_FILES:
        if name not in files:
            problems.append(Problem(f"{shown_as}/{name}", None, "", "required file is missing"))
    if not any(PurePosixPath(n).parent.as_posix() == SCENARIO_DIR for n in files):
        problems.append(Problem(f"{shown_as}/{SCENARIO_DIR}/", None, "", "no scenario file found"))
    if problems:
        return LoadResult(None, tuple(problems))
    problems.extend(_check_references(parsed, scenarios))
    if problems:
        return LoadResult(None, tuple(problems))
    return LoadResult(_assemble(set_id, parsed, scenarios, content_hash(files)), ())


def is_id(text: str) -> bool:
    """Whether ``text`` is a valid id (lowercase letters, digits and hyphens)."""
    try:
        _ID.validate_python(text)
    except ValidationError:
        return False
    return True


def _file_list() -> str:
    return ", ".join([*REQUIRED_FILES, *OPTIONAL_FILES, f"{SCENARIO_DIR}/*.yaml"])


def _items(parsed: dict[str, _Parsed], name: str, field: str) -> tuple:
    return getattr(parsed[name].model, field) if name in parsed else ()


def _check_references(parsed: dict[str, _Parsed], scenarios: list[_Parsed]) -> list[Problem]:
    """Duplicate ids, dangling references and set-level rules, each pointing at its line."""
    problems: list[Problem] = []
    declared: dict[str, list[tuple[_Parsed, Loc, str]]] = {
        kind: [] for kind in ("source", "actor", "issue", "indicator", "scenario", "signpost")
    }
    for kind, name, field in [
        ("source", "sources.yaml", "sources"),
        ("actor", "actors.yaml", "actors"),
        ("issue", "issues.yaml", "issues"),
        ("indicator", "indicators.yaml", "indicators"),
    ]:
        for index, item in enumerate(_items(parsed, name, field)):
            declared[kind].append((parsed[name], (field, index, "id"), item.id))
    for item in scenarios:
        scenario: Scenario = item.model  # type: ignore[assignment]
        declared["scenario"].append((item, ("id",), scenario.id))
        for index, signpost in enumerate(scenario.signposts):
            declared["signpost"].append((item, ("signposts", index, "id"), signpost.id))
    for kind, entries in declared.items():
        problems.extend(_duplicates(kind, entries))
    for name, field in [("drafts.yaml", "drafts"), ("observed.yaml", "observations")]:
        entries = [
            (parsed[name], (field, i, "id"), x.id)
            for i, x in enumerate(_items(parsed, name, field))
        ]
        problems.extend(_duplicates(field[:-1], entries))
    history = [
        (parsed["events.yaml"], ("events", i, "id"), e.id)
        for i, e in enumerate(_items(parsed, "events.yaml", "events"))
    ]
    labels = [(item, ("label",), item.model.label) for item in scenarios]  # type: ignore[attr-defined]
    problems.extend(_duplicates("scenario label", labels))
    for item in scenarios:
        own = [(item, ("events", i, "id"), e.id) for i, e in enumerate(item.model.events)]  # type: ignore[attr-defined]
        problems.extend(_duplicates("event", history + own))
    stances = [
        (parsed["positions.yaml"], ("stances", i), f"{s.actor}/{s.issue}")
        for i, s in enumerate(_items(parsed, "positions.yaml", "stances"))
    ]
    problems.extend(_duplicates("stance for actor/issue", stances))

    ids = {kind: {entry[2] for entry in entries} for kind, entries in declared.items()}
    for item in [*parsed.values(), *scenarios]:
        for loc, kind, ref in iter_references(item.model):
            if ref not in ids[kind]:
                problems.append(item.problem(loc, f"{ref!r} is not a known {kind} id"))
    problems.extend(_scenario_rules(parsed, scenarios))
    if "cib.yaml" in parsed:
        problems.extend(_cib_rules(parsed["cib.yaml"]))
    return problems


def _duplicates(kind: str, entries: Iterable[tuple[_Parsed, Loc, str]]) -> list[Problem]:
    entries = list(entries)
    counts = Counter(entry[2] for entry in entries)
    seen: dict[str, str] = {}
    problems = []
    for item, loc, value in entries:
        if counts[value] < 2:
            continue
        where = item.problem(loc, "")
        if value in seen:
            problems.append(
                item.problem(loc, f"duplicate {kind} {value!r} (first at {seen[value]})")
            )
        else:
            seen[value] = f"{where.file}:{where.line}"
    return problems


def _scenario_rules(parsed: dict[str, _Parsed], scenarios: list[_Parsed]) -> list[Problem]:
    problems = []
    info: SetInfo = parsed["set.yaml"].model  # type: ignore[assignment]
    if info.default_pair[0] == info.default_pair[1]:
        problems.append(
            parsed["set.yaml"].problem(("default_pair",), "names the same scenario twice")
        )
    parents = {s.model.id: s.model.parent for s in scenarios}  # type: ignore[attr-defined]
    for item in scenarios:
        seen, current = set(), item.model.id  # type: ignore[attr-defined]
        while current is not None and current not in seen:
            seen.add(current)
            current = parents.get(current)
        if current is not None:
            problems.append(item.problem(("parent",), "parents form a cycle"))
    return problems


def _cib_rules(item: _Parsed) -> list[Problem]:
    """Every descriptor and variant named in a section or scenario map must be declared."""
    cib: CibFile = item.model  # type: ignore[assignment]
    variants = {d.name: d.variants for d in cib.descriptors}
    problems = [
        item.problem(("descriptors", i, "name"), f"duplicate descriptor {d.name!r}")
        for i, d in enumerate(cib.descriptors)
        if [x.name for x in cib.descriptors].count(d.name) > 1 and cib.descriptors.index(d) != i
    ]

    def check(loc: Loc, descriptor: str, variant: str | None = None) -> None:
        if descriptor not in variants:
            problems.append(item.problem(loc, f"{descriptor!r} is not a descriptor of this matrix"))
        elif variant is not None and variant not in variants[descriptor]:
            known = ", ".join(variants[descriptor])
            problems.append(
                item.problem(loc, f"{variant!r} is not a variant of {descriptor!r} ({known})")
            )

    for index, section in enumerate(cib.sections):
        where = ("sections", index)
        check((*where, "impacting"), section.impacting)
        check((*where, "impacted"), section.impacted)
        for variant, row in section.impacts.items():
            check((*where, "impacts", variant), section.impacting, variant)
            for target in row:
                check((*where, "impacts", variant, target), section.impacted, target)
    for index, mapping in enumerate(cib.scenarios):
        for descriptor, variant in mapping.variants.items():
            check(("scenarios", index, "variants", descriptor), descriptor, variant)
        missing = [d for d in variants if d not in mapping.variants]
        if missing:
            problems.append(
                item.problem(
                    ("scenarios", index, "variants"), f"no variant for {', '.join(missing)}"
                )
            )
    return problems


def _assemble(
    set_id: str, parsed: dict[str, _Parsed], scenarios: list[_Parsed], digest: str
) -> ScenarioSet:
    return ScenarioSet(
        id=set_id,
        info=parsed["set.yaml"].model,
        sources=_items(parsed, "sources.yaml", "sources"),
        actors=_items(parsed, "actors.yaml", "actors"),
        issues=_items(parsed, "issues.yaml", "issues"),
        stances=_items(parsed, "positions.yaml", "stances"),
        drafts=_items(parsed, "drafts.yaml", "drafts"),
        history=_items(parsed, "events.yaml", "events"),
        indicators=_items(parsed, "indicators.yaml", "indicators"),
        scenarios=tuple(item.model for item in scenarios),
        observations=_items(parsed, "observed.yaml", "observations"),
        council_record=_items(parsed, "council-record.yaml", "votes"),
        cib=parsed["cib.yaml"].model if "cib.yaml" in parsed else None,
        content_hash=digest,
    )
