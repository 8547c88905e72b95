"""The one published likelihood scale every set writes in: ICD 203's words and bands.

US Intelligence Community Directive 203 (Analytic Standards) pairs each likelihood word with a
synonym and a band of probability. A scenario's ``likelihood.label`` is one of those words or
synonyms; anything else is refused with the scale's words, so a reader can always turn a word
back into its band.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import PlainValidator, WithJsonSchema

LIKELIHOOD_SCALE = "ICD 203"
LIKELIHOOD_SCALE_TITLE = "US Intelligence Community Directive 203, Analytic Standards"
LIKELIHOOD_SCALE_URL = "https://www.dni.gov/files/documents/ICD/ICD-203.pdf"


@dataclass(frozen=True)
class LikelihoodBand:
    """One step of the scale: its word, its synonym and its band in per cent."""

    word: str
    synonym: str
    low: int
    high: int

    @property
    def range(self) -> str:
        """The band as a reader sees it: ``55-80 %``."""
        return f"{self.low}-{self.high} %"


LIKELIHOOD_BANDS: tuple[LikelihoodBand, ...] = (
    LikelihoodBand("almost no chance", "remote", 1, 5),
    LikelihoodBand("very unlikely", "highly improbable", 5, 20),
    LikelihoodBand("unlikely", "improbable", 20, 45),
    LikelihoodBand("roughly even chance", "roughly even odds", 45, 55),
    LikelihoodBand("likely", "probable", 55, 80),
    LikelihoodBand("very likely", "highly probable", 80, 95),
    LikelihoodBand("almost certain", "nearly certain", 95, 99),
)
LIKELIHOOD_WORDS: dict[str, LikelihoodBand] = {
    word: band for band in LIKELIHOOD_BANDS for word in (band.word, band.synonym)
}
"""Every word a set may write (the scale's words and their synonyms) -> its band."""


def likelihood_band(word: str) -> LikelihoodBand:
    """The band of a word or synonym of the scale (``KeyError`` for any other word)."""
    return LIKELIHOOD_WORDS[word]


def described_likelihood(word: str) -> str:
    """A likelihood word with its band and the scale's name: ``likely (55-80 %, ICD 203)``;
    a synonym names its word too: ``probable (likely, 55-80 %, ICD 203)``."""
    band = LIKELIHOOD_WORDS[word]
    named = "" if word == band.word else f"{band.word}, "
    return f"{word} ({named}{band.range}, {LIKELIHOOD_SCALE})"


def likelihood_scale_words() -> str:
    """The scale's words with their bands and synonyms, for a message or a legend."""
    return "; ".join(f"{b.word} or {b.synonym} ({b.range})" for b in LIKELIHOOD_BANDS)


def _on_the_scale(value: object) -> str:
    if isinstance(value, str) and value.strip() in LIKELIHOOD_WORDS:
        return value.strip()
    raise ValueError(
        f"{value!r} is not a word of the {LIKELIHOOD_SCALE} likelihood scale "
        f"({LIKELIHOOD_SCALE_TITLE}, {LIKELIHOOD_SCALE_URL}); use one of: "
        f"{likelihood_scale_words()}"
    )


LikelihoodLabel = Annotated[
    str,
    PlainValidator(_on_the_scale),
    WithJsonSchema(
        {
            "enum": list(LIKELIHOOD_WORDS),
            "description": f"A word of the {LIKELIHOOD_SCALE} likelihood scale "
            f"({LIKELIHOOD_SCALE_URL}).",
        }
    ),
]
"""A likelihood word: one of the scale's words or synonyms."""
