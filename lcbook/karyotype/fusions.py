"""Fusion genes: the rearrangements the chapter names, the fusion each makes, and the two genes it breaks.

    >>> from lcbook.karyotype import parse_karyotype
    >>> known_fusion(parse_karyotype("46,XY,t(9;11)(p21.3;q23.3)").cell_lines[0].abnormalities[0]).name
    'KMT2A::MLLT3'

A fusion is written with HGNC's ``::`` (5' partner first). The rearrangement breaks inside both genes,
so each gene's two ends go to the two junctions it makes, even where the gene's GRCh38 band and the
breakpoint band ISCN writes differ (RUNX1T1 lies in 8q21.3; t(8;21) is written with 8q22).
"""
from __future__ import annotations

from dataclasses import dataclass

from lcbook.karyotype.model import Abnormality

__all__ = ["Fusion", "known_fusion"]


@dataclass(frozen=True)
class Fusion:
    """A fusion gene: its name (5'::3'), a phrase saying what it is, and the derivative that carries it."""

    name: str
    what: str
    #: The chromosome whose derivative carries the fusion gene ("11": der(11)); "" where the chapter does not say.
    on: str = ""

    @property
    def genes(self) -> tuple[str, ...]:
        """The two genes the rearrangement breaks and joins: ("KMT2A", "MLLT3")."""
        return tuple(self.name.split("::"))


_AML = "a type of acute myeloid leukemia"
# Which derivative carries the fusion: der(22), the Philadelphia chromosome, for BCR::ABL1; der(11) for
# KMT2A::MLLT3, as for KMT2A fusions generally (the Atlas of Genetics and Cytogenetics in Oncology and
# Haematology, entries t(9;11)(p21;q23) and t(11;19)(q23;p13.3)); der(8) for RUNX1::RUNX1T1 (the fusion
# signal on der(8) by FISH, Korean J Hematol 2010;45:89, PMC2983018). Left blank where not checked.
# (kind, chromosomes, breakpoint band prefixes, fusion, what it is)
_FUSIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], Fusion], ...] = (
    ("t", ("9", "22"), ("q34", "q11"), Fusion("BCR::ABL1", "which makes the Philadelphia chromosome and its "
     "BCR::ABL1 fusion, found in chronic myeloid leukemia and some acute leukemias", on="22")),
    ("t", ("8", "21"), ("q22", "q22"), Fusion("RUNX1::RUNX1T1", f"which makes the RUNX1::RUNX1T1 fusion of {_AML}", on="8")),
    ("t", ("15", "17"), ("q24", "q21"), Fusion("PML::RARA", "which makes the PML::RARA fusion of acute promyelocytic leukemia")),
    ("t", ("15", "17"), ("q22", "q21"), Fusion("PML::RARA", "which makes the PML::RARA fusion of acute promyelocytic leukemia")),
    ("inv", ("16",), ("p13", "q22"), Fusion("CBFB::MYH11", f"which makes the CBFB::MYH11 fusion of {_AML}")),
    ("t", ("16", "16"), ("p13", "q22"), Fusion("CBFB::MYH11", f"which makes the CBFB::MYH11 fusion of {_AML}")),
    ("t", ("9", "11"), ("p21", "q23"), Fusion("KMT2A::MLLT3", "which makes the KMT2A::MLLT3 fusion seen in acute myeloid leukemia", on="11")),
    ("t", ("9", "11"), ("p22", "q23"), Fusion("KMT2A::MLLT3", "which makes the KMT2A::MLLT3 fusion seen in acute myeloid leukemia", on="11")),
)


def _within(band: str, prefix: str) -> bool:
    return band == prefix or band.startswith(prefix + ".")


def known_fusion(a: Abnormality) -> Fusion | None:
    """The fusion gene a rearrangement makes, if it is one the chapter names (None otherwise)."""
    for kind, chroms, prefixes, fusion in _FUSIONS:
        if a.kind != kind or a.chromosomes != chroms:
            continue
        bands = [b for group in a.breakpoints for b in group]
        if len(bands) == len(prefixes) and all(_within(b, p) for b, p in zip(bands, prefixes)):
            return fusion
    return None
