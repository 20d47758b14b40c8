"""ISCN 2020 karyotypes: read them, check them against the GRCh38 bands, and say what they mean.

The model layer: pure functions and frozen dataclasses, no plotting and no printing.

    >>> k = parse_karyotype("47,XY,+21")
    >>> k.chromosome_count, k.sex_chromosomes, k.gains
    (47, 'XY', ('21',))

What is supported (short system only): whole-chromosome gains and losses (+21, -7, +X); the sex
chromosome field (X, XX, XY, XXY, XXX, XYY, XXYY, XXXY, XXXXY ...); haploid to tetraploid counts
(the ploidy is read from the count with ISCN's ranges: up to 34 haploid, 35-57 diploid, 58-80 triploid,
81-103 tetraploid); mosaics and chimeras (``mos``/``chi`` prefix optional) with cell counts ``[n]``; and
the structural changes t, del, dup, inv, i, r, add, der and rob, plus markers (+mar, +2mar, +mar1).

Conventions followed from ISCN:
- the sex-chromosome field lists the normal sex chromosomes that are present; an acquired loss is
  written both ways (45,X,-Y), so ``-X``/``-Y`` do not change the count; a rearranged X or Y is
  written as a change (46,X,i(X)(q10)) and counts as one chromosome;
- every rearrangement replaces the normal chromosomes it is made from, except one written with a
  leading ``+`` (+der(22)t(11;22)(q23;q11.2)), which is an additional chromosome;
- rob() and der(A;B)(q10;q10) join two chromosomes into one, so they lower the count by one.

Ordering (sex chromosomes first, then autosomes 1-22, then markers; inside a rearrangement the sex
chromosome or lowest-numbered chromosome first; X before Y in the sex-chromosome field) is *accepted
with a warning and normalized* in ``str(k)``: the karyotype means the same either way, and a learner is
better served by a note than by a refusal. Lower-case chromosome or abbreviation mistakes are errors.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from lcbook import data

__all__ = [
    "ACROCENTRIC",
    "AUTOSOMES",
    "CHROMOSOMES",
    "ERROR_CODES",
    "MAX_LENGTH",
    "SEX_CHROMOSOMES",
    "SUPPORTED_CHANGES",
    "Abnormality",
    "CellLine",
    "ChromosomeCopy",
    "Karyotype",
    "KaryotypeError",
    "chromosome_copies",
    "describe",
    "expected_count",
    "is_valid_band",
    "parse_karyotype",
    "valid_bands",
]

AUTOSOMES: tuple[str, ...] = tuple(str(n) for n in range(1, 23))
SEX_CHROMOSOMES: tuple[str, ...] = ("X", "Y")
CHROMOSOMES: tuple[str, ...] = AUTOSOMES + SEX_CHROMOSOMES
#: The acrocentric autosomes, the only ones that form Robertsonian translocations.
ACROCENTRIC: frozenset[str] = frozenset({"13", "14", "15", "21", "22"})
#: Longest input the parser reads (far longer than any real karyotype).
MAX_LENGTH = 1000
#: The structural changes the parser understands (ISCN abbreviations).
SUPPORTED_CHANGES: tuple[str, ...] = ("t", "del", "dup", "inv", "i", "r", "add", "der", "rob")

#: Every KaryotypeError.code the parser can raise.
ERROR_CODES: frozenset[str] = frozenset({
    "EMPTY",                  # nothing but whitespace
    "TOO_LONG",               # more than MAX_LENGTH characters
    "UNEXPECTED_CHARACTER",   # a character that never appears in ISCN
    "UNSUPPORTED_NOTATION",   # valid ISCN beyond this parser: ?, ~, ::, <2n>, the constitutional c
    "UNBALANCED_PARENTHESES",  # a ( without ) or a ) without (
    "NESTED_PARENTHESES",     # a ( inside another ( )
    "EMPTY_FIELD",            # nothing between two commas or slashes, or a trailing comma
    "MISSING_COMMA",          # two fields run together: 46,XY+21 or +8+21
    "MISSING_COUNT",          # does not start with the chromosome number
    "COUNT_OUT_OF_RANGE",     # 0, or above 103 (beyond near-tetraploid)
    "MISSING_SEX_CHROMOSOMES",  # no sex-chromosome field after the count
    "BAD_SEX_CHROMOSOMES",    # a sex-chromosome field with letters other than X and Y
    "COUNT_MISMATCH",         # the count does not match the listed changes
    "NOT_ENOUGH_COPIES",      # more copies of a chromosome removed than the cell has
    "MISSING_SIGN",           # a chromosome number without + or -
    "UNKNOWN_CHROMOSOME",     # not 1-22, X or Y
    "UNKNOWN_ABNORMALITY",    # not an ISCN abbreviation (or written in capitals)
    "UNSUPPORTED_ABNORMALITY",  # ISCN, but not handled here (dic, ins, -mar ...)
    "WRONG_CHROMOSOME_COUNT",  # t() with one chromosome, del() with two ...
    "MISSING_SEMICOLON",      # chromosomes or breakpoints not separated by ;
    "WRONG_BREAKPOINT_COUNT",  # too few or too many breakpoints for the change
    "BAD_BAND",               # text where a band name should be (pter, Q22, 22q)
    "UNKNOWN_BAND",           # a well-formed band that the chromosome does not have (21q23)
    "CENTROMERE_NOT_ALLOWED",  # p10/q10 in a change that cannot break at the centromere
    "NEEDS_CENTROMERE",       # i(), rob() and der(A;B) break at the centromere (p10/q10)
    "ROB_NOT_ACROCENTRIC",    # rob() between chromosomes that are not 13, 14, 15, 21, 22
    "INCOMPLETE_DERIVATIVE",  # der(22) without the rearrangement that made it
    "DERIVATIVE_MISMATCH",    # der(22)t(8;21): the rearrangement does not involve 22
    "BAD_CELL_COUNT",         # a malformed [n]
    "BAD_MOSAIC",             # mos/chi with a single cell line
    "SYNTAX",                 # anything else that cannot be read
})

_RANK = {"X": 0, "Y": 1, **{c: int(c) + 1 for c in AUTOSOMES}}
_ONE_CHROMOSOME = frozenset({"del", "dup", "inv", "i", "r", "add"})
_BREAKPOINTS_NEEDED: dict[str, tuple[int, ...]] = {
    "del": (1, 2), "dup": (1, 2), "inv": (2,), "i": (1,), "r": (2,), "add": (1,),
}
_CENTROMERE_ALLOWED = frozenset({"t", "i", "rob", "der"})
_EXTRA_ALLOWED = frozenset({"der", "i", "r", "del", "dup", "inv", "add"})
_OTHER_ISCN = frozenset({
    "dic", "idic", "ins", "fra", "hsr", "dmin", "tas", "trc", "psu", "tan", "qdp", "ider", "trp",
    "min", "mat", "pat", "dn", "inh", "chi", "mos", "ctb", "cx", "neo", "ptr", "sdl", "idem", "h",
    "cen", "fis", "inc", "mal", "var", "upd", "rea", "rcp", "sce", "rec", "sct", "tr", "amp",
})
_EXAMPLE = {
    "t": "t(8;21)(q22;q22)", "del": "del(5)(q13q33)", "dup": "dup(1)(q21q32)",
    "inv": "inv(16)(p13.1q22)", "i": "i(17)(q10)", "r": "r(13)(p13q34)", "add": "add(7)(q22)",
    "der": "der(22)t(9;22)(q34;q11.2)", "rob": "rob(14;21)(q10;q10)",
}
_NAME = {
    "t": "a translocation", "del": "a deletion", "dup": "a duplication", "inv": "an inversion",
    "i": "an isochromosome", "r": "a ring chromosome", "add": "additional material",
    "der": "a derivative chromosome", "rob": "a Robertsonian translocation",
}
_BAND_RE = re.compile(r"[pq]\d+(?:\.\d+)?")
_CHROM_RE = re.compile(r"\d+|[XY]")
_MINUS_SIGNS = "\u2212\u2010\u2011\u2012\u2013\u2014\ufe63\uff0d"
_ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789()[];,+-/.")
_UNSUPPORTED_CHARS = {
    "?": "An uncertain band or chromosome (?) is not supported here: give the band you are sure of.",
    "~": "Ranges with ~ (such as 45~48) are not supported here: give one count per cell line.",
    ":": "The detailed system with : and :: is not supported here: use the short form, "
         "such as t(8;21)(q22;q22).",
    "<": "Ploidy levels in angle brackets (<2n>) are not supported here: "
         "write the count, such as 69,XXY.",
    ">": "Ploidy levels in angle brackets (<2n>) are not supported here: "
         "write the count, such as 69,XXY.",
}
_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_PLOIDY_NAME = {1: "haploid", 2: "diploid", 3: "triploid", 4: "tetraploid"}


class KaryotypeError(ValueError):
    """A karyotype that could not be read: a stable .code, .position (0-based index or None), a message."""

    def __init__(self, code: str, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position


# --------------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Abnormality:
    """One change in a cell line: a gain, a loss, a marker, or a structural rearrangement."""

    kind: str  # "gain", "loss", "marker", or an ISCN abbreviation in SUPPORTED_CHANGES
    chromosomes: tuple[str, ...] = ()
    breakpoints: tuple[tuple[str, ...], ...] = ()  # band names, one group per chromosome
    extra: bool = False  # a rearranged chromosome written with a leading + (an additional copy)
    steps: tuple[Abnormality, ...] = ()  # for der(A): the rearrangements that made it
    copies: int = 1  # for markers: +2mar
    marker_id: str = ""  # for numbered markers: +mar1

    @property
    def is_numerical(self) -> bool:
        """Whether this is a whole-chromosome gain or loss."""
        return self.kind in ("gain", "loss")

    @property
    def is_structural(self) -> bool:
        """Whether this is a rearrangement (t, del, dup, inv, i, r, add, der, rob)."""
        return self.kind in SUPPORTED_CHANGES

    @property
    def is_fusion(self) -> bool:
        """Whether two chromosomes are joined into one (rob, der(A;B)), which lowers the count."""
        return self.kind in ("rob", "der") and len(self.chromosomes) == 2

    @property
    def label(self) -> str:
        """A short label for a karyogram: "+21", "t(8;21)", "del(5)", "i(17q)", "der(22)t(9;22)", "mar"."""
        if self.kind == "gain":
            return f"+{self.chromosomes[0]}"
        if self.kind == "loss":
            return f"-{self.chromosomes[0]}"
        if self.kind == "marker":
            return f"mar{self.marker_id}"
        if self.kind == "i" and self.breakpoints:
            return f"i({self.chromosomes[0]}{self.breakpoints[0][0][0]})"
        head = f"{self.kind}({';'.join(self.chromosomes)})"
        return head + "".join(step.label for step in self.steps)

    def derivatives(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The chromosomes this change leaves in the cell: (centromere chromosome, chromosomes it contains)."""
        if not self.is_structural:
            return ()
        chroms = self.chromosomes
        if self.kind == "t":
            # In t(A;B;C) a segment of A goes to B, of B to C, and of C back to A.
            out = []
            for j, c in enumerate(chroms):
                donor = chroms[j - 1]
                out.append((c, _unique((c, donor))))
            return tuple(out)
        if self.is_fusion:
            return ((chroms[0], _unique(chroms)),)
        if self.kind == "der":
            inner = [c for step in self.steps for c in step.chromosomes]
            return ((chroms[0], _unique((chroms[0], *inner))),)
        return ((chroms[0], (chroms[0],)),)

    def consumes(self) -> tuple[str, ...]:
        """The normal chromosomes this change replaces (none for an additional, +-prefixed one)."""
        if not self.is_structural or self.extra:
            return ()
        if self.kind == "t" or self.is_fusion:
            return self.chromosomes
        return self.chromosomes[:1]

    def __str__(self) -> str:
        if self.kind == "gain":
            return f"+{self.chromosomes[0]}"
        if self.kind == "loss":
            return f"-{self.chromosomes[0]}"
        if self.kind == "marker":
            return f"+{self.copies if self.copies > 1 else ''}mar{self.marker_id}"
        text = f"{'+' if self.extra else ''}{self.kind}({';'.join(self.chromosomes)})"
        if self.breakpoints:
            text += "(" + ";".join("".join(group) for group in self.breakpoints) + ")"
        return text + "".join(str(step) for step in self.steps)


@dataclass(frozen=True)
class CellLine:
    """One cell line: its chromosome count, sex-chromosome field, changes (canonical order), cells [n]."""

    chromosome_count: int
    sex_chromosomes: str
    abnormalities: tuple[Abnormality, ...] = ()
    cells: int | None = None

    @property
    def ploidy(self) -> int:
        """The ploidy level ISCN reads from the count: 1 (up to 34), 2 (35-57), 3 (58-80), 4 (81-103)."""
        return _ploidy(self.chromosome_count)

    @property
    def gains(self) -> tuple[str, ...]:
        """Whole chromosomes gained (+), in canonical order."""
        return tuple(a.chromosomes[0] for a in self.abnormalities if a.kind == "gain")

    @property
    def losses(self) -> tuple[str, ...]:
        """Whole chromosomes lost (-), in canonical order."""
        return tuple(a.chromosomes[0] for a in self.abnormalities if a.kind == "loss")

    @property
    def structural(self) -> tuple[Abnormality, ...]:
        """The structural rearrangements."""
        return tuple(a for a in self.abnormalities if a.is_structural)

    @property
    def markers(self) -> int:
        """How many marker chromosomes there are."""
        return sum(a.copies for a in self.abnormalities if a.kind == "marker")

    @property
    def is_typical(self) -> bool:
        """Whether this is 46,XX or 46,XY with no changes."""
        return self.chromosome_count == 46 and self.sex_chromosomes in ("XX", "XY") and not self.abnormalities

    def __str__(self) -> str:
        parts = [str(self.chromosome_count), self.sex_chromosomes, *(str(a) for a in self.abnormalities)]
        return ",".join(parts) + (f"[{self.cells}]" if self.cells is not None else "")


@dataclass(frozen=True)
class Karyotype:
    """A parsed karyotype: one or more cell lines (a mosaic or chimera has two or more)."""

    cell_lines: tuple[CellLine, ...]
    prefix: str = ""  # "mos" or "chi" when written
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def chromosome_count(self) -> int:
        """The chromosome count (the first cell line's for a mosaic)."""
        return self.cell_lines[0].chromosome_count

    @property
    def sex_chromosomes(self) -> str:
        """The sex-chromosome field (the first cell line's for a mosaic)."""
        return self.cell_lines[0].sex_chromosomes

    @property
    def gains(self) -> tuple[str, ...]:
        """Whole chromosomes gained in the first cell line."""
        return self.cell_lines[0].gains

    @property
    def losses(self) -> tuple[str, ...]:
        """Whole chromosomes lost in the first cell line."""
        return self.cell_lines[0].losses

    @property
    def abnormalities(self) -> tuple[Abnormality, ...]:
        """The first cell line's changes."""
        return self.cell_lines[0].abnormalities

    @property
    def is_mosaic(self) -> bool:
        """Whether there is more than one cell line."""
        return len(self.cell_lines) > 1

    @property
    def total_cells(self) -> int | None:
        """The cells counted over all lines, or None when any line has no [n]."""
        counts = [line.cells for line in self.cell_lines]
        return None if None in counts else sum(counts)  # type: ignore[arg-type]

    def __str__(self) -> str:
        body = "/".join(str(line) for line in self.cell_lines)
        return f"{self.prefix} {body}" if self.prefix else body


@dataclass(frozen=True)
class ChromosomeCopy:
    """One chromosome as drawn on a karyogram: kind is "normal", "extra", "structural" or "marker"."""

    name: str  # "1".."22", "X", "Y" (the centromere's chromosome), or "mar" for a marker
    kind: str
    label: str = ""  # "" for a normal copy, "+21" for an extra one, "rob(14;21)", "mar"
    contains: tuple[str, ...] = ()  # the chromosomes whose material it carries


# --------------------------------------------------------------------------------------------------
# Bands
# --------------------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _band_table() -> dict[str, frozenset[str]]:
    """Every band name at any resolution, plus its coarser parents, for each chromosome."""
    names: dict[str, set[str]] = {c: set() for c in CHROMOSOMES}
    for resolution in data.CYTOBAND_FILES:
        for band in data.cytobands(resolution):
            name = band.band
            names[band.chromosome].add(name)
            if "." in name:
                base, sub = name.split(".", 1)
                names[band.chromosome].add(base)
                for n in range(1, len(sub)):
                    names[band.chromosome].add(f"{base}.{sub[:n]}")
    return {c: frozenset(v) for c, v in names.items()}


@lru_cache(maxsize=None)
def _arm_ends() -> dict[tuple[str, str], tuple[str, str]]:
    """(chromosome, arm) -> (band at the centromere, band at the tip), at 850 bands."""
    bands: dict[tuple[str, str], list[str]] = {}
    for band in data.cytobands(850):
        bands.setdefault((band.chromosome, band.arm), []).append(band.band)
    out = {}
    for (chrom, arm), names in bands.items():
        out[(chrom, arm)] = (names[-1], names[0]) if arm == "p" else (names[0], names[-1])
    return out


def valid_bands(chromosome: str) -> frozenset[str]:
    """The band names accepted for a chromosome: bands at 400, 550 or 850 resolution and their parents."""
    if chromosome not in CHROMOSOMES:
        raise ValueError(f"There is no chromosome {chromosome!r}: use 1-22, X or Y.")
    return _band_table()[chromosome]


def is_valid_band(chromosome: str, band: str) -> bool:
    """Whether band (such as "q22.1") exists on chromosome (such as "21"); p10 and q10 are not bands."""
    return chromosome in CHROMOSOMES and band in _band_table()[chromosome]


# --------------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------------


def parse_karyotype(text: str) -> Karyotype:
    """Read an ISCN 2020 karyotype such as "47,XY,+21", or raise KaryotypeError saying what to fix."""
    if not isinstance(text, str):
        raise TypeError(f"parse_karyotype expects text (a str), not {type(text).__name__}.")
    return _parse_cached(text)


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Karyotype:
    return _Parser(text).parse()


def _ploidy(count: int) -> int:
    if count <= 34:
        return 1
    if count <= 57:
        return 2
    if count <= 80:
        return 3
    return 4


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _quote(text: str, limit: int = 24) -> str:
    """Echo a piece of the input in a message, shortened if long."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _number(n: int) -> str:
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def _plural(n: int, singular: str, plural: str | None = None) -> str:
    return f"{_number(n)} {singular if n == 1 else (plural or singular + 's')}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _describe_char(c: str) -> str:
    if c.isascii() and c.isprintable() and c not in "<>&\"'":
        return f"'{c}'"
    name = unicodedata.name(c, "")
    code = f"U+{ord(c):04X}"
    return f"{code} ({name.lower()})" if name else code


def _order_key(a: Abnormality) -> tuple[int, int, int, str]:
    """ISCN order: sex chromosomes, then autosomes 1-22 (numerical before structural), then markers."""
    if a.kind == "marker":
        return (2, 0, 0, "")
    c = a.chromosomes[0]
    group = 0 if c in SEX_CHROMOSOMES else 1
    return (group, _RANK[c], 0 if a.is_numerical else 1, "" if a.is_numerical else a.kind)


def _split_top(text: str, sep: str, start: int) -> list[tuple[str, int]]:
    """Split text at sep outside parentheses and brackets, keeping each piece's position."""
    pieces, depth, begin = [], 0, 0
    for j, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == sep and depth == 0:
            pieces.append((text[begin:j], start + begin))
            begin = j + 1
    pieces.append((text[begin:], start + begin))
    return pieces


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.s = ""
        self.map: list[int] = []
        self.warnings: list[str] = []

    # -- helpers -----------------------------------------------------------------------------------

    def fail(self, code: str, message: str, pos: int | None) -> KaryotypeError:
        if pos is not None:
            pos = self.map[pos] if pos < len(self.map) else len(self.text)
        return KaryotypeError(code, message, pos)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # -- top level ---------------------------------------------------------------------------------

    def parse(self) -> Karyotype:
        text = self.text
        if len(text) > MAX_LENGTH:
            raise KaryotypeError(
                "TOO_LONG",
                f"This is {len(text)} characters long, more than the {MAX_LENGTH} a karyotype can "
                "have here. Check that only the karyotype was pasted.",
                None,
            )
        if not text.strip():
            raise KaryotypeError(
                "EMPTY", "Type a karyotype, such as 46,XX or 47,XY,+21.", None if not text else 0
            )
        prefix = ""
        m = re.match(r"(\s*)(mos|chi)(?=[\s\d])\s*", text)
        begin = 0
        if m:
            prefix, begin = m.group(2), m.end()
            if m.group(1):
                self.warn("Removed spaces: ISCN karyotypes are written without spaces.")
        self.clean(begin)
        self.check_brackets()
        lines = _split_top(self.s, "/", 0)
        if prefix and len(lines) == 1:
            raise self.fail(
                "BAD_MOSAIC",
                f"'{prefix}' marks a {'mosaic' if prefix == 'mos' else 'chimera'}, which has two or more "
                "cell lines separated by '/', such as mos 47,XY,+21[12]/46,XY[8].",
                0,
            )
        cell_lines = tuple(self.cell_line(seg, pos, len(lines) > 1) for seg, pos in lines)
        if len(cell_lines) > 1:
            self.check_mosaic(cell_lines, prefix)
        return Karyotype(cell_lines=cell_lines, prefix=prefix, warnings=tuple(self.warnings))

    def clean(self, begin: int) -> None:
        chars: list[str] = []
        spaces = minus = False
        for j in range(begin, len(self.text)):
            c = self.text[j]
            if c.isspace():
                spaces = True
                continue
            if c in _MINUS_SIGNS:
                minus, c = True, "-"
            elif c not in _ALLOWED:
                if c in _UNSUPPORTED_CHARS:
                    raise KaryotypeError("UNSUPPORTED_NOTATION", _UNSUPPORTED_CHARS[c], j)
                raise KaryotypeError(
                    "UNEXPECTED_CHARACTER",
                    f"The character {_describe_char(c)} cannot appear in a karyotype. ISCN uses "
                    "digits, X and Y, lower-case abbreviations such as t or del, and , ; ( ) [ ] + - / .",
                    j,
                )
            chars.append(c)
            self.map.append(j)
        self.s = "".join(chars)
        if spaces:
            self.warn("Removed spaces: ISCN karyotypes are written without spaces.")
        if minus:
            self.warn("Read a dash or minus sign as '-' (ISCN uses the plain hyphen-minus).")
        if not self.s:
            raise KaryotypeError("EMPTY", "Type a karyotype after 'mos' or 'chi', such as mos 45,X[15]/46,XX[5].", None)

    def check_brackets(self) -> None:
        paren = bracket = None
        for j, c in enumerate(self.s):
            if c == "(":
                if paren is not None:
                    raise self.fail(
                        "NESTED_PARENTHESES",
                        "Parentheses cannot be nested: close each '(' with ')' before opening the next, "
                        "as in der(22)t(9;22)(q34;q11.2).",
                        j,
                    )
                if bracket is not None:
                    raise self.fail("BAD_CELL_COUNT", "Only a number of cells goes inside [ ], such as [12].", j)
                paren = j
            elif c == ")":
                if paren is None:
                    raise self.fail(
                        "UNBALANCED_PARENTHESES",
                        "This ')' has no matching '(' before it. Check the parentheses, as in t(8;21)(q22;q22).",
                        j,
                    )
                paren = None
            elif c == "[":
                if paren is not None:
                    break  # reported below as an unclosed '('
                if bracket is not None:
                    raise self.fail("BAD_CELL_COUNT", "Brackets cannot be nested: write the cell count as [12].", j)
                bracket = j
            elif c == "]":
                if bracket is None:
                    raise self.fail("BAD_CELL_COUNT", "This ']' has no matching '[': write the cell count as [12].", j)
                bracket = None
            elif c in ",/;" and bracket is not None:
                raise self.fail("BAD_CELL_COUNT", "The '[' is not closed: write the cell count as [12].", bracket)
            elif c in ",/" and paren is not None:
                close, reopen = self.s.find(")", j), self.s.find("(", j)
                if close != -1 and (reopen == -1 or close < reopen):
                    continue  # a ',' or '/' inside parentheses: reported where the field is read
                break  # an unclosed '('

        if paren is not None:
            raise self.fail(
                "UNBALANCED_PARENTHESES",
                "This '(' is never closed: add the matching ')', as in t(8;21)(q22;q22).",
                paren,
            )
        if bracket is not None:
            raise self.fail("BAD_CELL_COUNT", "The '[' is not closed: write the cell count as [12].", bracket)

    # -- a cell line -------------------------------------------------------------------------------

    def cell_line(self, seg: str, pos: int, mosaic: bool) -> CellLine:
        if not seg:
            raise self.fail(
                "EMPTY_FIELD",
                "A '/' must separate two cell lines, each with a count and sex chromosomes, "
                "such as 47,XY,+21[12]/46,XY[8].",
                pos if pos < len(self.s) else pos - 1,
            )
        cells = None
        body = seg
        if "[" in seg:
            b = seg.index("[")
            if not seg.endswith("]") or seg.count("[") > 1:
                raise self.fail(
                    "BAD_CELL_COUNT",
                    "The cell count [n] comes at the end of a cell line, such as 47,XY,+21[12]/46,XY[8].",
                    pos + b,
                )
            inner = seg[b + 1:-1]
            if not (inner.isascii() and inner.isdigit()) or len(inner) > 6:
                raise self.fail(
                    "BAD_CELL_COUNT",
                    f"The cell count in brackets must be a whole number of cells, such as [12], not [{_quote(inner)}].",
                    pos + b + 1,
                )
            cells = int(inner)
            if cells == 0:
                raise self.fail("BAD_CELL_COUNT", "A cell line needs at least one cell: [0] is not possible.", pos + b + 1)
            body = seg[:b]
        elif mosaic:
            self.warn(
                f"The cell line {_quote(seg, 40)} has no cell count: ISCN gives the number of cells "
                "in each line of a mosaic in brackets, such as 46,XY[8]."
            )
        if not body:
            raise self.fail("MISSING_COUNT", "The cell count [n] follows a karyotype, such as 46,XY[20].", pos)
        fields = _split_top(body, ",", pos)
        count = self.count(*fields[0])
        if len(fields) < 2:
            raise self.fail(
                "MISSING_SEX_CHROMOSOMES",
                f"After the count, write the sex chromosomes: {count},XX or {count},XY, then any changes.",
                fields[0][1] + len(fields[0][0]),
            )
        sex = self.sex(*fields[1])
        written = [self.abnormality(f, p) for f, p in fields[2:]]
        abnormalities = tuple(sorted(written, key=_order_key))
        if abnormalities != tuple(written):
            self.warn(
                "Reordered the changes: ISCN lists changes of the sex chromosomes first, then the "
                "autosomes from 1 to 22 (a gain or loss before a rearrangement of the same chromosome), "
                "then markers."
            )
        line = CellLine(count, sex, abnormalities, cells)
        self.check_line(line, body, pos)
        return line

    def count(self, f: str, pos: int) -> int:
        if not f:
            raise self.fail("MISSING_COUNT", "A karyotype starts with the number of chromosomes, such as 46,XX.", pos)
        if not (f.isascii() and f.isdigit()):
            if re.fullmatch(r"\d+[XY]+", f):
                j = len(re.match(r"\d+", f).group())
                raise self.fail(
                    "MISSING_COMMA",
                    f"Put a comma between the count and the sex chromosomes: {f[:j]},{f[j:]}.",
                    pos + j,
                )
            raise self.fail(
                "MISSING_COUNT",
                "A karyotype starts with the number of chromosomes in the cell, then the sex "
                "chromosomes, such as 46,XY or 47,XX,+21.",
                pos,
            )
        if len(f) > 1 and f.startswith("0"):
            self.warn(f"Read the count {f} as {int(f)}.")
        n = int(f) if len(f) <= 4 else 10**4
        if n == 0 or n > 103:
            raise self.fail(
                "COUNT_OUT_OF_RANGE",
                f"A count of {_quote(f)} is outside what this parser handles: 1 to 103 chromosomes "
                "(up to near-tetraploid). A typical human cell has 46.",
                pos,
            )
        return n

    def sex(self, f: str, pos: int) -> str:
        if not f:
            raise self.fail(
                "EMPTY_FIELD", "Two commas in a row: after the count come the sex chromosomes, such as 46,XY.", pos
            )
        if re.fullmatch(r"[XY]+", f):
            ordered = "".join(sorted(f))
            if ordered != f:
                self.warn(f"Wrote the sex chromosomes {f} as {ordered}: ISCN lists X before Y.")
            return ordered
        if re.fullmatch(r"[XYxy]+", f):
            raise self.fail(
                "BAD_SEX_CHROMOSOMES",
                f"Write the sex chromosomes as capital letters: {f.upper()}.",
                pos,
            )
        m = re.match(r"[XY]+(?=[+\-])", f)
        if m:
            raise self.fail(
                "MISSING_COMMA",
                f"Separate each change with a comma: {m.group()},{_quote(f[m.end():])}.",
                pos + m.end(),
            )
        if re.fullmatch(r"[XY]+c", f):
            raise self.fail(
                "UNSUPPORTED_NOTATION",
                "The mark 'c' for a constitutional sex-chromosome complement is not supported here: "
                "write the sex chromosomes without it.",
                pos + len(f) - 1,
            )
        if f[0] in "+-(" or f[0].isdigit() or re.match(r"[a-z]+\(", f):
            raise self.fail(
                "MISSING_SEX_CHROMOSOMES",
                "After the count, list the sex chromosomes (such as XX or XY) before any changes, "
                "as in 47,XY,+21.",
                pos,
            )
        raise self.fail(
            "BAD_SEX_CHROMOSOMES",
            f"The sex chromosomes are written with the letters X and Y only, such as XX, XY or XXY, "
            f"not {_quote(f)}.",
            pos,
        )

    # -- one change --------------------------------------------------------------------------------

    def abnormality(self, f: str, pos: int) -> Abnormality:
        if not f:
            raise self.fail(
                "EMPTY_FIELD",
                "There is nothing between two commas (or after the last one): remove the extra comma.",
                pos if pos < len(self.s) else pos - 1,
            )
        sign = f[0] if f[0] in "+-" else ""
        body, bpos = f[len(sign):], pos + len(sign)
        if not body:
            raise self.fail(
                "UNKNOWN_CHROMOSOME",
                f"'{sign}' must be followed by a chromosome, as in {sign}21.",
                pos,
            )
        if _CHROM_RE.fullmatch(body):
            if not sign:
                raise self.fail(
                    "MISSING_SIGN",
                    f"Write +{body} for an extra chromosome {body}, or -{body} for a missing one.",
                    pos,
                )
            self.chromosome(body, bpos)
            return Abnormality("gain" if sign == "+" else "loss", (body,))
        m = re.fullmatch(r"(\d*)mar(\d*)", body)
        if m:
            if sign != "+":
                if sign == "-":
                    raise self.fail(
                        "UNSUPPORTED_ABNORMALITY", "Losing a marker (-mar) is not supported here.", pos
                    )
                raise self.fail("MISSING_SIGN", "A marker chromosome is an extra one: write +mar.", pos)
            if m.group(1) and m.group(2):
                raise self.fail(
                    "SYNTAX", "Write either a number of markers (+2mar) or a marker's name (+mar1), not both.", pos
                )
            copies = int(m.group(1)) if m.group(1) else 1
            if copies == 0 or len(m.group(1)) > 2:
                raise self.fail("SYNTAX", "The number of markers must be 1 or more, as in +2mar.", bpos)
            if m.group(1) == "1":
                self.warn("Wrote +1mar as +mar.")
            return Abnormality("marker", copies=copies, marker_id=m.group(2))
        if re.fullmatch(r"[xy]", body):
            raise self.fail("UNKNOWN_CHROMOSOME", f"Write the sex chromosome as a capital letter: {sign}{body.upper()}.", bpos)
        if re.match(r"[A-Za-z]+\(", body):
            if sign == "-":
                raise self.fail(
                    "UNSUPPORTED_ABNORMALITY",
                    "Losing a rearranged chromosome (a '-' before a rearrangement) is not supported here.",
                    pos,
                )
            return self.structural(body, bpos, extra=sign == "+")
        m = re.match(r"(?:\d+|[XY])(?=[+\-])", body)
        if m:
            raise self.fail(
                "MISSING_COMMA",
                f"Separate each change with a comma: {sign}{m.group()},{_quote(body[m.end():])}.",
                bpos + m.end(),
            )
        if re.fullmatch(r"(?:\d+|[XY])[pq].*", body):
            raise self.fail(
                "UNKNOWN_ABNORMALITY",
                f"{_quote(f)} is not ISCN: describe part of a chromosome with a rearrangement, "
                "such as del(5)(q13q33) or i(17)(q10).",
                pos,
            )
        if body in SUPPORTED_CHANGES or body.lower() in SUPPORTED_CHANGES:
            raise self.fail(
                "SYNTAX",
                f"{_quote(body)} needs the chromosome and its breakpoints in parentheses, "
                f"as in {_EXAMPLE.get(body.lower(), 't(8;21)(q22;q22)')}.",
                pos,
            )
        if body.isdigit():
            self.chromosome(body, bpos)  # raises UNKNOWN_CHROMOSOME
        raise self.fail(
            "UNKNOWN_ABNORMALITY",
            f"{_quote(f)} is not a change this parser knows. Use +21 or -7 for whole chromosomes, "
            f"+mar for a marker, or one of {', '.join(SUPPORTED_CHANGES)}, as in t(8;21)(q22;q22).",
            pos,
        )

    def structural(self, body: str, pos: int, extra: bool, inside: str | None = None) -> Abnormality:
        abbr = re.match(r"[A-Za-z]+", body).group()
        if abbr not in SUPPORTED_CHANGES:
            if abbr.lower() in SUPPORTED_CHANGES:
                raise self.fail(
                    "UNKNOWN_ABNORMALITY",
                    f"ISCN abbreviations are lower case: write {abbr.lower()}(...), not {abbr}(...).",
                    pos,
                )
            if abbr.lower() in _OTHER_ISCN:
                raise self.fail(
                    "UNSUPPORTED_ABNORMALITY",
                    f"{abbr}() is ISCN, but this parser handles only {', '.join(SUPPORTED_CHANGES)}.",
                    pos,
                )
            raise self.fail(
                "UNKNOWN_ABNORMALITY",
                f"{_quote(abbr)} is not an ISCN abbreviation. Use one of {', '.join(SUPPORTED_CHANGES)}, "
                "as in t(8;21)(q22;q22) or del(5)(q13q33).",
                pos,
            )
        if inside is not None and abbr in ("der", "rob"):
            raise self.fail(
                "SYNTAX",
                f"A der() is made by simpler rearrangements such as t() or del(), not by {abbr}(): "
                "for example der(22)t(9;22)(q34;q11.2).",
                pos,
            )
        if extra and abbr not in _EXTRA_ALLOWED:
            raise self.fail(
                "UNSUPPORTED_ABNORMALITY",
                f"A '+' before {abbr}() is not ISCN. For an extra rearranged chromosome write, for "
                "example, +der(22)t(11;22)(q23;q11.2) or +i(12)(p10).",
                pos - 1,
            )
        groups: list[tuple[str, int]] = []
        j = len(abbr)
        while j < len(body) and body[j] == "(":
            k = body.index(")", j)
            groups.append((body[j + 1:k], pos + j + 1))
            j = k + 1
        rest, rest_pos = body[j:], pos + j
        if not groups:
            raise self.fail(
                "SYNTAX", f"{abbr} needs the chromosome in parentheses, as in {_EXAMPLE[abbr]}.", pos + len(abbr)
            )
        if len(groups) > 2:
            raise self.fail(
                "SYNTAX",
                f"{abbr}() takes the chromosomes, then the breakpoints, in two pairs of parentheses: "
                f"{_EXAMPLE[abbr]}.",
                groups[2][1] - 1,
            )
        short = re.fullmatch(r"(\d+|[XY])([pq])", groups[0][0]) if abbr == "i" else None
        if short and len(groups) == 1:
            chrom, arm = short.groups()
            self.chromosome(chrom, groups[0][1])
            if rest:
                raise self.fail("MISSING_COMMA", "Separate each change with a comma.", rest_pos)
            self.warn(
                f"Wrote i({chrom}{arm}) as i({chrom})({arm}10): ISCN 2020 gives the centromere "
                "breakpoint of an isochromosome."
            )
            return Abnormality("i", (chrom,), ((arm + "10",),), extra=extra)
        chroms, cpos = self.chromosome_group(abbr, *groups[0])
        steps: tuple[Abnormality, ...] = ()
        if rest:
            if abbr == "der" and inside is None and rest[0].isalpha():
                if len(chroms) == 2 or len(groups) == 2:
                    raise self.fail(
                        "SYNTAX",
                        "Write a derivative either as der(22)t(9;22)(q34;q11.2) (made by the rearrangement "
                        "after it) or as der(1;7)(q10;p10) (two chromosomes joined), not both ways at once.",
                        rest_pos,
                    )
                steps = self.der_steps(rest, rest_pos, chroms[0])
            elif rest[0] in "+-" or rest[0].isdigit():
                raise self.fail("MISSING_COMMA", "Separate each change with a comma.", rest_pos)
            else:
                raise self.fail(
                    "SYNTAX",
                    f"Unexpected {_quote(rest)} after {abbr}(): write it as {_EXAMPLE[abbr]}.",
                    rest_pos,
                )
        bands: tuple[tuple[str, ...], ...] = ()
        if len(groups) == 2:
            if abbr == "der" and len(chroms) == 1:
                raise self.fail(
                    "INCOMPLETE_DERIVATIVE",
                    f"Say how der({chroms[0]}) was made, with the rearrangement after it: "
                    f"der(22)t(9;22)(q34;q11.2).",
                    groups[1][1] - 1,
                )
            bands = self.breakpoints(abbr, chroms, cpos, *groups[1])
        else:
            if abbr == "rob":
                bands = (("q10",), ("q10",))
                self.warn(
                    f"Added the breakpoints of rob({';'.join(chroms)}): a Robertsonian translocation "
                    "joins two long arms at the centromere, written (q10;q10)."
                )
            elif abbr == "der" and len(chroms) == 1:
                if not steps:
                    raise self.fail(
                        "INCOMPLETE_DERIVATIVE",
                        f"Say how der({chroms[0]}) was made, with the rearrangement after it: "
                        "der(22)t(9;22)(q34;q11.2).",
                        pos,
                    )
            else:
                needed = "breakpoints, one per chromosome," if len(chroms) > 1 else "its breakpoints"
                example = "der(1;7)(q10;p10)" if abbr == "der" else _EXAMPLE[abbr]
                raise self.fail(
                    "WRONG_BREAKPOINT_COUNT",
                    f"{abbr}({';'.join(chroms)}) needs {needed} in a second pair of parentheses, "
                    f"as in {example}.",
                    pos + len(body) - len(rest) - 1,
                )
        if inside is not None and inside not in chroms:
            raise self.fail(
                "DERIVATIVE_MISMATCH",
                f"der({inside}) is a changed chromosome {inside}, so the rearrangement after it must "
                f"involve chromosome {inside}, as in der(22)t(9;22)(q34;q11.2).",
                pos,
            )
        chroms, bands = self.normalise_order(abbr, chroms, bands)
        return Abnormality(abbr, chroms, bands, extra=extra, steps=steps)

    def der_steps(self, rest: str, pos: int, chrom: str) -> tuple[Abnormality, ...]:
        # der(A) is followed by one or more rearrangements: abbr(...)(...), each beginning with a letter.
        starts = [0] + [j for j in range(1, len(rest)) if rest[j].isalpha() and rest[j - 1] == ")"]
        pieces = [(rest[a:b], pos + a) for a, b in zip(starts, starts[1:] + [len(rest)])]
        out = []
        for text, p in pieces:
            if not re.match(r"[A-Za-z]+\(", text):
                raise self.fail(
                    "SYNTAX",
                    f"After der({chrom}) comes the rearrangement that made it, such as t(9;22)(q34;q11.2).",
                    p,
                )
            out.append(self.structural(text, p, extra=False, inside=chrom))
        return tuple(out)

    def chromosome_group(self, abbr: str, text: str, pos: int) -> tuple[tuple[str, ...], list[int]]:
        if not text:
            raise self.fail(
                "UNKNOWN_CHROMOSOME", f"Write the chromosome inside the parentheses, as in {_EXAMPLE[abbr]}.", pos
            )
        wrong = re.search(r"[,/.]", text)
        if wrong:
            raise self.fail(
                "MISSING_SEMICOLON",
                f"Separate the chromosomes with ';', not '{wrong.group()}': "
                f"{abbr}({_quote(re.sub(r'[,/.]', ';', text))}).",
                pos + wrong.start(),
            )
        names, positions, p = [], [], pos
        for name in text.split(";"):
            names.append(name)
            positions.append(p)
            p += len(name) + 1
        for name, q in zip(names, positions):
            if not name:
                raise self.fail(
                    "UNKNOWN_CHROMOSOME", f"A chromosome is missing between the ';': {_EXAMPLE[abbr]}.", q
                )
            if re.fullmatch(r"(\d+|[XY])[pq].*", name):
                raise self.fail(
                    "SYNTAX",
                    f"Write the chromosome and its bands in separate parentheses: {abbr}(chromosome)(bands), "
                    f"as in {_EXAMPLE[abbr]}.",
                    q,
                )
        multi = abbr in ("t", "rob") or (abbr == "der" and len(names) > 1)
        if multi and len(names) == 1:
            split = self.split_run_together(names[0])
            if split:
                raise self.fail(
                    "MISSING_SEMICOLON",
                    f"Separate the chromosomes with ';': {abbr}({split[0]};{split[1]}).",
                    pos + len(split[0]),
                )
            raise self.fail(
                "WRONG_CHROMOSOME_COUNT",
                f"{_NAME[abbr].capitalize()} involves at least two chromosomes, separated by ';': {_EXAMPLE[abbr]}.",
                pos,
            )
        if abbr in _ONE_CHROMOSOME and len(names) != 1:
            raise self.fail(
                "WRONG_CHROMOSOME_COUNT",
                f"{_NAME[abbr].capitalize()} involves one chromosome: {_EXAMPLE[abbr]}.",
                pos,
            )
        if (abbr in ("rob", "der")) and len(names) > 2:
            raise self.fail(
                "WRONG_CHROMOSOME_COUNT",
                f"{abbr}() joins two chromosomes: {_EXAMPLE[abbr] if abbr == 'rob' else 'der(1;7)(q10;p10)'}.",
                pos,
            )
        for name, q in zip(names, positions):
            self.chromosome(name, q)
        if abbr == "rob":
            for name, q in zip(names, positions):
                if name not in ACROCENTRIC:
                    raise self.fail(
                        "ROB_NOT_ACROCENTRIC",
                        f"rob({';'.join(names)}) is not possible: a Robertsonian translocation joins two "
                        f"acrocentric chromosomes (13, 14, 15, 21 or 22), and {name} is not one. For another "
                        "whole-arm exchange write t(...)(q10;q10) or der(...)(q10;q10).",
                        q,
                    )
        return tuple(names), positions

    @staticmethod
    def split_run_together(text: str) -> tuple[str, str] | None:
        for j in range(1, len(text)):
            a, b = text[:j], text[j:]
            if a in CHROMOSOMES and b in CHROMOSOMES:
                return a, b
        return None

    def chromosome(self, name: str, pos: int) -> None:
        if name in CHROMOSOMES:
            return
        if name in ("x", "y"):
            raise self.fail("UNKNOWN_CHROMOSOME", f"Write the sex chromosome as a capital letter: {name.upper()}.", pos)
        if name.isascii() and name.isdigit():
            if name.lstrip("0") in CHROMOSOMES:
                raise self.fail(
                    "UNKNOWN_CHROMOSOME", f"Write chromosome {name.lstrip('0')} without a leading zero.", pos
                )
            raise self.fail(
                "UNKNOWN_CHROMOSOME",
                f"There is no chromosome {_quote(name)}: human chromosomes are numbered 1 to 22, plus X and Y.",
                pos,
            )
        raise self.fail(
            "UNKNOWN_CHROMOSOME",
            f"{_quote(name)} is not a chromosome: human chromosomes are numbered 1 to 22, plus X and Y.",
            pos,
        )

    def breakpoints(
        self, abbr: str, chroms: tuple[str, ...], cpos: list[int], text: str, pos: int
    ) -> tuple[tuple[str, ...], ...]:
        label = f"{abbr}({';'.join(chroms)})"
        if not text:
            raise self.fail("WRONG_BREAKPOINT_COUNT", f"Write the breakpoints of {label} inside the parentheses: {_EXAMPLE[abbr]}.", pos)
        if "," in text:
            raise self.fail(
                "MISSING_SEMICOLON",
                f"Separate the breakpoints with ';', not ',': ({_quote(text.replace(',', ';'))}).",
                pos + text.index(","),
            )
        if len(chroms) > 1:
            pieces, p = [], pos
            for piece in text.split(";"):
                pieces.append((piece, p))
                p += len(piece) + 1
            if len(pieces) != len(chroms):
                if len(pieces) == 1 and len(self.bands(text, pos, raise_errors=False)) == len(chroms):
                    raise self.fail(
                        "MISSING_SEMICOLON",
                        f"Separate the breakpoints with ';', one per chromosome in the same order: "
                        f"{label}({';'.join(self.bands(text, pos))}).",
                        pos,
                    )
                raise self.fail(
                    "WRONG_BREAKPOINT_COUNT",
                    f"{label} joins {_number(len(chroms))} chromosomes, so it needs {_number(len(chroms))} "
                    f"breakpoints, one per chromosome, separated by ';' (it has {_number(len(pieces))}): "
                    f"{_EXAMPLE[abbr] if abbr != 'der' else 'der(1;7)(q10;p10)'}.",
                    pos,
                )
            groups = []
            for (piece, p), chrom in zip(pieces, chroms):
                bands = self.bands(piece, p)
                if len(bands) != 1:
                    raise self.fail(
                        "WRONG_BREAKPOINT_COUNT",
                        f"Give one breakpoint for each chromosome of {label}, such as {_EXAMPLE[abbr]}"
                        f"{'' if bands else ' (one is empty)'}.",
                        p,
                    )
                groups.append(bands)
        else:
            if ";" in text:
                raise self.fail(
                    "WRONG_BREAKPOINT_COUNT",
                    f"{label} is on one chromosome, so write its breakpoints together without ';', "
                    f"as in {_EXAMPLE[abbr]}.",
                    pos + text.index(";"),
                )
            bands = self.bands(text, pos)
            needed = _BREAKPOINTS_NEEDED[abbr]
            if len(bands) not in needed:
                hint = {
                    "del": "one breakpoint for a terminal deletion, del(5)(q31), or two for an interstitial one, del(5)(q13q33)",
                    "dup": "one or two breakpoints, as in dup(1)(q21q32)",
                    "inv": "two breakpoints, as in inv(16)(p13.1q22) or inv(3)(q21q26.2)",
                    "i": "one breakpoint, the centromere, as in i(17)(q10)",
                    "r": "two breakpoints, as in r(13)(p13q34)",
                    "add": "one breakpoint, as in add(7)(q22)",
                }[abbr]
                raise self.fail(
                    "WRONG_BREAKPOINT_COUNT",
                    f"{label} has {_plural(len(bands), 'breakpoint')}; it needs {hint}.",
                    pos,
                )
            groups = [bands]
        self.check_bands(abbr, chroms, groups, pos, text)
        return tuple(tuple(g) for g in groups)

    def bands(self, text: str, pos: int, raise_errors: bool = True) -> list[str]:
        out, j = [], 0
        while j < len(text):
            m = _BAND_RE.match(text, j)
            if not m:
                if not raise_errors:
                    return []
                rest = text[j:]
                if re.match(r"(pter|qter|cen)", rest):
                    msg = (f"Use band names such as q22 or p13.1 here: {rest[:4].rstrip('q;')} belongs to "
                           "ISCN's detailed system, which this parser does not read.")
                elif rest[0] in "PQ":
                    msg = f"Arms are written in lower case: {rest[0].lower()}{_quote(rest[1:], 8)}."
                elif re.match(r"(\d+|[XY])[pq]", rest):
                    msg = ("Write only the band inside the second parentheses, without the chromosome: "
                           "t(8;21)(q22;q22), not (8q22;21q22).")
                else:
                    msg = (f"{_quote(rest)} is not a band: a band is an arm (p or q) and a number, "
                           "such as q22 or p13.1.")
                raise self.fail("BAD_BAND", msg, pos + j)
            out.append(m.group())
            j = m.end()
        return out

    def check_bands(self, abbr: str, chroms: tuple[str, ...], groups: list[list[str]], pos: int, text: str) -> None:
        j = 0
        offsets = []
        for group in groups:
            for band in group:
                j = text.index(band, j)
                offsets.append(pos + j)
                j += len(band)
        k = 0
        whole_arm = abbr in ("i", "rob") or (abbr == "der" and len(chroms) == 2)
        for chrom, group in zip(chroms, groups):
            for band in group:
                at = offsets[k]
                k += 1
                centromere = band in ("p10", "q10")
                if abbr == "rob" and band != "q10":
                    raise self.fail(
                        "NEEDS_CENTROMERE",
                        "A Robertsonian translocation joins the long arms of two acrocentric chromosomes "
                        f"at the centromere: write rob({';'.join(chroms)})(q10;q10).",
                        at,
                    )
                if whole_arm and not centromere:
                    example = "i(17)(q10) or i(X)(p10)" if abbr == "i" else "der(1;7)(q10;p10)"
                    raise self.fail(
                        "NEEDS_CENTROMERE",
                        f"{_NAME[abbr].capitalize()} is joined at the centromere, so its breakpoint is p10 "
                        f"or q10 (not {band}), as in {example}.",
                        at,
                    )
                if centromere:
                    if abbr not in _CENTROMERE_ALLOWED:
                        raise self.fail(
                            "CENTROMERE_NOT_ALLOWED",
                            f"{band} means the centromere itself, which is used only for whole-arm changes such "
                            f"as i(17)(q10), rob(14;21)(q10;q10) or t(1;19)(q10;p10). Give a band for {abbr}(), "
                            f"such as {_EXAMPLE[abbr]}.",
                            at,
                        )
                    continue
                if band not in _band_table()[chrom]:
                    raise self.fail("UNKNOWN_BAND", self.unknown_band_message(chrom, band), at)

    @staticmethod
    def unknown_band_message(chrom: str, band: str) -> str:
        arm = band[0]
        ends = _arm_ends().get((chrom, arm))
        arm_name = "short arm (p)" if arm == "p" else "long arm (q)"
        if not ends:
            return f"{chrom}{band} is not a band of chromosome {chrom}."
        return (f"{chrom}{band} is not a band of chromosome {chrom}: its {arm_name} runs from {chrom}{ends[0]} "
                f"at the centromere to {chrom}{ends[1]} at the tip. A coarser name such as "
                f"{chrom}{ends[1].split('.')[0]} is fine.")

    def normalise_order(
        self, abbr: str, chroms: tuple[str, ...], bands: tuple[tuple[str, ...], ...]
    ) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        if len(chroms) < 2:
            return chroms, bands
        first = min(range(len(chroms)), key=lambda j: (_RANK[chroms[j]], j))
        if first == 0:
            return chroms, bands
        new_chroms = chroms[first:] + chroms[:first]
        new_bands = bands[first:] + bands[:first] if bands else bands
        self.warn(
            f"Wrote {abbr}({';'.join(chroms)}) as {abbr}({';'.join(new_chroms)}): ISCN lists the sex "
            "chromosome or the lowest-numbered chromosome first (the breakpoints move with their chromosomes)."
        )
        return new_chroms, new_bands

    # -- whole-line checks -------------------------------------------------------------------------

    def check_line(self, line: CellLine, written: str, pos: int) -> None:
        for c in sorted(set(line.gains) & set(line.losses), key=_RANK.get):
            self.warn(f"{_quote(written, 40)} lists both a gain and a loss of chromosome {c}, which cancel out.")
        try:
            copies = _inventory(line)
        except _TooFew as e:
            raise self.fail(
                "NOT_ENOUGH_COPIES",
                f"{_quote(written, 40)} removes or rearranges chromosome {e.chromosome} {_plural(e.removed, 'time')}, "
                f"but a {_PLOIDY_NAME[line.ploidy]} cell with these changes has only "
                f"{_plural(e.available, 'copy', 'copies')} of it.",
                pos,
            ) from None
        expected = len(copies)
        if expected == line.chromosome_count:
            if "X" not in line.sex_chromosomes and not any("X" in c.contains for c in copies):
                self.warn(
                    f"{_quote(written, 40)} has no X chromosome: human cells cannot survive without one, "
                    "so check the sex chromosomes."
                )
            return
        raise self.fail("COUNT_MISMATCH", _count_message(line, written, expected), pos)

    def check_mosaic(self, lines: tuple[CellLine, ...], prefix: str) -> None:
        complements = [line.sex_chromosomes for line in lines]
        if len(set(complements)) == 1:
            return
        has_y = ["Y" in s for s in complements]
        shown = " and ".join(dict.fromkeys(complements))
        if prefix == "chi":
            return
        if any(has_y) and any(not y and s.count("X") >= 2 for y, s in zip(has_y, complements)):
            self.warn(
                f"The cell lines have different sex chromosomes ({shown}): cells with XX and with XY "
                "in one person suggest a chimera (two cell lineages from different zygotes), written "
                "with the prefix chi, rather than a mosaic."
            )
        else:
            self.warn(
                f"The cell lines have different sex chromosomes ({shown}), as in mosaicism for a lost "
                "or gained sex chromosome; if they came from two zygotes it is a chimera (prefix chi)."
            )


class _TooFew(Exception):
    def __init__(self, chromosome: str, removed: int, available: int) -> None:
        self.chromosome, self.removed, self.available = chromosome, removed, available


def _count_message(line: CellLine, written: str, expected: int) -> str:
    gains = sum(1 for a in line.abnormalities if a.kind == "gain")
    losses = sum(1 for a in line.abnormalities if a.kind == "loss" and a.chromosomes[0] not in SEX_CHROMOSOMES)
    sex_losses = sum(1 for a in line.abnormalities if a.kind == "loss" and a.chromosomes[0] in SEX_CHROMOSOMES)
    fusions = sum(1 for a in line.abnormalities if a.is_fusion and not a.extra)
    extras = sum(len(a.derivatives()) for a in line.abnormalities if a.is_structural and a.extra)
    sex_structural = sum(
        1 for a in line.abnormalities if a.is_structural and not a.extra
        for name, _ in a.derivatives() if name in SEX_CHROMOSOMES
    )
    parts = []
    if gains:
        parts.append(_plural(gains, "gain"))
    if losses:
        parts.append(_plural(losses, "loss", "losses"))
    if fusions:
        parts.append(_plural(fusions, "fusion") + " of two chromosomes into one")
    if extras:
        parts.append(_plural(extras, "extra rearranged chromosome"))
    if line.markers:
        parts.append(_plural(line.markers, "marker"))
    if sex_structural:
        parts.append(_plural(sex_structural, "rearranged sex chromosome"))
    listed = "lists " + _join(parts) if parts else "lists no gains or losses"
    subject = written if len(written) <= 40 else "This cell line"
    message = f"{subject} {listed}, so the count should be {expected}"
    message += f" (not {line.chromosome_count})." if parts else f", not {line.chromosome_count}."
    p = line.ploidy
    if p != 2:
        message += (f" A count of {line.chromosome_count} is read as {_PLOIDY_NAME[p]}: {22 * p} autosomes "
                    "plus the sex chromosomes.")
    if sex_structural:
        message += (" A rearranged X or Y is written as a change, not in the sex-chromosome field, "
                    "as in 46,X,i(X)(q10).")
    if sex_losses:
        message += " A lost X or Y is also left out of the sex-chromosome field, as in 45,X,-Y."
    return message


# --------------------------------------------------------------------------------------------------
# What a cell line contains
# --------------------------------------------------------------------------------------------------


def _sex_copies(sex: str, ploidy: int) -> list[ChromosomeCopy]:
    """The sex-chromosome field as normal and extra copies (beyond the ploidy, the commoner letter is extra)."""
    left = Counter(sex)
    extra: Counter[str] = Counter()
    for _ in range(max(0, len(sex) - ploidy)):
        letter = "X" if left["X"] >= left["Y"] else "Y"
        left[letter] -= 1
        extra[letter] += 1
    out = []
    for letter in ("X", "Y"):
        out += [ChromosomeCopy(letter, "normal", "", (letter,))] * left[letter]
        out += [ChromosomeCopy(letter, "extra", f"+{letter}", (letter,))] * extra[letter]
    return out


def _inventory(line: CellLine) -> tuple[ChromosomeCopy, ...]:
    p = line.ploidy
    removed: Counter[str] = Counter()
    by_name: dict[str, list[ChromosomeCopy]] = {c: [] for c in CHROMOSOMES}
    extras: dict[str, list[ChromosomeCopy]] = {c: [] for c in CHROMOSOMES}
    markers: list[ChromosomeCopy] = []
    for a in line.abnormalities:
        if a.kind == "gain":
            c = a.chromosomes[0]
            extras[c].append(ChromosomeCopy(c, "extra", f"+{c}", (c,)))
        elif a.kind == "loss":
            if a.chromosomes[0] in AUTOSOMES:
                removed[a.chromosomes[0]] += 1
        elif a.kind == "marker":
            markers += [ChromosomeCopy("mar", "marker", a.label, ())] * a.copies
        else:
            for name, contains in a.derivatives():
                by_name[name].append(ChromosomeCopy(name, "structural", a.label, contains))
            for c in a.consumes():
                if c in AUTOSOMES:
                    removed[c] += 1
    out: list[ChromosomeCopy] = []
    for c in AUTOSOMES:
        normal = p - removed[c]
        if normal < 0:
            if len(extras[c]) + normal < 0:
                raise _TooFew(c, removed[c], p + len(extras[c]))
            extras[c] = extras[c][:normal]
            normal = 0
        out += [ChromosomeCopy(c, "normal", "", (c,))] * normal + by_name[c] + extras[c]
    sex = _sex_copies(line.sex_chromosomes, p)
    for c in SEX_CHROMOSOMES:
        out += [x for x in sex if x.name == c and x.kind == "normal"] + by_name[c]
        out += [x for x in sex if x.name == c and x.kind == "extra"] + extras[c]
    return tuple(out + markers)


def expected_count(line: CellLine) -> int:
    """The chromosome count that a cell line's ploidy, sex chromosomes and changes add up to."""
    try:
        return len(_inventory(line))
    except _TooFew:
        raise ValueError("This cell line removes more copies of a chromosome than it has.") from None


def chromosome_copies(k: Karyotype, line: int = 0) -> tuple[ChromosomeCopy, ...]:
    """The chromosomes of one cell line as drawn on a karyogram: 1-22, X, Y in order, markers last."""
    if not 0 <= line < len(k.cell_lines):
        raise IndexError(f"This karyotype has {len(k.cell_lines)} cell line(s); there is no line {line}.")
    return _inventory(k.cell_lines[line])


# --------------------------------------------------------------------------------------------------
# Plain-English description
# --------------------------------------------------------------------------------------------------

_TRISOMY_SYNDROME = {"21": "Down syndrome", "18": "Edwards syndrome", "13": "Patau syndrome"}
_SEX_COMPLEMENTS = {
    # sex-chromosome field: (what the person has, the condition it causes)
    "X": ("a single X chromosome (monosomy X)", "Turner syndrome"),
    "XXY": ("an extra X chromosome", "Klinefelter syndrome"),
    "XXX": ("three X chromosomes", "trisomy X (also called triple X syndrome)"),
    "XYY": ("an extra Y chromosome", "XYY syndrome"),
    "XXYY": ("an extra X and an extra Y chromosome", "48,XXYY syndrome"),
    "XXXY": ("two extra X chromosomes", "48,XXXY syndrome"),
    "XXXXY": ("three extra X chromosomes", "49,XXXXY syndrome"),
    "XXXX": ("four X chromosomes", "tetrasomy X"),
    "XXXXX": ("five X chromosomes", "pentasomy X"),
}
_FUSIONS = [
    # (kind, chromosomes, band prefixes, what it is)
    ("t", ("9", "22"), ("q34", "q11"), "which makes the Philadelphia chromosome and its BCR::ABL1 fusion, "
     "found in chronic myeloid leukemia and some acute leukemias"),
    ("t", ("8", "21"), ("q22", "q22"), "which makes the RUNX1::RUNX1T1 fusion of a type of acute myeloid leukemia"),
    ("t", ("15", "17"), ("q24", "q21"), "which makes the PML::RARA fusion of acute promyelocytic leukemia"),
    ("t", ("15", "17"), ("q22", "q21"), "which makes the PML::RARA fusion of acute promyelocytic leukemia"),
    ("inv", ("16",), ("p13", "q22"), "which makes the CBFB::MYH11 fusion of a type of acute myeloid leukemia"),
    ("t", ("16", "16"), ("p13", "q22"), "which makes the CBFB::MYH11 fusion of a type of acute myeloid leukemia"),
    ("t", ("9", "11"), ("p21", "q23"), "which makes the KMT2A::MLLT3 fusion seen in acute myeloid leukemia"),
    ("t", ("9", "11"), ("p22", "q23"), "which makes the KMT2A::MLLT3 fusion seen in acute myeloid leukemia"),
]


def _within(band: str, prefix: str) -> bool:
    return band == prefix or band.startswith(prefix + ".")


def _known_fusion(a: Abnormality) -> str | None:
    for kind, chroms, prefixes, what in _FUSIONS:
        if a.kind != kind or a.chromosomes != chroms:
            continue
        bands = [b for group in a.breakpoints for b in group]
        if len(bands) == len(prefixes) and all(_within(b, p) for b, p in zip(bands, prefixes)):
            return what
    return None


def _arm(band: str) -> str:
    return "short arm" if band.startswith("p") else "long arm"


def _structural_phrase(a: Abnormality) -> str:
    c = a.chromosomes
    bands = [b for group in a.breakpoints for b in group]
    where = _join([f"{ch}{b}" for ch, group in zip(c, a.breakpoints) for b in group])
    extra = "an extra " if a.extra else ""
    if a.kind == "t":
        between = f"the two chromosome {c[0]}s" if len(set(c)) == 1 else f"chromosomes {_join(list(c))}"
        phrase = f"a translocation between {between} (breaks at {where})"
        known = _known_fusion(a)
        return phrase + (", " + known if known else "")
    if a.kind == "rob":
        return f"a Robertsonian translocation that joins the long arms of chromosomes {c[0]} and {c[1]}"
    if a.kind == "der" and len(c) == 2:
        return (f"{extra or 'a '}derivative chromosome that joins the {_arm(bands[0])} of chromosome {c[0]} "
                f"to the {_arm(bands[1])} of chromosome {c[1]}")
    if a.kind == "der":
        made = _join([_structural_phrase(s).split(" (")[0] for s in a.steps])
        phrase = f"{extra or 'a '}derivative chromosome {c[0]}, made by {made}"
        if any(_known_fusion(s) and s.chromosomes == ("9", "22") for s in a.steps) and c[0] == "22":
            phrase += ": the Philadelphia chromosome (BCR::ABL1)"
        return phrase
    if a.kind == "del":
        if len(bands) == 1:
            return f"{extra or 'a '}deletion of the end of the {_arm(bands[0])} of chromosome {c[0]}, from {c[0]}{bands[0]}"
        return f"{extra or 'a '}deletion within chromosome {c[0]}, between {c[0]}{bands[0]} and {c[0]}{bands[1]}"
    if a.kind == "dup":
        span = f"of {c[0]}{bands[0]}" if len(bands) == 1 else f"from {c[0]}{bands[0]} to {c[0]}{bands[1]}"
        return f"{extra or 'a '}duplication {span}"
    if a.kind == "inv":
        known = _known_fusion(a)
        phrase = f"{extra or 'an '}inversion of chromosome {c[0]} between {c[0]}{bands[0]} and {c[0]}{bands[1]}"
        return phrase + (", " + known if known else "")
    if a.kind == "i":
        return (f"{extra or 'an '}isochromosome {c[0]}{bands[0][0]} (two copies of the {_arm(bands[0])} of "
                f"chromosome {c[0]} joined at the centromere)")
    if a.kind == "r":
        return f"{extra or 'a '}ring chromosome {c[0]} (broken at {c[0]}{bands[0]} and {c[0]}{bands[1]} and joined end to end)"
    if a.kind == "add":
        return f"{extra or ''}material of unknown origin attached to chromosome {c[0]} at {c[0]}{bands[0]}".lstrip()
    return f"{extra or ''}{_NAME[a.kind]}"


def _copies_phrase(c: str, copies: int, ploidy: int) -> str:
    somy = {0: "nullisomy", 1: "monosomy", 3: "trisomy", 4: "tetrasomy", 5: "pentasomy"}
    text = f"no chromosome {c}" if copies == 0 else f"{_plural(copies, 'copy', 'copies')} of chromosome {c}"
    if ploidy == 2 and copies in somy:
        text += f" ({somy[copies]} {c})"
    elif ploidy != 2:
        text += f" instead of {_number(ploidy)}"
    return text


@dataclass(frozen=True)
class _Feature:
    """One unusual thing about a cell line, and the condition it causes when present in every cell."""

    phrase: str
    syndrome: str | None = None
    style: str = "colon"  # how a lone feature names its syndrome: "cause", "colon", "inline" (named in phrase)

    def alone(self) -> str:
        if not self.syndrome or self.style == "inline":
            return self.phrase
        if self.style == "cause":
            return f"{self.phrase}, the cause of {self.syndrome}"
        return f"{self.phrase}: {self.syndrome}"

    def among_others(self) -> str:
        if not self.syndrome or self.style == "inline":
            return self.phrase
        return f"{self.phrase}, as in {self.syndrome}"


def _effective_sex(line: CellLine, copies: tuple[ChromosomeCopy, ...]) -> str:
    """The sex chromosomes present, counting rearranged ones (46,X,i(X)(q10) has two X)."""
    rearranged = [x.name for x in copies if x.kind == "structural" and x.name in SEX_CHROMOSOMES]
    return "".join(sorted(line.sex_chromosomes + "".join(rearranged)))


def _is_turner_variant(a: Abnormality, line: CellLine) -> bool:
    if a.chromosomes != ("X",) or line.sex_chromosomes != "X" or a.extra:
        return False
    bands = [b for group in a.breakpoints for b in group]
    return (a.kind == "i" and bands == ["q10"]) or a.kind == "r" or (a.kind == "del" and bands[0].startswith("p"))


def _features(line: CellLine) -> list[_Feature]:
    """What is unusual about a cell line, in the order ISCN lists it."""
    p = line.ploidy
    copies = _inventory(line)
    sex = _effective_sex(line, copies)
    out: list[_Feature] = []
    sex_losses = [c for c in line.losses if c in SEX_CHROMOSOMES]
    if p == 2:
        if sex_losses:
            out += [_Feature(f"loss of {'the Y' if c == 'Y' else 'an X'} chromosome") for c in sex_losses]
        elif sex not in ("XX", "XY"):
            if sex in _SEX_COMPLEMENTS:
                out.append(_Feature(*_SEX_COMPLEMENTS[sex]))
            else:
                out.append(_Feature(
                    f"{_plural(sex.count('X'), 'X chromosome')} and {_plural(sex.count('Y'), 'Y chromosome')}"
                ))
    else:
        name = {1: "haploidy", 3: "triploidy", 4: "tetraploidy"}[p]
        sets = "one set" if p == 1 else f"{_number(p)} full sets"
        out.append(_Feature(f"{sets} of chromosomes instead of two ({name}; sex chromosomes {line.sex_chromosomes})"))
        out += [_Feature(f"loss of {'a Y' if c == 'Y' else 'an X'} chromosome") for c in sex_losses]
    out += [_Feature(f"a gained {c} chromosome") for c in line.gains if c in SEX_CHROMOSOMES]
    net: Counter[str] = Counter()
    for a in line.abnormalities:
        if a.is_numerical and a.chromosomes[0] in AUTOSOMES:
            net[a.chromosomes[0]] += 1 if a.kind == "gain" else -1
    rob21 = next(
        (a for a in line.structural if a.kind == "rob" and "21" in a.chromosomes and not a.extra), None
    ) if p == 2 and net["21"] == 1 else None
    for c in sorted(net, key=_RANK.get):
        if net[c] == 0 or (rob21 and c == "21"):
            continue
        n = p + net[c]
        syndrome = _TRISOMY_SYNDROME.get(c) if p == 2 and n == 3 else None
        out.append(_Feature(_copies_phrase(c, n, p), syndrome, "cause"))
    for a in line.structural:
        if a is rob21:
            other = a.chromosomes[0]
            joined = "two chromosome 21s" if other == "21" else f"chromosomes {other} and 21"
            separate = sum(1 for x in copies if x.name == "21" and x.kind in ("normal", "extra"))
            sep = "the two separate chromosome 21s" if separate == 2 else "the separate chromosome 21"
            out.append(_Feature(
                f"translocation Down syndrome: a Robertsonian translocation joins the long arms of {joined}, "
                f"and with {sep} there are three copies of the long arm of chromosome 21",
                "translocation Down syndrome", "inline",
            ))
        elif _is_turner_variant(a, line):
            out.append(_Feature(_structural_phrase(a), "a form of Turner syndrome"))
        else:
            out.append(_Feature(_structural_phrase(a)))
    if line.markers:
        out.append(_Feature(
            f"{_plural(line.markers, 'marker chromosome')} (a small extra chromosome that banding cannot identify)"
        ))
    return out


def _sex_word(line: CellLine) -> str:
    sex = _effective_sex(line, _inventory(line))
    return "male" if "Y" in sex or "Y" in line.losses else "female"


def _join_phrases(phrases: list[str]) -> str:
    if len(phrases) > 1 and any("," in ph for ph in phrases):
        return "; ".join(phrases[:-1]) + "; and " + phrases[-1]
    return _join(phrases)


def _render(features: list[_Feature], syndromes: bool = True) -> str:
    if len(features) == 1:
        return features[0].alone() if syndromes else features[0].phrase
    return _join_phrases([f.among_others() if syndromes else f.phrase for f in features])


def describe(k: Karyotype) -> str:
    """A plain-English sentence or two saying what the karyotype means, for learners."""
    iscn = str(k)
    if k.is_mosaic:
        return f"{iscn}: {_describe_mosaic(k)}"
    line = k.cell_lines[0]
    sex = _sex_word(line)
    if line.is_typical:
        chroms = "two X" if line.sex_chromosomes == "XX" else "one X and one Y"
        return f"{iscn}: a typical {sex} karyotype: 46 chromosomes, {chroms}."
    if (line.ploidy == 2 and line.sex_chromosomes in ("XX", "XY") and len(line.abnormalities) == 1
            and line.abnormalities[0].kind == "rob"):
        a = line.abnormalities[0]
        text = (f"{iscn}: a {sex} carrier of a balanced Robertsonian translocation: the long arms of "
                f"chromosomes {a.chromosomes[0]} and {a.chromosomes[1]} are joined, so there are "
                f"{line.chromosome_count} chromosomes but no important genetic material is missing. "
                "Carriers are usually healthy, but their children have a higher chance of an unbalanced form")
        return text + (", such as translocation Down syndrome." if "21" in a.chromosomes else ".")
    features = _features(line)
    if not features:
        return f"{iscn}: a {sex} karyotype whose changes cancel out: {line.chromosome_count} chromosomes."
    if line.ploidy != 2 and len(features) == 1:
        name = {1: "haploidy", 3: "triploidy", 4: "tetraploidy"}[line.ploidy]
        sets = "one set" if line.ploidy == 1 else f"{_number(line.ploidy)} full sets"
        return (f"{iscn}: {name}: {sets} of chromosomes instead of two, "
                f"with sex chromosomes {line.sex_chromosomes}.")
    return f"{iscn}: a {sex} with {_render(features)}."


def _describe_mosaic(k: Karyotype) -> str:
    lines = k.cell_lines
    total = k.total_cells
    sexes_differ = len({_sex_word(line) for line in lines}) > 1
    clauses = []
    for j, line in enumerate(lines):
        if line.is_typical:
            what = f"are typical ({line.sex_chromosomes})" if sexes_differ else "are typical"
        else:
            what = "have " + _render(_features(line), syndromes=False)
        if total:
            share = f"{round(100 * line.cells / total)}%"  # type: ignore[operator]
            who = f"{line.cells} of {total} cells ({share})" if j == 0 else f"{line.cells} ({share})"
            clauses.append(f"{who} {what}")
        else:
            who = "in one, the cells" if j == 0 else ("in the other, they" if len(lines) == 2 else "in another, they")
            clauses.append(f"{who} {what}")
    head = f"{_number(len(lines))} cell lines" + ("" if total else " (cell counts not given)")
    joiner = "; " if any("," in c for c in clauses) else ", "
    text = f"{head}: {joiner.join(clauses)}."
    # Name a mosaic syndrome only when each unusual line has that one feature and nothing else.
    unusual = [_features(line) for line in lines if not line.is_typical]
    syndromes = {fs[0].syndrome for fs in unusual if len(fs) == 1 and fs[0].syndrome}
    if any(len(fs) != 1 or not fs[0].syndrome for fs in unusual):
        syndromes = set()
    if k.prefix == "chi":
        text += " This is a chimera: the cell lines come from two different zygotes."
    elif len(syndromes) == 1 and any(line.is_typical for line in lines):
        text += f" This is mosaic {syndromes.pop().removeprefix('a form of ')}."
    elif sexes_differ:
        text += " Cells with and without a Y chromosome in one person may be a mosaic or a chimera."
    return text
