"""What a karyotype is: chromosomes, changes (Abnormality), cell lines and the karyotype itself."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ACROCENTRIC", "AUTOSOMES", "CHROMOSOMES", "MAX_LENGTH", "SEX_CHROMOSOMES", "SUPPORTED_CHANGES",
    "Abnormality", "CellLine", "ChromosomeCopy", "Karyotype",
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

_RANK = {"X": 0, "Y": 1, **{c: int(c) + 1 for c in AUTOSOMES}}


def _ploidy(count: int) -> int:
    """The ploidy ISCN reads from a count: 1 (up to 34), 2 (35-57), 3 (58-80), 4 (81-103)."""
    if count <= 34:
        return 1
    if count <= 57:
        return 2
    if count <= 80:
        return 3
    return 4


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


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
    constitutional: bool = False  # marked c in a tumor karyotype (+21c): present from birth, not acquired

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
        c = "c" if self.constitutional else ""
        if self.kind in ("gain", "loss"):
            return str(self)
        if self.kind == "marker":
            return f"mar{self.marker_id}{c}"
        if self.kind == "i" and self.breakpoints:
            return f"i({self.chromosomes[0]}{self.breakpoints[0][0][0]}){c}"
        head = f"{self.kind}({';'.join(self.chromosomes)})"
        return head + "".join(step.label for step in self.steps) + c

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
        c = "c" if self.constitutional else ""
        if self.kind == "gain":
            return f"+{self.chromosomes[0]}{c}"
        if self.kind == "loss":
            return f"-{self.chromosomes[0]}{c}"
        if self.kind == "marker":
            return f"+{self.copies if self.copies > 1 else ''}mar{self.marker_id}{c}"
        text = f"{'+' if self.extra else ''}{self.kind}({';'.join(self.chromosomes)})"
        if self.breakpoints:
            text += "(" + ";".join("".join(group) for group in self.breakpoints) + ")"
        return text + "".join(str(step) for step in self.steps) + c


@dataclass(frozen=True)
class CellLine:
    """One cell line: its chromosome count, sex-chromosome field, changes (canonical order), cells [n]."""

    chromosome_count: int  # the count, or the lowest of a range (46 of 46~47)
    sex_chromosomes: str
    abnormalities: tuple[Abnormality, ...] = ()  # every change, the inherited ones of an idem/sl/sdl line too
    cells: int | None = None
    max_count: int | None = None  # the highest of a count range (47 of 46~47), None for one count
    constitutional_sex: bool = False  # the sex-chromosome field marked c (XXYc): the complement from birth
    composite: bool = False  # [cp10]: a composite of cells each with some of the changes
    inherits: str = ""  # "idem", "sl", "sdl" or "sdl1": the clone this one adds changes to
    added: tuple[Abnormality, ...] = ()  # for an idem/sl/sdl line: the changes it adds, as written

    @property
    def count_text(self) -> str:
        """The count as written: "47", or "46~47" for a range."""
        return f"{self.chromosome_count}~{self.max_count}" if self.max_count is not None else str(self.chromosome_count)

    @property
    def constitutional(self) -> tuple[Abnormality, ...]:
        """The changes marked c (constitutional) in this line."""
        return tuple(a for a in self.abnormalities if a.constitutional)

    @property
    def is_acquired(self) -> bool:
        """Whether the line is written with tumor notation (c, a count range, [cp], idem, sl or sdl)."""
        return bool(self.constitutional or self.constitutional_sex or self.max_count is not None
                    or self.composite or self.inherits)

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
        if self.inherits:
            parts = [self.count_text, self.inherits, *(str(a) for a in self.added)]
        else:
            sex = self.sex_chromosomes + ("c" if self.constitutional_sex else "")
            parts = [self.count_text, sex, *(str(a) for a in self.abnormalities)]
        cells = "" if self.cells is None else f"[{'cp' if self.composite else ''}{self.cells}]"
        return ",".join(parts) + cells


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

