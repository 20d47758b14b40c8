"""Where genes are: the GRCh38 band of the chapter's genes, and where each lies on the chromosomes of a cell.

    >>> gene_locus("KMT2A").name
    '11q23.3'

The loci are data (data/karyotype/gene_loci.tsv, each row with its source). A gene is placed at the middle
of its GRCh38 coordinates when they are given, otherwise at the middle of its band; on a rearranged
chromosome it is found in the piece of its own chromosome that carries it, so that a karyogram shows
where KMT2A sat and where a translocation took it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lcbook import data
from lcbook.karyotype.bands import _is_within, bp_position, break_position
from lcbook.karyotype.contents import chromosome_copies
from lcbook.karyotype.derivatives import _locate, derivative_pieces, line_chromosomes
from lcbook.karyotype.fusions import known_fusion
from lcbook.karyotype.model import Karyotype

__all__ = ["GeneLocus", "GenePlace", "gene_locus", "gene_loci", "gene_places"]


@dataclass(frozen=True)
class GeneLocus:
    """A gene, its chromosome and GRCh38 band (and coordinates when known), what it does, its page and source."""

    symbol: str
    chromosome: str
    band: str
    start: int | None
    end: int | None
    role: str
    page: str
    source: str

    @property
    def name(self) -> str:
        """The gene's band with its chromosome: "11q23.3"."""
        return f"{self.chromosome}{self.band}"

    def position(self, resolution: int = 400) -> float:
        """Where the gene lies on a normal copy of its chromosome, in ISCN units at a band level."""
        if self.start is not None and self.end is not None:
            return bp_position(self.chromosome, (self.start + self.end) / 2, resolution)
        return break_position(self.chromosome, self.band, resolution)


@dataclass(frozen=True)
class GenePlace:
    """One copy of a gene in a cell line: which chromosome copy (index into chromosome_copies) and how far down."""

    symbol: str
    copy: int
    distance: float  # from the top of the drawn chromosome, in ISCN units
    junction: str = ""  # the change (such as t(9;11)) whose break in the gene puts the gene at a junction
    fusion: str = ""  # the fusion gene that change makes with this gene (such as KMT2A::MLLT3), if any
    fusion_on: str = ""  # the chromosome whose derivative carries that fusion ("11": der(11)), where known


@lru_cache(maxsize=None)
def gene_loci() -> tuple[GeneLocus, ...]:
    """Every gene the chapter places on the karyogram, in the order of the data file."""
    out = []
    for r in data.read_table("karyotype", "gene_loci.tsv"):
        start, end = r["grch38_start"], r["grch38_end"]
        out.append(GeneLocus(r["symbol"], r["chrom"].removeprefix("chr"), r["band"],
                             int(start) if start else None, int(end) if end else None,
                             r["role"], r["page"], r["source"]))
    return tuple(out)


def gene_locus(symbol: str) -> GeneLocus:
    """The locus of a gene by its HGNC symbol, or a ValueError naming the genes there are."""
    for g in gene_loci():
        if g.symbol == symbol:
            return g
    known = ", ".join(g.symbol for g in gene_loci())
    hint = " (HGNC symbols are written in capitals)" if symbol.upper() in {g.symbol for g in gene_loci()} else ""
    raise ValueError(f"There is no gene {symbol!r} here{hint}: the genes placed on the karyogram are {known}.")


def gene_places(k: Karyotype, symbols: tuple[str, ...], line: int = 0, resolution: int = 400) -> tuple[GenePlace, ...]:
    """Every copy of each gene in one cell line: on normal and extra copies, and wherever a rearrangement put it."""
    loci = [gene_locus(s) for s in symbols]
    copies = chromosome_copies(k, line)
    out = []
    for j, (copy, a) in enumerate(line_chromosomes(k.cell_lines[line], copies)):
        for g in loci:
            if g.chromosome not in copy.contains:
                continue
            pos = g.position(resolution)
            broken = _break_in(a, g) if a is not None else None
            if broken:
                # Broken inside the gene's band: at this resolution the gene is at the break, so it is
                # drawn at the junction of each derivative (a fusion gene such as KMT2A::MLLT3 forms there).
                pos = break_position(g.chromosome, broken, resolution)
            if a is None:
                out.append(GenePlace(g.symbol, j, pos))
                continue
            try:
                pieces = derivative_pieces(a, copy.name, resolution)
                # A broken gene is at every junction its break makes on this chromosome: one for a
                # translocation's derivative, two for an inversion (its two ends swap places).
                dists = _junctions(pieces, g.chromosome, pos) if broken else ()
                fusion, on = _fusion_with(a, g.symbol) if broken else ("", "")
                for dist in dists or (_locate(pieces, g.chromosome, pos),):
                    out.append(GenePlace(g.symbol, j, dist, a.label if broken else "", fusion, on))
            except (ValueError, IndexError):
                continue  # the gene's segment is not on this chromosome (or its shape is not worked out)
    return tuple(out)


def _junctions(pieces, src: str, pos: float) -> tuple[float, ...]:
    """The distances from the top at which a piece of chromosome src begins or ends at position pos."""
    out: list[float] = []
    acc = 0.0
    for s, a, b in pieces:
        for end, at in ((a, acc), (b, acc + abs(b - a))):
            if s == src and abs(end - pos) < 1e-6 and all(abs(at - d) > 1e-6 for d in out):
                out.append(at)
        acc += abs(b - a)
    return tuple(out)


def _fusion_with(a, symbol: str) -> tuple[str, str]:
    """The fusion gene change a (or a step of it) makes with this gene, and the derivative that carries it; or ("", "")."""
    for step in (a, *a.steps):
        fusion = known_fusion(step)
        if fusion and symbol in fusion.genes:
            return fusion.name, fusion.on
    return "", ""


def _break_in(a, g: GeneLocus) -> str | None:
    """The breakpoint band at which change a (or a step of it) breaks the gene: within its band, or a fusion's gene.

    A fusion breaks inside both its genes, also where ISCN writes the break in the next band
    (t(8;21) is written with 8q22; RUNX1T1 lies in 8q21.3).
    """
    for step in (a, *a.steps):
        fusion = known_fusion(step)
        for chrom, bands in zip(step.chromosomes, step.breakpoints):
            for b in bands:
                if chrom == g.chromosome and (_is_within(g.band, b) or _is_within(b, g.band)):
                    return b
        if fusion and g.symbol in fusion.genes:
            on_gene = [b for chrom, bands in zip(step.chromosomes, step.breakpoints) if chrom == g.chromosome for b in bands]
            if len(on_gene) == 1:
                return on_gene[0]
    return None
