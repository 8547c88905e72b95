"""The checks that span a set's files: duplicate ids, dangling references, scenario rules
(default pair, parent cycles), decisions (a known body, votes by its members) and the
cross-impact matrix's own names.

They run on the files that passed their model, even when others did not, so one run reports
every problem; a reference into a file that could not be read is left unchecked rather than
reported as unknown. Every problem points at its line.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

from explorer.content import yamlfile as yamlfile
from explorer.content.decisions import Body, default_body
from explorer.content.entities import SetInfo
from explorer.content.matrix_rules import cib_rules
from explorer.content.parsed import Parsed, items
from explorer.content.problems import Loc, Problem
from explorer.content.references import iter_references
from explorer.content.scenario import Scenario
from explorer.content.texts import Draft, as_written


def check_references(
    parsed: dict[str, Parsed], scenarios: list[Parsed], unread: frozenset[str] = frozenset()
) -> list[Problem]:
    """Duplicate ids, dangling references and set-level rules, each pointing at its line.

    ``unread`` holds the kinds (``"actor"``, ``"scenario"``...) whose declaring file could not
    be read: references to them are not checked."""
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
        problems.extend(duplicates(kind, entries))
    for kind, name, field, key in [
        ("actor name", "actors.yaml", "actors", "name"),
        ("issue label", "issues.yaml", "issues", "label"),
        ("indicator label", "indicators.yaml", "indicators", "label"),
    ]:
        entries = [
            (parsed[name], (field, i, key), getattr(x, key))
            for i, x in enumerate(items(parsed, name, field))
        ]
        problems.extend(duplicates(kind, entries))
    for name, field in [
        ("bodies.yaml", "bodies"),
        ("drafts.yaml", "drafts"),
        ("observed.yaml", "observations"),
    ]:
        entries = [
            (parsed[name], (field, i, "id"), x.id) for i, x in enumerate(items(parsed, name, field))
        ]
        problems.extend(duplicates(field[:-1], entries))
    history = [
        (parsed["events.yaml"], ("events", i, "id"), e.id)
        for i, e in enumerate(items(parsed, "events.yaml", "events"))
    ]
    labels = [(item, ("label",), item.model.label) for item in scenarios]  # type: ignore[attr-defined]
    problems.extend(duplicates("scenario label", labels))
    for item in scenarios:
        own = [(item, ("events", i, "id"), e.id) for i, e in enumerate(item.model.events)]  # type: ignore[attr-defined]
        problems.extend(duplicates("event", history + own))
    stances = [
        (parsed["positions.yaml"], ("stances", i), f"{s.actor}/{s.issue} as of {s.as_of}")
        for i, s in enumerate(items(parsed, "positions.yaml", "stances"))
    ]
    problems.extend(duplicates("stance for actor/issue", stances))

    ids = {kind: {entry[2] for entry in entries} for kind, entries in declared.items()}
    for item in [*parsed.values(), *scenarios]:
        for loc, kind, ref in iter_references(item.model):
            if ref not in ids[kind] and kind not in unread:
                problems.append(
                    item.problem(_as_written(item, loc), f"{ref!r} is not a known {kind} id")
                )
    if "set.yaml" in parsed:
        problems.extend(_scenario_rules(parsed, scenarios))
        problems.extend(_resolution_rules(parsed, scenarios))
    if not {"actor", "body"} & unread and "actors.yaml" in parsed:
        problems.extend(_decision_rules(parsed))  # no knock-on of an unread actors or bodies file
    if "cib.yaml" in parsed:
        problems.extend(cib_rules(parsed["cib.yaml"]))
    return problems


def _as_written(item: Parsed, loc: Loc) -> Loc:
    return as_written(loc, item.doc.lines)


def same_key(value: str) -> str:
    """``value`` as duplicates are compared: in one Unicode form (NFC) and case-folded, so
    that "Café" composed or decomposed and "CAFÉ" are the same."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", value).casefold())


def duplicates(kind: str, entries: Iterable[tuple[Parsed, Loc, str]]) -> list[Problem]:
    """Each repeat of a value, naming where it first appeared. Values equal once Unicode form
    and case are ignored (``same_key``) are repeats too."""
    entries = list(entries)
    counts = Counter(same_key(entry[2]) for entry in entries)
    seen: dict[str, tuple[str, str]] = {}
    problems = []
    for item, loc, value in entries:
        key = same_key(value)
        if counts[key] < 2:
            continue
        if key not in seen:
            where = item.problem(loc, "")
            seen[key] = (value, f"{where.file}:{where.line}")
            continue
        first, where_first = seen[key]
        message = (
            f"duplicate {kind} {value!r} (first at {where_first})"
            if value == first
            else f"{value!r} is the same {kind.split()[-1]} as {first!r} ({where_first}) "
            "once case and accents' encoding are ignored"
        )
        problems.append(item.problem(loc, message))
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


def _resolution_rules(parsed: dict[str, Parsed], scenarios: list[Parsed]) -> list[Problem]:
    """A scheduled or projected event whose date passed before the set's ``as_of`` says what
    became of it (``resolution``): content as of a date does not leave it pending. A
    counterfactual's events are what would have followed, not pending: they are left alone."""
    as_of = parsed["set.yaml"].model.as_of  # type: ignore[attr-defined]
    held = (
        [(parsed["events.yaml"], items(parsed, "events.yaml", "events"))]
        if ("events.yaml" in parsed)
        else []
    )
    held += [
        (item, item.model.events)  # type: ignore[attr-defined]
        for item in scenarios
        if item.model.status != "counterfactual"  # type: ignore[attr-defined]
    ]
    problems = []
    for item, events in held:
        for index, event in enumerate(events):
            if event.certainty == "observed" or event.resolution or event.due >= as_of:
                continue
            message = (
                f"event {event.id!r} is still {event.certainty} although its date ({event.when}) "
                f"is before the set's as_of ({as_of}): mark it observed if it happened, or give "
                "a resolution (outcome: did not happen, with a source, or not found)"
            )
            problems.append(item.problem(("events", index), message))
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
