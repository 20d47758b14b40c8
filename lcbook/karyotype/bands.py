"""The GRCh38 bands: which band names exist, and where each band lies in ISCN units at a band level."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from lcbook import data
from lcbook.karyotype.model import CHROMOSOMES

__all__ = ["RESOLUTIONS", "Band", "Chromosome", "bp_position", "break_position", "check_resolution", "chromosomes",
           "is_valid_band", "valid_bands"]

#: Band levels (bands per haploid set) that can be drawn.
RESOLUTIONS: tuple[int, ...] = (400, 550, 850)


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




@dataclass(frozen=True)
class Band:
    """One band at one level: name, stain, ISCN start and end (thousands of units from pter), GRCh38 bp."""

    name: str      # "q22.1"
    stain: str
    start: float   # thousands of ISCN units from pter (gaps of the 550 level closed)
    end: float
    bp_start: int
    bp_end: int


@dataclass(frozen=True)
class Chromosome:
    """One chromosome at one level: its bands, ISCN length and where its centromere lies."""

    name: str
    bands: tuple[Band, ...]
    length: float
    centromere: float


def check_resolution(resolution: int) -> None:
    """Raise a friendly ValueError unless resolution is one of RESOLUTIONS."""
    if resolution not in RESOLUTIONS:
        raise ValueError(
            f"There is no band level {resolution!r}: draw with one of "
            f"{', '.join(str(r) for r in RESOLUTIONS)} bands per haploid set."
        )


@lru_cache(maxsize=None)
def _all_band_rows() -> tuple[dict[str, str], ...]:
    return data.read_table("karyotype", "cytobands_hg38_iscn_all.tsv")


@lru_cache(maxsize=None)
def chromosomes(resolution: int) -> dict[str, Chromosome]:
    """The chromosomes at one band level, with ISCN positions (consecutive bands made to touch)."""
    check_resolution(resolution)
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _all_band_rows():
        if int(row["resolution"]) == resolution:
            rows[row["chrom"].removeprefix("chr")].append(row)
    out = {}
    for name in CHROMOSOMES:
        rs = rows[name]
        starts = [float(r["iscn_start"]) for r in rs]
        stops = [float(r["iscn_stop"]) for r in rs]
        # The 550-band level has small gaps: meet halfway.
        edges = [starts[0]] + [(stops[i - 1] + starts[i]) / 2 for i in range(1, len(rs))] + [stops[-1]]
        bands = tuple(
            Band(r["band"], r["stain"], edges[i] / 1000, edges[i + 1] / 1000, int(r["start"]), int(r["end"]))
            for i, r in enumerate(rs)
        )
        q_acen = [b for b in bands if b.stain == "acen" and b.name.startswith("q")]
        if not q_acen:
            raise ValueError(f"Chromosome {name} has no centromere (acen band) in the band table.")
        out[name] = Chromosome(name, bands, bands[-1].end, q_acen[0].start)
    return out


def _is_within(name: str, band: str) -> bool:
    """Whether band name (at some level) lies within band (a band or a coarser parent of it)."""
    return name == band or name.startswith(band + ".") or ("." in band and name.startswith(band))


@lru_cache(maxsize=None)
def break_position(chromosome: str, band: str, resolution: int) -> float:
    """Where a breakpoint lies, in ISCN units at this level: the middle of its band (p10/q10: the centromere)."""
    chrom = chromosomes(resolution)[chromosome]
    if band in ("p10", "q10"):
        return chrom.centromere
    spans = [
        (int(r["start"]), int(r["end"])) for r in _all_band_rows()
        if r["chrom"] == f"chr{chromosome}" and _is_within(r["band"], band)
    ]
    if not spans:
        raise ValueError(f"Band {chromosome}{band} is not in the band table.")
    bp = (min(s for s, _ in spans) + max(e for _, e in spans)) / 2
    return bp_position(chromosome, bp, resolution)


def bp_position(chromosome: str, bp: float, resolution: int) -> float:
    """Where a GRCh38 base-pair position lies, in ISCN units at this level (linear within its band)."""
    chrom = chromosomes(resolution)[chromosome]
    for b in chrom.bands:
        if b.bp_start <= bp < b.bp_end or b is chrom.bands[-1]:
            frac = (bp - b.bp_start) / max(1, b.bp_end - b.bp_start)
            return b.start + min(1.0, max(0.0, frac)) * (b.end - b.start)
    raise AssertionError("unreachable")

