"""A matrix to and from a set's ``cib.yaml`` model (``CibFile``): the set's own judgments in,
an uploaded ScenarioWizard project out as a set's file."""

from __future__ import annotations

from explorer.cib.matrix import CibError, CrossImpactMatrix, Descriptor, Judgment, build
from explorer.cib.scw import ScwProject
from explorer.content import CibDescriptor, CibFile, CibSection


def from_cib_file(cib: CibFile) -> CrossImpactMatrix:
    """The matrix of a set's ``cib.yaml``. Raises ``CibError`` if two sections judge the same
    pair of descriptors or a name is unknown (the loader reports the latter with its line)."""
    descriptors = [Descriptor(d.name, d.variants) for d in cib.descriptors]
    judgments: dict[Judgment, int] = {}
    pairs: set[tuple[str, str]] = set()
    for section in cib.sections:
        pair = (section.impacting, section.impacted)
        if pair in pairs:
            raise CibError(f"two sections judge how {pair[0]!r} acts on {pair[1]!r}")
        pairs.add(pair)
        for variant, row in section.impacts.items():
            for target, value in row.items():
                judgments[(section.impacting, variant, section.impacted, target)] = value
    return build(descriptors, judgments, cib.scale)


def to_cib_file(project: ScwProject, name: str) -> CibFile:
    """The project as the set's ``cib.yaml`` model: one section per pair of descriptors with a
    judgment, its rationale from the file (or a note that it gave none)."""
    m = project.matrix
    sections = []
    for source in m.descriptors:
        for target in m.descriptors:
            impacts = {
                a: {b: m.judgment((source.name, a, target.name, b)) for b in target.variants}
                for a in source.variants
            }
            if any(value for row in impacts.values() for value in row.values()):
                rationale = project.rationales.get((source.name, target.name), "").strip()
                sections.append(
                    CibSection(
                        impacting=source.name,
                        impacted=target.name,
                        rationale=rationale or f"As given in {name}, without a rationale.",
                        impacts=impacts,
                    )
                )
    return CibFile(
        title=f"Cross-impact matrix imported from {name}",
        judgment=f"The judgments of the uploaded ScenarioWizard file {name}, as given there; "
        "they are not the project's.",
        scale=m.scale,
        descriptors=tuple(
            CibDescriptor(
                name=d.name,
                variants=d.variants,
                description=project.descriptions.get(d.name) or None,
            )
            for d in m.descriptors
        ),
        sections=tuple(sections),
    )
