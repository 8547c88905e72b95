"""Read one scenario-set folder into a ``ScenarioSet``, or report every problem in it.

A set is a folder of YAML files (see README.md, "Add a scenario set"). Loading never raises on
bad content: each problem names the file, the line and the field. A set with any problem is
not returned, so nothing half-checked reaches the page. A set over an item cap
(``explorer.content.limits``: scenario files, values across its files) is refused as soon as
it passes it, before the rest is validated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, TypeAdapter, ValidationError

from explorer.content import parsecache
from explorer.content import yamlfile as yamlfile
from explorer.content.decisions import BodiesFile, default_body
from explorer.content.entities import SetInfo
from explorer.content.files import (
    ActorsFile,
    CibFile,
    CouncilRecordFile,
    DraftsFile,
    EventsFile,
    IndicatorsFile,
    IssuesFile,
    ObservedFile,
    PositionsFile,
    ScenarioSet,
    SourcesFile,
)
from explorer.content.folder import content_hash, read_folder
from explorer.content.limits import MAX_SCENARIOS, MAX_SET_VALUES, too_many_values
from explorer.content.parsed import Parsed, items
from explorer.content.problems import Problem
from explorer.content.rules import check_references
from explorer.content.scenario import Scenario
from explorer.content.terms import repeated_terms
from explorer.content.types import Id
from explorer.content.validation import validate
from explorer.content.vocabulary import VocabularyFile, resolve, term_ids

SCENARIO_DIR = "scenarios"
REQUIRED_FILES: dict[str, type[BaseModel]] = {
    "set.yaml": SetInfo,
    "sources.yaml": SourcesFile,
    "actors.yaml": ActorsFile,
    "issues.yaml": IssuesFile,
}
OPTIONAL_FILES: dict[str, type[BaseModel]] = {
    "positions.yaml": PositionsFile,
    "bodies.yaml": BodiesFile,
    "drafts.yaml": DraftsFile,
    "events.yaml": EventsFile,
    "indicators.yaml": IndicatorsFile,
    "observed.yaml": ObservedFile,
    "council-record.yaml": CouncilRecordFile,
    "cib.yaml": CibFile,
    "vocabulary.yaml": VocabularyFile,
}
_DECLARED_IN = {
    "source": "sources.yaml",
    "actor": "actors.yaml",
    "body": "bodies.yaml",
    "issue": "issues.yaml",
    "indicator": "indicators.yaml",
    "scenario": SCENARIO_DIR,
    "signpost": SCENARIO_DIR,
}
_ID = TypeAdapter(Id)


@dataclass(frozen=True)
class LoadResult:
    set: ScenarioSet | None
    problems: tuple[Problem, ...]


def load_set(folder: Path, shown_as: str | None = None) -> LoadResult:
    """Load the set in ``folder``; problems are shown relative to ``shown_as``. Its files are
    parsed once per version and parser, and kept on disk (``parsecache``)."""
    label = shown_as or str(folder)
    files = read_folder(folder)
    if isinstance(files, Problem):
        return LoadResult(None, (files,))
    return load_files(folder.name, files, label, parsecache.parse)


def load_files(
    set_id: str,
    files: Mapping[str, bytes],
    shown_as: str,
    parser: Callable[[bytes], yamlfile.YamlDocument] = yamlfile.parse,
) -> LoadResult:
    """Load a set from its files in memory (also used for uploads, with the default
    ``parser``: nothing touches the disk)."""
    problems: list[Problem] = []
    scenario_files = sum(1 for name in files if _is_scenario(PurePosixPath(name)))
    if scenario_files > MAX_SCENARIOS:
        message = f"{scenario_files:,} scenario files; the limit is {MAX_SCENARIOS:,}; refused"
        return LoadResult(None, (Problem(f"{shown_as}/{SCENARIO_DIR}/", None, "", message),))
    values = 0
    if not is_id(set_id):
        problems.append(Problem(shown_as, None, "", f"{set_id!r} is not a valid set folder name"))
    parsed: dict[str, Parsed] = {}
    scenarios: list[Parsed] = []
    unreadable: set[str] = set()
    known = {**REQUIRED_FILES, **OPTIONAL_FILES}
    context: dict[str, object] = {"terms": term_ids(None)}
    for name in sorted(files, key=lambda n: (n != "vocabulary.yaml", n)):
        where = f"{shown_as}/{name}"
        path = PurePosixPath(name)
        is_scenario = _is_scenario(path)
        model = Scenario if is_scenario else known.get(name)
        if model is None:
            problems.append(Problem(where, None, "", f"unknown file; a set holds {_file_list()}"))
            continue
        doc = yamlfile.read(files[name], where, parser)
        values += 0 if isinstance(doc, Problem) else doc.values
        if values > MAX_SET_VALUES:
            return LoadResult(None, (Problem(where, None, "", too_many_values(values)),))
        result = [doc] if isinstance(doc, Problem) else validate(model, doc, where, context)
        if isinstance(result, list) or isinstance(doc, Problem):
            problems.extend(result if isinstance(result, list) else [])
            unreadable.add(SCENARIO_DIR if is_scenario else name)
            if name == "vocabulary.yaml":
                context = {"terms": None}
            continue
        item = Parsed(where, result, doc)
        if is_scenario:
            scenarios.append(item)
            if result.id != path.stem:  # type: ignore[attr-defined]
                problems.append(item.problem(("id",), f"must match the file name ({path.stem!r})"))
        else:
            parsed[name] = item
        if name == "vocabulary.yaml":
            context = {"terms": term_ids(result)}  # type: ignore[arg-type]
            problems.extend(repeated_terms(item))
    for name in REQUIRED_FILES:
        if name not in files:
            problems.append(Problem(f"{shown_as}/{name}", None, "", "required file is missing"))
            unreadable.add(name)
    if not any(PurePosixPath(n).parent.as_posix() == SCENARIO_DIR for n in files):
        problems.append(Problem(f"{shown_as}/{SCENARIO_DIR}/", None, "", "no scenario file found"))
    unread = frozenset(kind for kind, name in _DECLARED_IN.items() if name in unreadable)
    problems.extend(check_references(parsed, scenarios, unread))
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


def _is_scenario(path: PurePosixPath) -> bool:
    return path.parent.as_posix() == SCENARIO_DIR and path.suffix in {".yaml", ".yml"}


def _file_list() -> str:
    return ", ".join([*REQUIRED_FILES, *OPTIONAL_FILES, f"{SCENARIO_DIR}/*.yaml"])


def _vocabulary(parsed: dict[str, Parsed]) -> VocabularyFile | None:
    item = parsed.get("vocabulary.yaml")
    return item.model if item else None  # type: ignore[return-value]


def _assemble(
    set_id: str, parsed: dict[str, Parsed], scenarios: list[Parsed], digest: str
) -> ScenarioSet:
    return ScenarioSet(
        id=set_id,
        info=parsed["set.yaml"].model,
        sources=items(parsed, "sources.yaml", "sources"),
        actors=items(parsed, "actors.yaml", "actors"),
        issues=items(parsed, "issues.yaml", "issues"),
        stances=items(parsed, "positions.yaml", "stances"),
        drafts=items(parsed, "drafts.yaml", "drafts"),
        bodies=_bodies(parsed),
        history=items(parsed, "events.yaml", "events"),
        indicators=items(parsed, "indicators.yaml", "indicators"),
        scenarios=tuple(item.model for item in scenarios),
        observations=items(parsed, "observed.yaml", "observations"),
        council_record=items(parsed, "council-record.yaml", "votes"),
        cib=parsed["cib.yaml"].model if "cib.yaml" in parsed else None,
        vocabulary=resolve(_vocabulary(parsed), items(parsed, "actors.yaml", "actors")),
        content_hash=digest,
    )


def _bodies(parsed: dict[str, Parsed]) -> tuple:
    if "bodies.yaml" in parsed:
        return items(parsed, "bodies.yaml", "bodies")
    body = default_body(items(parsed, "actors.yaml", "actors"))
    return () if body is None else (body,)
