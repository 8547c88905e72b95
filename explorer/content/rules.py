"""The checks that span a set's files: duplicate ids, dangling references, scenario rules
(default pair, parent cycles) and the cross-impact matrix's own names.

They run on the files that passed their model, even when others did not, so one run reports
every problem; a reference into a file that could not be read is left unchecked rather than
reported as unknown. Every problem points at its line.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from explorer.content import yamlfile as yamlfile
from explorer.content.entities import SetInfo
from explorer.content.files import CibFile
from explorer.content.problems import Loc, Problem, field_path
from explorer.content.references import iter_references
from explorer.content.scenario import Scenario


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
    for name, field in [("drafts.yaml", "drafts"), ("observed.yaml", "observations")]:
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
                problems.append(item.problem(loc, f"{ref!r} is not a known {kind} id"))
    if "set.yaml" in parsed:
        problems.extend(_scenario_rules(parsed, scenarios))
    if "cib.yaml" in parsed:
        problems.extend(_cib_rules(parsed["cib.yaml"]))
    return problems


def duplicates(kind: str, entries: Iterable[tuple[Parsed, Loc, str]]) -> list[Problem]:
    """Each repeat of a value, naming where it first appeared."""
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


def _token(name: str) -> str:
    """A name's URL token. Imported here, not at the top: ``explorer.formats`` imports
    ``explorer.content``, which imports this module."""
    from explorer.formats import slug

    return slug(name)


def same_in_link(names: Sequence[str]) -> list[tuple[int, int]]:
    """Positions ``(first, later)`` of names that differ but that a link cannot tell apart:
    equal after Unicode normalisation (NFKC) and case folding, or with the same URL token
    (``explorer.formats.slug``). Equal names are left to the "duplicate" checks."""
    seen: dict[tuple[str, str], int] = {}
    clashes = []
    for later, name in enumerate(names):
        keys = [("folded", unicodedata.normalize("NFKC", name).casefold()), ("token", _token(name))]
        first = next((seen[k] for k in keys if k in seen and names[seen[k]] != name), None)
        if first is not None:
            clashes.append((first, later))
        for key in keys:
            seen.setdefault(key, later)
    return clashes


def clash_message(kind: str, first: str, later: str) -> str:
    """The words for two names a link cannot tell apart."""
    return (
        f"{kind} {later!r} cannot be told apart from {first!r} in a link (the same name "
        f"ignoring case and Unicode form, or the same URL token {_token(later)!r}); rename one"
    )


def _cib_names(item: Parsed, cib: CibFile) -> list[Problem]:
    """Descriptors, and variants within a descriptor, that a link cannot tell apart."""
    names = [d.name for d in cib.descriptors]
    problems = [
        item.problem(
            ("descriptors", later, "name"),
            clash_message("descriptor", names[first], names[later]),
        )
        for first, later in same_in_link(names)
    ]
    for i, descriptor in enumerate(cib.descriptors):
        variants = descriptor.variants
        problems += [
            item.problem(
                ("descriptors", i, "variants", later),
                clash_message(f"variant of {descriptor.name!r}", variants[first], variants[later]),
            )
            for first, later in same_in_link(variants)
        ]
    return problems


def _cib_size(item: Parsed, cib: CibFile) -> list[Problem]:
    """The matrix within the engine's limits on descriptors and variants."""
    # Imported here: explorer.cib imports explorer.content, which imports this module.
    from explorer.cib.limits import CibError, check_size

    try:
        check_size([(d.name, len(d.variants)) for d in cib.descriptors])
    except CibError as err:
        return [item.problem(("descriptors",), f"{err}: too large to explore here")]
    return []


def _cib_scale(item: Parsed, cib: CibFile) -> list[Problem]:
    """Every judgment within the matrix's scale."""
    problems = []
    for index, section in enumerate(cib.sections):
        for variant, row in section.impacts.items():
            for target, value in row.items():
                if abs(value) > cib.scale:
                    problems.append(
                        item.problem(
                            ("sections", index, "impacts", variant, target),
                            f"the judgment of {section.impacting}: {variant} on "
                            f"{section.impacted}: {target} is {value}, outside this matrix's "
                            f"scale -{cib.scale}..{cib.scale} (change it, or widen 'scale')",
                        )
                    )
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

    problems += _cib_size(item, cib) + _cib_names(item, cib) + _cib_scale(item, cib)

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
