"""ISCN 2020 karyotypes: read them, check them against the GRCh38 bands, and say what they mean.

The model layer: pure functions and frozen dataclasses, no plotting and no printing.

    >>> k = parse_karyotype("47,XY,+21")
    >>> k.chromosome_count, k.sex_chromosomes, k.gains
    (47, 'XY', ('21',))

What is supported (short system only): whole-chromosome gains and losses (+21, -7, +X); the sex
chromosome field (X, XX, XY, XXY, XXX, XYY, XXYY, XXXY, XXXXY ...); haploid to tetraploid counts
(the ploidy is read from the count with ISCN's ranges: up to 34 haploid, 35-57 diploid, 58-80 triploid,
81-103 tetraploid); mosaics and chimeras (``mos``/``chi`` prefix optional) with cell counts ``[n]``; and
the structural changes t, del, dup, inv, i, r, add, der and rob, plus markers (+mar, +2mar, +mar1). Tumor notation:
the constitutional mark c (+21c, XXYc), count ranges (46~47) and composite karyotypes ([cp10]), and clones
written with idem, sl or sdl (46,XX,t(8;21)(q22;q22.1)[10]/47,idem,+8[5]).

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

Where things are: ``model`` (the dataclasses), ``grammar`` (reading the text, its cell lines and fields),
``rearrangements`` (reading t(), del(), der() ...), ``bands`` (the GRCh38 bands and their ISCN positions),
``contents`` (the chromosome copies of a cell line), ``checks`` (the count and mosaic checks),
``derivatives`` (which segments make each changed chromosome, for the karyogram), ``tumor`` (the
constitutional c, count ranges, [cp n], idem, sl, sdl), ``describe`` (plain
English), ``errors`` (KaryotypeError and its codes), ``text`` (wording helpers).
"""
from __future__ import annotations

from lcbook.karyotype.bands import is_valid_band, valid_bands
from lcbook.karyotype.contents import chromosome_copies, expected_count
from lcbook.karyotype.describe import describe
from lcbook.karyotype.errors import ERROR_CODES, KaryotypeError
from lcbook.karyotype.grammar import parse_karyotype
from lcbook.karyotype.model import (
    ACROCENTRIC,
    AUTOSOMES,
    CHROMOSOMES,
    MAX_LENGTH,
    SEX_CHROMOSOMES,
    SUPPORTED_CHANGES,
    Abnormality,
    CellLine,
    ChromosomeCopy,
    Karyotype,
)

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
