"""Read and write ScenarioWizard project files (``.scw``).

ScenarioWizard (Weimer-Jehle, ZIRIUS, University of Stuttgart) is the desktop tool for CIB. Its
manual (4.1, appendix 1) says project files are text files; no full specification was
available, so this module implements the layout seen in public ScenarioWizard 4.0 files
(github.com/sei-international/cibsa, ``sample_files/*.scw``) and in the parsers of
two independent CIB packages. Verified against those files:

- line 1 ``$ ScenarioWizard <version>``, line 2 the file name;
- section 1: ``&<descriptor>`` then `` -<variant>`` lines, ended by a line ``#``;
- after four more ``#``-terminated sections, the matrix: one line per impacting variant, the
  judgments on every variant (self blocks included) separated by commas (`` 0 ,-2 , 1 ``), in
  descriptor order, ended by ``#``. In the samples, values may exceed +-3, so any whole number
  up to ``MAX_JUDGMENT`` is read. The file states no scale that this module could find, so the
  matrix's scale is inferred from its largest judgment, never below the default of 3;
- then texts, each a ``# label`` line followed by a quoted line: one first (``# 0-0``), one per
  descriptor, then one per ordered pair of descriptors, impacting-major, self pairs included
  (checked on a sample whose only text sits at pair (8, 6) of 15 descriptors);

Assumed, not verified: that section 2 holds long names in the shape of section 1 (``&<name>``,
then one line per variant; empty in every sample), that sections 3-5 hold nothing this module
needs (section 4 holds one colour per variant, ``FFFFFF`` in the samples), what the ``0-0`` text
means, and how ScenarioWizard escapes quotes or line breaks in texts: on writing, double quotes
become single quotes and line breaks spaces. The writer produces the sample layout, with long
names equal to the names.

Files are untrusted input: only plain text is parsed (no XML, nothing evaluated), within
``MAX_BYTES``; descriptors and variants beyond ``explorer.cib.limits`` are refused before the
matrix is read, and every problem raises ``ScwError`` with the line it is on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from explorer.cib.limits import DEFAULT_SCALE, MAX_SCALE, check_size
from explorer.cib.matrix import CibError, CrossImpactMatrix, Descriptor

MAX_BYTES = 5_000_000
MAX_JUDGMENT = MAX_SCALE
HEADER = "$ ScenarioWizard"
_UNSAFE_START = ("#", "&", "-", '"')


class ScwError(CibError):
    """A ScenarioWizard file that cannot be read or a matrix that cannot be written as one."""


@dataclass(frozen=True)
class ScwProject:
    """What a project file holds that this app uses: the matrix and its texts."""

    matrix: CrossImpactMatrix
    descriptions: dict[str, str] = field(default_factory=dict)
    rationales: dict[tuple[str, str], str] = field(default_factory=dict)


def file_lines(raw: bytes | str) -> list[str]:
    """The lines of a file, decoded as UTF-8 or else as Windows-1252 (ScenarioWizard is a
    Windows program), refusing what is too big or binary."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise ScwError(f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raw = raw.decode("cp1252", errors="replace")
    if len(raw) > MAX_BYTES:
        raise ScwError(f"the file is {len(raw):,} characters; the limit is {MAX_BYTES:,}")
    if "\0" in raw:
        raise ScwError("this is not a text file")
    lines = raw.splitlines()
    if not lines or not lines[0].startswith(HEADER):
        raise ScwError(f"line 1: not a ScenarioWizard file (it begins with {HEADER!r})")
    return lines


class _Lines:
    """The lines of a file with their numbers, read front to back."""

    def __init__(self, lines: list[str], start: int) -> None:
        self.lines, self.at = lines, start

    def __iter__(self) -> Iterator[tuple[int, str]]:
        while self.at < len(self.lines):
            self.at += 1
            yield self.at, self.lines[self.at - 1]

    def section(self, what: str) -> list[tuple[int, str]]:
        """The lines up to the next ``#`` line (consumed); an error if there is none."""
        out = []
        for number, line in self:
            if line.strip().startswith("#"):
                return out
            out.append((number, line))
        raise ScwError(f"the file ends inside the {what}; a line '#' should close it")


def _structure(lines: list[tuple[int, str]]) -> list[tuple[str, list[str]]]:
    descriptors: list[tuple[str, list[str]]] = []
    for number, line in lines:
        text = line.strip()
        if not text:
            continue
        if text.startswith("&"):
            descriptors.append((text[1:].strip(), []))
        elif text.startswith("-") and descriptors:
            descriptors[-1][1].append(text[1:].strip())
        else:
            raise ScwError(f"line {number}: expected '&descriptor' or ' -variant', not {text!r}")
    if not descriptors:
        raise ScwError("the file declares no descriptor")
    return descriptors


def _long_names(
    lines: list[tuple[int, str]], short: list[tuple[str, list[str]]]
) -> list[tuple[str, list[str]]]:
    """Section 2 (assumed: long names); blank names fall back to the short ones."""
    named: list[tuple[str, list[str]]] = []
    for number, line in lines:
        if line.startswith("&"):
            named.append((line[1:].strip(), []))
        elif named:
            named[-1][1].append(line.strip())
        elif line.strip():
            raise ScwError(f"line {number}: expected '&' to open a descriptor's long names")
    if not named:
        return short
    if [len(v) for _, v in named] != [len(v) for _, v in short]:
        raise ScwError("the long names do not match the descriptors and variants of section 1")
    return [
        (name or short_name, [v or w for v, w in zip(variants, short_variants, strict=True)])
        for (name, variants), (short_name, short_variants) in zip(named, short, strict=True)
    ]


def _matrix_rows(lines: list[tuple[int, str]], size: int) -> tuple[tuple[int, ...], ...]:
    rows = []
    for number, line in lines:
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split(",")]
        if not all(re.fullmatch(r"-?\d{1,6}", cell) for cell in cells):
            raise ScwError(f"line {number}: a matrix row holds whole numbers separated by commas")
        values = tuple(int(cell) for cell in cells)
        if len(values) != size or any(abs(v) > MAX_JUDGMENT for v in values):
            raise ScwError(
                f"line {number}: expected {size} judgments of at most {MAX_JUDGMENT} in size"
            )
        rows.append(values)
    if len(rows) != size:
        raise ScwError(f"the matrix has {len(rows)} rows; the descriptors need {size}")
    return tuple(rows)


def _texts(rest: _Lines) -> list[str]:
    """The quoted texts after the matrix, in order (a text may run over several lines)."""
    texts: list[str] = []
    pending: list[str] | None = None
    for _, line in rest:
        if pending is not None:
            pending.append(line)
            if line.rstrip().endswith('"'):
                texts.append("\n".join(pending).strip()[1:-1])
                pending = None
        elif line.startswith('"'):
            stripped = line.rstrip()
            if len(stripped) > 1 and stripped.endswith('"'):
                texts.append(stripped[1:-1])
            else:
                pending = [line]
    return texts


def read_scw(raw: bytes | str) -> ScwProject:
    """Read a ScenarioWizard project file.

    Raises
    ------
    ScwError
        With the line number, for anything that does not fit the layout above.
    """
    rest = _Lines(file_lines(raw), 2)
    short = _structure(rest.section("list of descriptors"))
    try:
        check_size([(name, len(variants)) for name, variants in short])
    except CibError as err:
        raise ScwError(f"the matrix is too large to explore here: {err}") from None
    names = _long_names(rest.section("long names"), short)
    for what in ("third section", "list of colours", "fifth section"):
        rest.section(what)
    size = sum(len(variants) for _, variants in names)
    cells = _matrix_rows(rest.section("cross-impact matrix"), size)
    scale = max(DEFAULT_SCALE, *(abs(value) for row in cells for value in row))
    try:
        descriptors = tuple(Descriptor(n, tuple(v)) for n, v in names)
        matrix = CrossImpactMatrix(descriptors, cells, scale)
    except CibError as err:
        raise ScwError(f"the matrix cannot be used: {err}") from None
    texts = _texts(rest)
    count = len(names)
    if len(texts) != 1 + count + count * count:
        return ScwProject(matrix)
    descriptions = {n: t for (n, _), t in zip(names, texts[1 : 1 + count], strict=True) if t}
    pairs = [(a, b) for a, _ in names for b, _ in names]
    rationales = {p: t for p, t in zip(pairs, texts[1 + count :], strict=True) if t}
    return ScwProject(matrix, descriptions, rationales)


def _name(text: str) -> str:
    if not text.strip() or "\n" in text or "\r" in text or text.strip().startswith(_UNSAFE_START):
        raise ScwError(
            f"{text!r} cannot be written as a ScenarioWizard name (no line breaks, and not "
            "starting with # & - or a double quote)"
        )
    return text.strip()


def _quoted(text: str) -> str:
    return '"' + " ".join(text.replace('"', "'").split()) + '"'


def write_scw(
    m: CrossImpactMatrix,
    *,
    descriptions: Mapping[str, str] | None = None,
    rationales: Mapping[tuple[str, str], str] | None = None,
    file_name: str = "cib.scw",
) -> str:
    """The matrix as a ScenarioWizard project file, with optional texts per descriptor and per
    (impacting, impacted) pair. Raises ``ScwError`` for a name the format cannot hold."""
    descriptions, rationales = descriptions or {}, rationales or {}
    names = [(_name(d.name), [_name(v) for v in d.variants]) for d in m.descriptors]
    lines = [f"{HEADER} 4.0", _name(file_name)]
    for name, variants in names:
        lines += [f"&{name}", *(f" -{v}" for v in variants)]
    lines.append("#")
    for name, variants in names:
        lines += [f"&{name}", *(f" {v}" for v in variants)]
    lines += ["#", "#", *(["FFFFFF"] * len(m.cells)), "#", "#"]
    lines += [",".join(f"{value:2d} " for value in row) for row in m.cells]
    lines += ["#", "# 0-0", '""']
    for descriptor in m.descriptors:
        lines += [f"# {descriptor.name}", _quoted(descriptions.get(descriptor.name, ""))]
    for a in m.descriptors:
        for b in m.descriptors:
            text = rationales.get((a.name, b.name), "")
            lines += [f"# {a.name} -> {b.name}", _quoted(text)]
    lines += ["#", "#"]
    return "\r\n".join(lines) + "\r\n"
