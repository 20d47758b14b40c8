"""Where the chapter's data live, and how to read them (the one place that knows the data/ folder)."""
from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml


def data_dir() -> Path:
    """The chapter's data/ folder: $LCBOOK_DATA, else the checkout's data/, else the installed copy."""
    override = os.environ.get("LCBOOK_DATA")
    if override:
        return Path(override)
    # Running from a checkout (an editable install, or the repository on sys.path): its own data/.
    repository = Path(__file__).resolve().parent.parent
    if (repository / "pyproject.toml").is_file() and (repository / "data" / "glossary.yaml").is_file():
        return repository / "data"
    # Installed (a wheel, pip install git+...): data/ ships as the package lcbook_data.
    from importlib.resources import files

    return Path(str(files("lcbook_data")))


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


# --- Down syndrome and Klinefelter syndrome (data/down_syndrome/, data/klinefelter/, see their README.md) ---


@dataclass(frozen=True)
class AgeRisk:
    """A published maternal-age-specific risk: at this age, 1 in ``risk_one_in`` live births."""

    age_years: int
    risk_one_in: int
    source: str

    @property
    def risk(self) -> float:
        """The risk as a probability (1/N)."""
        return 1.0 / self.risk_one_in


@dataclass(frozen=True)
class OriginShare:
    """Share (percent of ``share_of``) of trisomy 21 whose extra chromosome comes from this parent/division."""

    study: str
    parent: str
    division: str
    share_percent: float
    share_of: str
    n_cases: int
    approximate: bool
    source: str


@dataclass(frozen=True)
class OriginRange:
    """A stated range (percent) for the parental origin of the extra X in Klinefelter syndrome."""

    source_name: str
    parent: str
    share_percent_low: float
    share_percent_high: float
    wording: str
    authority: str
    source: str


@dataclass(frozen=True)
class CohortResult:
    """One cancer result of a Klinefelter cohort: a ratio (SMR, SIR or RR) with its 95% CI when given."""

    study: str
    country: str
    n_men: int
    karyotype_group: str
    outcome: str
    measure: str
    value: float
    ci_low: float | None
    ci_high: float | None
    source: str


def _optional_float(text: str) -> float | None:
    return float(text) if text.strip() else None


@lru_cache(maxsize=None)
def snijders_maternal_age_risk() -> tuple[AgeRisk, ...]:
    """Snijders et al. (1999) live-birth risks (Table 4, 40 weeks) of Down syndrome by maternal age."""
    return tuple(
        AgeRisk(int(r["age_years"]), int(r["risk_one_in"]), r["source"])
        for r in read_table("down_syndrome", "maternal_age_risk_snijders1996.csv")
    )


@lru_cache(maxsize=None)
def down_syndrome_parental_origin() -> tuple[OriginShare, ...]:
    """Parental origin and meiotic division of the extra chromosome 21, as published shares."""
    return tuple(
        OriginShare(
            study=r["study"], parent=r["parent"], division=r["division"],
            share_percent=float(r["share_percent"]), share_of=r["share_of"], n_cases=int(r["n_cases"]),
            approximate=r["approximate"] == "yes", source=r["source"],
        )
        for r in read_table("down_syndrome", "parental_origin.csv")
    )


@lru_cache(maxsize=None)
def klinefelter_parental_origin() -> tuple[OriginRange, ...]:
    """Stated ranges for the parental origin of the extra X in Klinefelter syndrome (secondary sources)."""
    return tuple(
        OriginRange(
            source_name=r["source_name"], parent=r["parent"],
            share_percent_low=float(r["share_percent_low"]), share_percent_high=float(r["share_percent_high"]),
            wording=r["wording"], authority=r["authority"], source=r["source"],
        )
        for r in read_table("klinefelter", "parental_origin.csv")
    )


@lru_cache(maxsize=None)
def klinefelter_cancer_cohorts() -> tuple[CohortResult, ...]:
    """Cancer results (SMR, SIR, RR) of the UK, Danish and Swedish Klinefelter cohorts."""
    return tuple(
        CohortResult(
            study=r["study"], country=r["country"], n_men=int(r["n_men"]),
            karyotype_group=r["karyotype_group"], outcome=r["outcome"], measure=r["measure"],
            value=float(r["value"]), ci_low=_optional_float(r["ci_low"]),
            ci_high=_optional_float(r["ci_high"]), source=r["source"],
        )
        for r in read_table("klinefelter", "cancer_cohorts.csv")
    )


# --- Fanconi anemia (data/fanconi/, see its README.md) ---


@dataclass(frozen=True)
class FanconiGene:
    """A Fanconi anemia gene the fact sheet names (14 of the 23 GeneReviews lists)."""

    gene: str
    fa_designation: str
    complementation_group: str
    inheritance: str
    approx_share_of_patients_percent: float | None
    chromosome_location: str
    notes: str
    source: str


@dataclass(frozen=True)
class FanconiOutcome:
    """One registry figure for Fanconi anemia: a cumulative incidence, O/E ratio, hazard or median age."""

    registry: str
    n: int | None
    outcome: str
    measure: str
    age_years: float | None
    value: float
    note: str
    source: str


@lru_cache(maxsize=None)
def fanconi_genes() -> tuple[FanconiGene, ...]:
    """The FA genes named in the fact sheet, with inheritance and (where given) share of patients."""
    return tuple(
        FanconiGene(
            gene=r["gene"], fa_designation=r["fa_designation"],
            complementation_group=r["complementation_group"], inheritance=r["inheritance"],
            approx_share_of_patients_percent=_optional_float(r["approx_share_of_patients_percent"]),
            chromosome_location=r["chromosome_location"], notes=r["notes"], source=r["source"],
        )
        for r in read_table("fanconi", "genes.csv")
    )


@lru_cache(maxsize=None)
def fanconi_cohort_outcomes() -> tuple[FanconiOutcome, ...]:
    """Blood and cancer outcomes of the IFAR, North American and German FA cohorts, and GeneReviews."""
    return tuple(
        FanconiOutcome(
            registry=r["registry"], n=int(r["n"]) if r["n"].strip() else None, outcome=r["outcome"],
            measure=r["measure"], age_years=_optional_float(r["age_years"]), value=float(r["value"]),
            note=r["note"], source=r["source"],
        )
        for r in read_table("fanconi", "cohort_outcomes.csv")
    )
