"""Where the chapter's data live, and how to read them (the one place that knows the data/ folder)."""
from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

import yaml


def data_dir() -> Path:
    """The chapter's data/ folder (override with the LCBOOK_DATA environment variable)."""
    override = os.environ.get("LCBOOK_DATA")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "data"


def data_path(*parts: str) -> Path:
    """Path of a file under data/, with a clear error when it is missing."""
    path = data_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"The data file {'/'.join(parts)} was not found under {data_dir()}. "
            "If you copied one page into another book, copy the data/ folder too, "
            "or set LCBOOK_DATA to where it is."
        )
    return path


@lru_cache(maxsize=None)
def read_table(*parts: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV or TSV file under data/, as read-only tuples of dicts of strings."""
    path = data_path(*parts)
    delimiter = "\t" if path.suffix == ".tsv" else ","
    with path.open(newline="", encoding="utf-8") as f:
        return tuple(dict(row) for row in csv.DictReader(f, delimiter=delimiter))


@lru_cache(maxsize=None)
def read_yaml(*parts: str) -> object:
    """The parsed contents of a YAML file under data/."""
    with data_path(*parts).open(encoding="utf-8") as f:
        return yaml.safe_load(f)


# --- Karyotype data: GRCh38 cytogenetic bands (data/karyotype/, see its README.md) ---

import json  # noqa: E402
from dataclasses import dataclass  # noqa: E402

#: Band files by resolution (bands per haploid set); all are NCBI ideogram files for GRCh38.
CYTOBAND_FILES: dict[int, str] = {
    400: "cytobands_hg38_400.tsv",
    550: "cytobands_hg38_550.tsv",
    850: "cytobands_hg38.tsv",
}


@dataclass(frozen=True)
class Cytoband:
    """One cytogenetic band: chromosome ("1".."22", "X", "Y"), 0-based half-open bp span, name, stain."""

    chromosome: str
    start: int
    end: int
    band: str
    stain: str

    @property
    def arm(self) -> str:
        """The arm the band lies on: "p" (short) or "q" (long)."""
        return self.band[0]

    @property
    def is_centromere(self) -> bool:
        """Whether the band is one of the two centromeric (acen) bands."""
        return self.stain == "acen"


@lru_cache(maxsize=None)
def cytobands(resolution: int = 850) -> tuple[Cytoband, ...]:
    """The GRCh38 bands at 400, 550 or 850 bands per haploid set, in file order (chr1 pter to chrY qter)."""
    if resolution not in CYTOBAND_FILES:
        raise ValueError(
            f"There is no band file for resolution {resolution!r}: use one of "
            f"{', '.join(str(r) for r in sorted(CYTOBAND_FILES))}."
        )
    return tuple(
        Cytoband(
            chromosome=row["chrom"].removeprefix("chr"),
            start=int(row["start"]),
            end=int(row["end"]),
            band=row["band"],
            stain=row["stain"],
        )
        for row in read_table("karyotype", CYTOBAND_FILES[resolution])
    )


@dataclass(frozen=True)
class ChromosomeSize:
    """Size and shape of one chromosome: bp and ISCN-unit lengths, centromere index, Denver group."""

    chromosome: str
    denver_group: str
    morphology: str
    satellites: bool
    bp_length: int
    iscn_length_units: int
    centromere_index_iscn: float
    centromere_index_bp: float
    draw_length_rel_chr1: float


@lru_cache(maxsize=None)
def chromosome_sizes() -> tuple[ChromosomeSize, ...]:
    """One row per chromosome (1-22, X, Y) from chromosome_relative_sizes.tsv."""
    return tuple(
        ChromosomeSize(
            chromosome=row["chrom"],
            denver_group=row["denver_group"],
            morphology=row["morphology"],
            satellites=row["satellites"] == "yes",
            bp_length=int(row["bp_length"]),
            iscn_length_units=int(row["iscn_length_units"]),
            centromere_index_iscn=float(row["centromere_index_iscn"]),
            centromere_index_bp=float(row["centromere_index_bp"]),
            draw_length_rel_chr1=float(row["draw_length_rel_chr1"]),
        )
        for row in read_table("karyotype", "chromosome_relative_sizes.tsv")
    )


@lru_cache(maxsize=None)
def karyogram_layout() -> dict:
    """The Denver groups and karyogram rows from karyogram_layout.json (do not mutate: it is cached)."""
    with data_path("karyotype", "karyogram_layout.json").open(encoding="utf-8") as f:
        return json.load(f)
