"""Mendelian inheritance of one gene: Punnett squares, expected proportions and simulated sibships.

Three modes are modeled, each with its own allele letters (ASCII, so they are easy to type):

* ``"autosomal recessive"`` (Bloom syndrome, most Fanconi anemia): ``A`` typical, ``a`` variant;
  genotypes ``AA`` (non-carrier), ``Aa`` (carrier), ``aa`` (affected).
* ``"autosomal dominant"`` (familial predisposition: RUNX1, GATA2, DDX41, CEBPA): ``d`` typical,
  ``D`` variant; ``dd`` (unaffected), ``Dd`` and ``DD`` (carry the variant; affected with
  probability ``penetrance``).
* ``"X-linked recessive"`` (Wiskott-Aldrich syndrome, FANCB): ``XA`` typical X, ``Xa`` variant X,
  ``Y``; mothers ``XAXA``, ``XAXa``, ``XaXa``; fathers ``XAY``, ``XaY``.

A phenotype is ``"affected"``, ``"carrier"`` (carries the variant but has no disease: a
heterozygote in the recessive modes, a non-penetrant variant carrier in the dominant one) or
``"unaffected"``. Everything here is exact (``fractions.Fraction``) except the simulation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from numbers import Real

import numpy as np

from lcbook.errors import FriendlyError

AR = "autosomal recessive"
AD = "autosomal dominant"
XLR = "X-linked recessive"
MODES: tuple[str, ...] = (XLR, AR, AD)
PHENOTYPES: tuple[str, ...] = ("affected", "carrier", "unaffected")
SEXES: tuple[str, ...] = ("son", "daughter")

#: For each mode, every allele and whether it is the disease variant.
_ALLELES: dict[str, dict[str, bool]] = {
    AR: {"A": False, "a": True},
    AD: {"D": True, "d": False},
    XLR: {"XA": False, "Xa": True, "Y": False},
}
#: Valid genotypes for each mode and parent, with what they mean (used in error messages).
_VALID: dict[str, dict[str, dict[str, str]]] = {
    AR: {p: {"AA": "non-carrier", "Aa": "carrier", "aa": "affected"} for p in ("mother", "father")},
    AD: {p: {"dd": "unaffected", "Dd": "carries the variant", "DD": "two copies of the variant"}
         for p in ("mother", "father")},
    XLR: {
        "mother": {"XAXA": "non-carrier", "XAXa": "carrier", "XaXa": "affected"},
        "father": {"XAY": "unaffected", "XaY": "affected"},
    },
}
_TOKEN = re.compile(r"X[A-Za-z]|Y|[A-Za-z]")


@dataclass(frozen=True)
class Cross:
    """A named pair of parents, as the chapter uses it."""

    key: str
    mode: str
    mother: str
    father: str
    title: str
    example: str


CROSSES: dict[str, Cross] = {
    c.key: c
    for c in (
        Cross("xlr-carrier-mother", XLR, "XAXa", "XAY",
              "X-linked recessive: carrier mother × unaffected father", "Wiskott-Aldrich syndrome"),
        Cross("xlr-affected-father", XLR, "XAXA", "XaY",
              "X-linked recessive: affected father × non-carrier mother", "Wiskott-Aldrich syndrome"),
        Cross("ar-carriers", AR, "Aa", "Aa",
              "Autosomal recessive: carrier × carrier", "Bloom syndrome, most Fanconi anemia"),
        Cross("ad-affected-parent", AD, "dd", "Dd",
              "Autosomal dominant: affected parent × unaffected",
              "familial predisposition (RUNX1, GATA2, DDX41, CEBPA)"),
    )
}


@dataclass(frozen=True)
class Offspring:
    """One child genotype of a cross: the alleles from each parent, sex where it matters, phenotype."""

    genotype: str
    from_mother: str
    from_father: str
    sex: str | None  # "son" or "daughter" in X-linked modes, None where the cell holds either
    phenotype: str  # at full penetrance
    variant_copies: int


@dataclass(frozen=True)
class PunnettSquare:
    """The 2×2 square: the mother's eggs as rows, the father's sperm as columns, a child in each cell."""

    mode: str
    mother: str
    father: str
    eggs: tuple[str, str]
    sperm: tuple[str, str]
    cells: tuple[tuple[Offspring, Offspring], tuple[Offspring, Offspring]]

    def offspring(self) -> tuple[Offspring, ...]:
        """The four cells, row by row (each has probability 1/4)."""
        return self.cells[0] + self.cells[1]


@dataclass(frozen=True)
class Child:
    """One simulated child."""

    sex: str  # "son" or "daughter"
    genotype: str
    phenotype: str
    variant_copies: int


def check_mode(mode: str) -> str:
    """The mode, or a ValueError naming the modes there are."""
    if mode not in MODES:
        known = ", ".join(f"'{m}'" for m in MODES)
        raise FriendlyError(f"There is no inheritance mode {mode!r}: use one of {known}.")
    return mode


def alleles(mode: str, genotype: str, parent: str) -> tuple[str, str]:
    """A parent's two alleles, or a ValueError that says which genotypes the mode allows."""
    check_mode(mode)
    if parent not in ("mother", "father"):
        raise FriendlyError(f"A parent is 'mother' or 'father', not {parent!r}.")
    valid = _VALID[mode][parent]
    text = str(genotype).replace(" ", "")
    tokens = _TOKEN.findall(text)
    if "".join(tokens) == text and len(tokens) == 2:
        canonical = _canonical(mode, tokens[0], tokens[1])
        if canonical in valid:
            return _split(mode, canonical)
    choices = ", ".join(f"{g} ({meaning})" for g, meaning in valid.items())
    why = ""
    if mode == XLR and parent == "father":
        why = " A father has one X and one Y."
    elif mode == XLR:
        why = " A mother has two X chromosomes."
    raise FriendlyError(
        f"{genotype!r} is not a {parent}'s genotype for {mode} inheritance.{why} Use one of: {choices}."
    )


def _canonical(mode: str, first: str, second: str) -> str:
    """Two alleles in the usual written order: typical before variant (A before a), X before Y."""
    order = {AR: "Aa", AD: "Dd", XLR: None}[mode]
    if mode == XLR:
        rank = {"XA": 0, "Xa": 1, "Y": 2}
        return "".join(sorted((first, second), key=lambda t: rank.get(t, 9)))
    return "".join(sorted((first, second), key=lambda t: order.index(t) if t in order else 9))


def _split(mode: str, genotype: str) -> tuple[str, str]:
    tokens = _TOKEN.findall(genotype)
    return tokens[0], tokens[1]


def _variant_copies(mode: str, pair: tuple[str, str]) -> int:
    return sum(_ALLELES[mode][a] for a in pair)


def _phenotype(mode: str, pair: tuple[str, str]) -> str:
    """The phenotype at full penetrance."""
    copies = _variant_copies(mode, pair)
    if mode == AD:
        return "affected" if copies else "unaffected"
    if mode == AR:
        return ("unaffected", "carrier", "affected")[copies]
    if "Y" in pair:  # a son: one X, so one variant copy is enough
        return "affected" if copies else "unaffected"
    return ("unaffected", "carrier", "affected")[copies]


def _child(mode: str, egg: str, sperm: str) -> Offspring:
    pair = (egg, sperm)
    sex = None if mode != XLR else ("son" if sperm == "Y" else "daughter")
    return Offspring(
        genotype=_canonical(mode, egg, sperm), from_mother=egg, from_father=sperm, sex=sex,
        phenotype=_phenotype(mode, pair), variant_copies=_variant_copies(mode, pair),
    )


def punnett(mode: str, mother: str, father: str) -> PunnettSquare:
    """The Punnett square of a cross: each parent's two gametes and the four equally likely children."""
    eggs = alleles(mode, mother, "mother")
    sperm = alleles(mode, father, "father")
    cells = tuple(tuple(_child(mode, e, s) for s in sperm) for e in eggs)
    return PunnettSquare(mode, _canonical(mode, *eggs), _canonical(mode, *sperm), eggs, sperm, cells)


def check_penetrance(mode: str, penetrance: Real | Fraction) -> Fraction:
    """Penetrance as an exact Fraction in [0, 1]; below 1 only for the autosomal dominant mode."""
    check_mode(mode)
    if isinstance(penetrance, bool) or not isinstance(penetrance, (Real, Fraction)):
        raise FriendlyError(f"Penetrance is a number from 0 to 1, not {penetrance!r}.")
    # repr() of a float is its shortest decimal, so 0.6 becomes 3/5 rather than a binary fraction.
    p = Fraction(repr(penetrance)) if isinstance(penetrance, float) else Fraction(penetrance)
    if not 0 <= p <= 1:
        raise FriendlyError(
            f"Penetrance is the chance that a person with the variant develops the disease, a number "
            f"from 0 to 1 (for example 0.5 for one in two), not {penetrance!r}."
        )
    if p != 1 and mode != AD:
        raise FriendlyError(
            f"Penetrance below 1 is modeled only for autosomal dominant inheritance; for {mode} "
            "inheritance leave it at 1 (everyone with the disease genotype is affected)."
        )
    return p


def _groups(mode: str) -> tuple[str, ...]:
    return ("sons", "daughters") if mode == XLR else ("children",)


def offspring_proportions(
    mode: str, mother: str, father: str, penetrance: Real | Fraction = 1
) -> dict[str, dict[str, Fraction]]:
    """Exact share of each phenotype, per group: {"sons", "daughters"} if X-linked, else {"children"}."""
    square = punnett(mode, mother, father)
    p = check_penetrance(mode, penetrance)
    result: dict[str, dict[str, Fraction]] = {}
    for group in _groups(mode):
        cells = [c for c in square.offspring() if group == "children" or f"{c.sex}s" == group]
        shares = dict.fromkeys(PHENOTYPES, Fraction(0))
        for c in cells:
            w = Fraction(1, len(cells))
            if c.phenotype == "affected":
                shares["affected"] += w * p
                shares["carrier"] += w * (1 - p)
            else:
                shares[c.phenotype] += w
        result[group] = shares
    return result


def expected_affected(
    mode: str, mother: str, father: str, penetrance: Real | Fraction = 1
) -> dict[str, Fraction]:
    """The exact chance that a child is affected, per group (sons/daughters if X-linked, else children)."""
    return {g: s["affected"] for g, s in offspring_proportions(mode, mother, father, penetrance).items()}


def variant_share(mode: str, mother: str, father: str) -> dict[str, Fraction]:
    """The exact share of children who carry at least one copy of the variant, affected or not, per group."""
    square = punnett(mode, mother, father)
    result = {}
    for group in _groups(mode):
        cells = [c for c in square.offspring() if group == "children" or f"{c.sex}s" == group]
        result[group] = Fraction(sum(1 for c in cells if c.variant_copies), len(cells))
    return result


def describe_expected(mode: str, mother: str, father: str, penetrance: Real | Fraction = 1) -> str:
    """Expected proportions in words, e.g. "sons: 1/2 affected, 1/2 unaffected; daughters: ..."."""
    plural = {"affected": "affected", "carrier": "carriers", "unaffected": "unaffected"}
    parts = []
    for group, shares in offspring_proportions(mode, mother, father, penetrance).items():
        said = ", ".join(f"{fraction_text(v)} {plural[k]}" for k, v in shares.items() if v)
        if shares["affected"] == 0 and shares["carrier"]:
            said += " (none affected)"
        parts.append(f"{'sons and daughters alike' if group == 'children' else group}: {said}")
    return "; ".join(parts)


def fraction_text(value: Fraction) -> str:
    """A Fraction as a learner reads it: "1/2", "all", "none"."""
    if value == 0:
        return "none"
    if value == 1:
        return "all"
    return f"{value.numerator}/{value.denominator}"


def simulate_sibship(
    mode: str,
    mother: str,
    father: str,
    n_children: int,
    rng: np.random.Generator,
    penetrance: Real | Fraction = 1.0,
) -> tuple[Child, ...]:
    """``n_children`` children of one couple: sex 1/2 each, one random allele from each parent."""
    eggs = alleles(mode, mother, "mother")
    sperm = alleles(mode, father, "father")
    p = check_penetrance(mode, penetrance)
    if isinstance(n_children, bool) or not isinstance(n_children, (int, np.integer)) or n_children < 0:
        raise FriendlyError(f"The number of children is a whole number, 0 or more, not {n_children!r}.")
    if not isinstance(rng, np.random.Generator):
        raise FriendlyError("Pass a numpy Generator as rng, for example numpy.random.default_rng(2024).")
    # Always the same draws per child (sex, egg, sperm, penetrance), so a seed gives the same
    # sexes and genotypes whatever the penetrance.
    sexes = rng.integers(0, 2, size=n_children)
    egg_pick = rng.integers(0, 2, size=n_children)
    sperm_pick = rng.integers(0, 2, size=n_children)
    luck = rng.random(n_children)
    children = []
    for s, e, f, u in zip(sexes, egg_pick, sperm_pick, luck):
        sex = SEXES[int(s)]
        egg = eggs[int(e)]
        if mode == XLR:  # the father's sperm decides the sex: X for a daughter, Y for a son
            sp = "Y" if sex == "son" else next(a for a in sperm if a != "Y")
        else:
            sp = sperm[int(f)]
        child = _child(mode, egg, sp)
        phenotype = child.phenotype
        if phenotype == "affected" and u >= p:
            phenotype = "carrier"
        children.append(Child(sex=sex, genotype=child.genotype, phenotype=phenotype,
                              variant_copies=child.variant_copies))
    return tuple(children)


def tally(children: tuple[Child, ...] | list[Child]) -> dict[str, dict[str, int]]:
    """Counts of each phenotype among sons and among daughters."""
    counts = {f"{s}s": dict.fromkeys(PHENOTYPES, 0) for s in SEXES}
    for c in children:
        counts[f"{c.sex}s"][c.phenotype] += 1
    return counts


def dominant_phenotype(variant_copies: int, luck: float, penetrance: Real | Fraction = 1) -> str:
    """Autosomal dominant phenotype: "affected" if a variant carrier's uniform draw ``luck`` < penetrance.

    The same rule as ``simulate_sibship``: with one draw per person, raising the penetrance can only
    turn carriers into affected people, never the reverse.
    """
    p = check_penetrance(AD, penetrance)
    if isinstance(variant_copies, bool) or not isinstance(variant_copies, (int, np.integer)) \
            or not 0 <= variant_copies <= 2:
        raise FriendlyError(f"A person has 0, 1 or 2 copies of the variant, not {variant_copies!r}.")
    if not 0 <= luck < 1:
        raise FriendlyError(f"The draw that decides disease is a number from 0 up to (not including) 1, not {luck!r}.")
    if not variant_copies:
        return "unaffected"
    return "affected" if luck < p else "carrier"
