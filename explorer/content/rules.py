"""The checks that span a set's files: duplicate ids, dangling references, scenario rules
(default pair, parent cycles), decisions (a known body, votes by its members) and the
cross-impact matrix's own names.

They run on files that each passed their model, and point every problem at its line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel

from explorer.content import yamlfile as yamlfile
from explorer.content.decisions import Body, default_body
from explorer.content.entities import SetInfo
from explorer.content.files import CibFile
from explorer.content.problems import Loc, Problem, field_path
from explorer.content.references import iter_references
from explorer.content.scenario import Scenario
from explorer.content.texts import Draft, as_written


@dataclass(frozen=True)
class Parsed:
    """A validated file with what is needed to point back into it."""

    shown_as: str
    model: BaseModel
    doc: yamlfile.YamlDocument

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.shown_as, self.doc.line_of(loc), field_path(loc), message)


def items(parsed: dict[str, Parsed], name: str, field: str) -> tuple:
    """The records ``field`` of the file ``name``; none when the (optional) file is absent."""
    return getattr(parsed[name].model, field) if name in parsed else ()


def check_references(parsed: dict[str, Parsed], scenarios: list[Parsed]) -> list[Problem]:
    """Duplicate ids, dangling references and set-level rules, each pointing at its line."""
    problems: list[Problem] = []
    declared: dict[str, list[tuple[Parsed, Loc, str]]] = {
        kind: [] for kind in ("source", "actor", "issue", "indicator", "scenario", "signpost")
    }
    for kind, name, field in [
        ("source", "sources.yaml", "sources"),
        ("actor", "actors.yaml", "actors"),
        ("issue", "issues.yaml", "issues"),
        ("indicator", "indicators.yaml", "indicators"),
    ]:
        for index, item in enumerate(items(parsed, name, field)):
            declared[kind].append((parsed[name], (field, index, "id"), item.id))
    for item in scenarios:
        scenario: Scenario = item.model  # type: ignore[assignment]
        declared["scenario"].append((item, ("id",), scenario.id))
        for index, signpost in enumerate(scenario.signposts):
            declared["signpost"].append((item, ("signposts", index, "id"), signpost.id))
    for kind, entries in declared.items():
        problems.extend(_duplicates(kind, entries))
    for name, field in [
        ("bodies.yaml", "bodies"),
        ("drafts.yaml", "drafts"),
        ("observed.yaml", "observations"),
    ]:
        entries = [
            (parsed[name], (field, i, "id"), x.id) for i, x in enumerate(items(parsed, name, field))
        ]
        problems.extend(_duplicates(field[:-1], entries))
    history = [
        (parsed["events.yaml"], ("events", i, "id"), e.id)
        for i, e in enumerate(items(parsed, "events.yaml", "events"))
    ]
    labels = [(item, ("label",), item.model.label) for item in scenarios]  # type: ignore[attr-defined]
    problems.extend(_duplicates("scenario label", labels))
    for item in scenarios:
        own = [(item, ("events", i, "id"), e.id) for i, e in enumerate(item.model.events)]  # type: ignore[attr-defined]
        problems.extend(_duplicates("event", history + own))
    stances = [
        (parsed["positions.yaml"], ("stances", i), f"{s.actor}/{s.issue}")
        for i, s in enumerate(items(parsed, "positions.yaml", "stances"))
    ]
    problems.extend(_duplicates("stance for actor/issue", stances))

    ids = {kind: {entry[2] for entry in entries} for kind, entries in declared.items()}
    for item in [*parsed.values(), *scenarios]:
        for loc, kind, ref in iter_references(item.model):
            if ref not in ids[kind]:
                problems.append(
                    item.problem(_as_written(item, loc), f"{ref!r} is not a known {kind} id")
                )
    problems.extend(_scenario_rules(parsed, scenarios))
    problems.extend(_decision_rules(parsed))
    if "cib.yaml" in parsed:
        problems.extend(_cib_rules(parsed["cib.yaml"]))
    return problems


def _as_written(item: Parsed, loc: Loc) -> Loc:
    return as_written(loc, item.doc.lines)


def _duplicates(kind: str, entries: Iterable[tuple[Parsed, Loc, str]]) -> list[Problem]:
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


def _scenario_rules(parsed: dict[str, Parsed], scenarios: list[Parsed]) -> list[Problem]:
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


def _decision_rules(parsed: dict[str, Parsed]) -> list[Problem]:
    """Each decision names a body of the set (or there is a default one), and its recorded
    vote names only that body's members, each once."""
    if "drafts.yaml" not in parsed:
        return []
    item = parsed["drafts.yaml"]
    bodies: tuple[Body, ...] = items(parsed, "bodies.yaml", "bodies")
    if "bodies.yaml" not in parsed:
        default = default_body(items(parsed, "actors.yaml", "actors"))
        bodies = () if default is None else (default,)
    by_id = {b.id: b for b in bodies}
    actors = {a.id for a in items(parsed, "actors.yaml", "actors")}
    problems = []
    texts: tuple[Draft, ...] = items(parsed, "drafts.yaml", "drafts")
    for index, text in enumerate(texts):
        where: tuple[str | int, ...] = ("drafts", index, "decision")
        if text.decision is None:
            continue
        if not bodies:
            problems.append(
                item.problem(where, "no body decides here: add bodies.yaml, or council_seat")
            )
            continue
        body_id = text.decision.body or bodies[0].id
        if body_id not in by_id:
            known = ", ".join(by_id)
            problems.append(
                item.problem((*where, "body"), f"{body_id!r} is not a known body id ({known})")
            )
            continue
        body, vote, seen = by_id[body_id], text.decision.vote, set()
        for cast in ("yes", "no", "abstain", "absent") if vote else ():
            for position, member in enumerate(getattr(vote, cast)):
                loc = _as_written(item, (*where, "vote", cast, position))
                if member not in actors:
                    continue  # reported as an unknown actor
                if member not in body.members:
                    message = f"{member!r} is not a member of the {body.name} ({body.id})"
                    problems.append(item.problem(loc, message))
                elif member in seen:
                    problems.append(item.problem(loc, f"{member!r} is recorded twice"))
                seen.add(member)
    return problems


def _cib_rules(item: Parsed) -> list[Problem]:
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
