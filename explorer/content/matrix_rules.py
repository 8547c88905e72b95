"""The rules of a set's cross-impact matrix file (cib.yaml) beyond its model: names a link can
tell apart, a size the search can bear, judgments within the matrix's scale."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from explorer.content.files import CibFile
from explorer.content.parsed import Parsed
from explorer.content.problems import Loc, Problem


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


def cib_rules(item: Parsed) -> list[Problem]:
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
