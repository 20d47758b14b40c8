"""Meiosis and nondisjunction, with every chromosome tracked back to the homologue it came from.

The model layer: frozen dataclasses and pure functions, no plotting and no IO.

A parent carries two homologues of the chromosome followed. Before meiosis each homologue has been
copied into two identical sister chromatids. Labels say which parent and which homologue a copy comes
from:

=========  ==========================  ==========================
chromosome mother                      father
=========  ==========================  ==========================
``"21"``   21ᵃ and 21ᵇ                 21ᶜ and 21ᵈ
``"sex"``  Xᵃ and Xᵇ                   X and Y
=========  ==========================  ==========================

Meiosis I separates the homologues; meiosis II separates the sister chromatids. The four products of
one meiosis are each 1/4 of that parent's gametes (identical products are merged, shares added):

- ``"normal"``: every gamete has one copy; half carry the first homologue, half the second.
- ``"meiosis I"``: the homologues fail to separate and both go to one secondary cell, so 1/2 of the
  gametes carry two *different* homologues (disomic, e.g. 21ᵃ 21ᵇ) and 1/2 carry none (nullisomic).
- ``"meiosis II"``: the sister chromatids fail to separate in *one* of the two secondary cells
  (``error_cell``; by default cell 0, the one holding the first homologue). That cell gives 1/4
  disomic gametes with two *identical* sister copies (e.g. 21ᵃ 21ᵃ) and 1/4 nullisomic gametes; the
  other secondary cell divides normally and gives 1/2 typical gametes carrying the other homologue.
  With ``error_cell=1`` the second homologue's sisters stay together instead (for the father's sex
  chromosomes that is the Y: YY sperm, the route to 47,XYY).

This is why DNA markers near the centromere can tell the two errors apart: a meiosis I error passes on
two different parental homologues, a meiosis II error two copies of the same one. (Crossing over,
ignored here, swaps pieces between homologues, so far from the centromere the sisters differ.)

A zygote is one gamete of the affected parent joined with a typical gamete of the other parent. The
other parent's gamete is shown carrying its first homologue (21ᶜ from a father, 21ᵃ or Xᵃ from a
mother); the second homologue would give the same karyotypes. For chromosome 21 the child's sex comes
from the father's sperm, X or Y with 1/2 each, independently of chromosome 21, so every chromosome-21
zygote is reported twice, female (XX) and male (XY), each with half the share. For the sex chromosomes
the mother's typical eggs carry an X and the father's typical sperm an X or a Y (1/2 each).

    >>> [str(g.share) for g in gametes("mother", "meiosis I", "21")]
    ['1/2', '1/2']
    >>> [z.karyotype for z in zygotes("father", "meiosis I", "sex")]
    ['47,XXY', '45,X']
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from lcbook.errors import FriendlyError

__all__ = [
    "CHROMOSOMES",
    "DIVISIONS",
    "PARENTS",
    "Chromosome",
    "Gamete",
    "Meiosis",
    "Zygote",
    "describe_meiosis",
    "gametes",
    "homologues",
    "meiosis",
    "outcome",
    "zygotes",
]

PARENTS: tuple[str, ...] = ("mother", "father")
DIVISIONS: tuple[str, ...] = ("normal", "meiosis I", "meiosis II")
CHROMOSOMES: tuple[str, ...] = ("21", "sex")

_SUPERSCRIPT = {"a": "ᵃ", "b": "ᵇ", "c": "ᶜ", "d": "ᵈ", "": ""}
_HOMOLOGUES = {
    ("mother", "21"): (("21", "a"), ("21", "b")),
    ("father", "21"): (("21", "c"), ("21", "d")),
    ("mother", "sex"): (("X", "a"), ("X", "b")),
    ("father", "sex"): (("X", ""), ("Y", "")),
}
_GAMETE_WORD = {"mother": "egg", "father": "sperm"}


@dataclass(frozen=True)
class Chromosome:
    """One chromosome copy: its name ("21", "X", "Y"), the parent it comes from, its homologue letter."""

    name: str
    parent: str
    homologue: str = ""

    @property
    def label(self) -> str:
        """The copy's label with its homologue as a superscript, e.g. "21ᵃ" (the father's X is "X")."""
        return self.name + _SUPERSCRIPT[self.homologue]


@dataclass(frozen=True)
class Gamete:
    """An egg or sperm: its copies of the followed chromosome(s) ("21" or "sex") and its share of the gametes."""

    parent: str
    followed: str
    chromosomes: tuple[Chromosome, ...]
    share: Fraction

    @property
    def kind(self) -> str:
        """ "typical" (one copy), "disomic" (two copies) or "nullisomic" (none)."""
        return {0: "nullisomic", 1: "typical", 2: "disomic"}[len(self.chromosomes)]

    @property
    def label(self) -> str:
        """What the gamete carries, e.g. "21ᵃ 21ᵇ", or "no 21" / "no sex chromosome" when empty."""
        if not self.chromosomes:
            return "no 21" if self.followed == "21" else "no sex chromosome"
        return " ".join(c.label for c in self.chromosomes)

    @property
    def word(self) -> str:
        """ "egg" or "sperm"."""
        return _GAMETE_WORD[self.parent]


@dataclass(frozen=True)
class Zygote:
    """A fertilised egg: the copies from each parent, its ISCN karyotype, share and plain-English outcome."""

    from_mother: tuple[Chromosome, ...]
    from_father: tuple[Chromosome, ...]
    sex_chromosomes: str
    karyotype: str
    share: Fraction
    outcome: str
    gamete: Gamete

    @property
    def sex(self) -> str:
        """ "male" when there is a Y chromosome, otherwise "female"."""
        return "male" if "Y" in self.sex_chromosomes else "female"

    @property
    def is_typical(self) -> bool:
        """Whether the zygote has the typical 46 chromosomes."""
        return self.outcome == "typical"


@dataclass(frozen=True)
class Meiosis:
    """One meiosis drawn step by step: the parent's homologues, the two secondary cells, the four products.

    ``secondary_cells`` hold chromosomes that are still pairs of sister chromatids; ``products`` hold
    single chromatids. ``error_cell`` is the secondary cell where the error shows (None when normal):
    the one that received both homologues (meiosis I) or whose sisters stayed together (meiosis II).
    """

    parent: str
    division: str
    chromosome: str
    homologues: tuple[Chromosome, Chromosome]
    secondary_cells: tuple[tuple[Chromosome, ...], tuple[Chromosome, ...]]
    products: tuple[tuple[Chromosome, ...], ...]
    error_cell: int | None


def _check(parent: str, division: str, chromosome: str) -> None:
    """Refuse a parent, division or chromosome the model does not know, naming the ones it does."""
    for value, allowed, what in (
        (parent, PARENTS, "parent"),
        (division, DIVISIONS, "division"),
        (chromosome, CHROMOSOMES, "chromosome"),
    ):
        if value not in allowed:
            choices = ", ".join(repr(a) for a in allowed)
            raise FriendlyError(f"The {what} must be one of {choices}, not {value!r}.")


def homologues(parent: str, chromosome: str) -> tuple[Chromosome, Chromosome]:
    """The parent's two homologues of the chromosome followed ("21" or "sex")."""
    _check(parent, "normal", chromosome)
    first, second = _HOMOLOGUES[(parent, chromosome)]
    return Chromosome(first[0], parent, first[1]), Chromosome(second[0], parent, second[1])


def meiosis(parent: str, division: str, chromosome: str, error_cell: int = 0) -> Meiosis:
    """One meiosis of the parent, normal or with nondisjunction in meiosis I or II (see the module notes)."""
    _check(parent, division, chromosome)
    if error_cell not in (0, 1):
        raise FriendlyError(f"error_cell must be 0 or 1 (one of the two secondary cells), not {error_cell!r}.")
    h = homologues(parent, chromosome)
    if division == "meiosis I":
        full, empty = (h[0], h[1]), ()
        cells = (full, empty) if error_cell == 0 else (empty, full)
        products = tuple(cell for cell in cells for _ in range(2))
        return Meiosis(parent, division, chromosome, h, cells, products, error_cell)
    cells = ((h[0],), (h[1],))
    if division == "normal":
        products = ((h[0],), (h[0],), (h[1],), (h[1],))
        return Meiosis(parent, division, chromosome, h, cells, products, None)
    out: list[tuple[Chromosome, ...]] = []
    for i, (copy,) in enumerate(cells):
        out += [(copy, copy), ()] if i == error_cell else [(copy,), (copy,)]
    return Meiosis(parent, division, chromosome, h, cells, tuple(out), error_cell)


def gametes(parent: str, division: str, chromosome: str, error_cell: int = 0) -> tuple[Gamete, ...]:
    """The parent's distinct gametes and their shares (identical products of meiosis merged)."""
    m = meiosis(parent, division, chromosome, error_cell)
    counts: Counter[tuple[Chromosome, ...]] = Counter(m.products)
    order = list(dict.fromkeys(m.products))
    return tuple(Gamete(parent, chromosome, p, Fraction(counts[p], len(m.products))) for p in order)


def _typical_partner(parent: str, chromosome: str) -> list[tuple[tuple[Chromosome, ...], str, Fraction]]:
    """The other parent's typical gametes: (copies carried, sex chromosome it adds, share)."""
    other = "father" if parent == "mother" else "mother"
    first, second = homologues(other, chromosome)
    if chromosome == "21":
        if other == "father":  # the father's sperm also decides the sex
            return [((first,), "X", Fraction(1, 2)), ((first,), "Y", Fraction(1, 2))]
        return [((first,), "X", Fraction(1))]
    if other == "father":
        return [((first,), "", Fraction(1, 2)), ((second,), "", Fraction(1, 2))]
    return [((first,), "", Fraction(1))]


def outcome(karyotype: str) -> str:
    """The plain-English outcome of a zygote's karyotype, e.g. "47,XXY: Klinefelter syndrome"."""
    if karyotype in _OUTCOMES:
        return _OUTCOMES[karyotype]
    if karyotype.endswith(",+21"):
        return "trisomy 21: Down syndrome"
    if karyotype.endswith(",-21"):
        return "monosomy 21: almost always lost in early pregnancy"
    raise FriendlyError(f"This model makes no zygote with the karyotype {karyotype!r}.")


_OUTCOMES = {
    "46,XX": "typical",
    "46,XY": "typical",
    "47,XXY": "47,XXY: Klinefelter syndrome",
    "47,XXX": "47,XXX: triple X syndrome",
    "47,XYY": "47,XYY: XYY syndrome",
    "45,X": "45,X: Turner syndrome",
    "45,Y": "45,Y: not compatible with life (no X chromosome)",
}


def _karyotype(chromosome: str, copies: int, sex: str) -> str:
    """The ISCN karyotype of a zygote with ``copies`` of the followed chromosome."""
    if chromosome == "sex":
        return f"{44 + len(sex)},{sex}"
    change = {1: ",-21", 2: "", 3: ",+21"}[copies]
    return f"{42 + copies + len(sex)},{sex}{change}"  # 42 autosomes besides the two 21s


def zygotes(parent: str, division: str, chromosome: str, error_cell: int = 0) -> tuple[Zygote, ...]:
    """Each of the parent's gametes joined with a typical gamete of the other parent (shares sum to 1)."""
    out = []
    for g in gametes(parent, division, chromosome, error_cell):
        partners = _typical_partner(parent, chromosome)
        if chromosome == "21" and parent == "father":
            # The affected father's sperm still carries an X or a Y (1/2 each), independently of 21.
            partners = [(copies, sex, share / 2) for copies, _, share in partners for sex in ("X", "Y")]
        for partner, sex_added, partner_share in partners:
            mother, father = (g.chromosomes, partner) if parent == "mother" else (partner, g.chromosomes)
            copies = mother + father
            if chromosome == "sex":
                names = [c.name for c in copies]
                sex = "X" * names.count("X") + "Y" * names.count("Y")
            else:
                sex = "X" + sex_added
            k = _karyotype(chromosome, len(copies), sex)
            out.append(Zygote(mother, father, sex, k, g.share * partner_share, outcome(k), g))
    return tuple(out)


def _and(items: list[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _contents(g: Gamete) -> str:
    """What a gamete carries, in words: "both 21ᵃ and 21ᵇ", "two identical copies of Xᵃ", "no X"."""
    c = g.chromosomes
    if not c:
        return "no chromosome 21" if g.followed == "21" else "no sex chromosome"
    if len(c) == 2:
        same = c[0] == c[1]
        return f"two identical copies of {c[0].label}" if same else f"both {c[0].label} and {c[1].label}"
    return f"only {c[0].label}"


def _condition(z: Zygote) -> str:
    """The zygote's outcome without its karyotype: "Klinefelter syndrome", "trisomy 21, Down syndrome"."""
    if z.outcome.startswith(z.karyotype + ": "):
        return z.outcome.removeprefix(z.karyotype + ": ")
    return z.outcome.replace(": ", ", ")


def _zygote_phrase(zs: list[Zygote]) -> str:
    """E.g. "47,XX,+21 or 47,XY,+21 (trisomy 21, Down syndrome)" or "47,XXX (trisomy X) or 47,XXY (...)"."""
    conditions = list(dict.fromkeys(_condition(z) for z in zs))
    if len(conditions) == 1:
        return f"{_and(list(dict.fromkeys(z.karyotype for z in zs)), 'or')} ({conditions[0]})"
    return _and([f"{z.karyotype} ({_condition(z)})" for z in zs], "or") + ", depending on the sperm"


def describe_meiosis(parent: str, division: str, chromosome: str, error_cell: int = 0) -> str:
    """A plain-English account of the meiosis, the gametes it makes and the zygotes that result."""
    m = meiosis(parent, division, chromosome, error_cell)
    h = [c.label for c in m.homologues]
    whose = "mother's" if parent == "mother" else "father's"
    plural = "eggs" if parent == "mother" else "sperm"
    if chromosome == "21":
        pair = f"the two copies of chromosome 21 ({h[0]} and {h[1]})"
    else:
        pair = f"the two X chromosomes ({h[0]} and {h[1]})" if parent == "mother" else "the X and the Y"
    if division == "normal":
        event = (f"The {whose} meiosis is typical: meiosis I separates {pair}, and meiosis II separates "
                 "the sister chromatids of each.")
    elif division == "meiosis I":
        event = (f"In the {whose} meiosis I, {pair} fail to separate (nondisjunction) and both go to the "
                 "same cell.")
    else:
        kept = m.homologues[m.error_cell or 0].label
        event = (f"The {whose} meiosis I is typical, but in meiosis II the two sister chromatids of {kept} "
                 "fail to separate (nondisjunction); the other cell divides normally.")
    gs = gametes(parent, division, chromosome, error_cell)
    where = ("Of the four products of this meiosis (in a woman only one becomes the egg, the others are "
             "polar bodies), " if parent == "mother" else f"Of the {plural} from this meiosis, ")
    made = where + _and([f"{g.share} carry {_contents(g)}" for g in gs]) + "."
    zs = zygotes(parent, division, chromosome, error_cell)
    partner = "a typical sperm" if parent == "mother" else "a typical egg"
    if all(z.is_typical for z in zs):
        ks = _and(list(dict.fromkeys(z.karyotype for z in zs)), "or")
        return f"{event} {made} With {partner}, every zygote is typical: {ks}."
    results = [
        f"{plural} with {_contents(g)} give {_zygote_phrase([z for z in zs if z.gamete == g])}" for g in gs
    ]
    return f"{event} {made} With {partner}, " + "; ".join(results) + "."
