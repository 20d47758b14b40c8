"""A three-generation family with an autosomal dominant germline variant of incomplete penetrance.

The model (pure; every draw comes from one seeded ``numpy.random.Generator``):

* generation I: the **founder**, who carries the variant (one copy, ``Dd``), and a partner who does
  not (``dd``); the founder's sex is drawn at random;
* generation II: ``children_per_couple`` children of the founder's couple; each child of generation
  II has a partner from outside the family who does not carry the variant;
* generation III: ``children_per_couple`` children of each couple of generation II.

Transmission and disease use the chapter's inheritance model (``lcbook.inheritance``): every child
gets one allele at random from each parent (so a child of a carrier and a non-carrier carries the
variant with probability 1/2), and a carrier develops the disease with probability ``penetrance``.

**Common random numbers.** Each person's sex, alleles and "luck" (a uniform draw compared with the
penetrance) are drawn in the same order whatever the penetrance. So for one family (one seed) the
carriers are the same at every penetrance, and raising the penetrance only turns unaffected carriers
into affected people, never the reverse: a slider over penetrance shows the same family throughout.

    >>> family = simulate_family(seed=7, penetrance=0.5)
    >>> family.counts()["people"]
    17
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from numbers import Real

import numpy as np

from lcbook.errors import FriendlyError
from lcbook.inheritance import AD, check_penetrance, dominant_phenotype, simulate_sibship, variant_share

__all__ = [
    "GENERATIONS", "MAX_CHILDREN", "STATUSES", "Person", "Pedigree", "check_children", "check_seed",
    "expected_counts", "simulate_family", "simulate_pedigree", "penetrance_series",
]

#: Roman numerals of the three generations, as pedigrees label them.
GENERATIONS: tuple[str, ...] = ("I", "II", "III")
#: What a person's symbol shows: filled, a vertical line (carrier, not yet affected), or open.
STATUSES: tuple[str, ...] = ("affected", "unaffected carrier", "non-carrier")
#: The largest number of children per couple the model draws (the pedigree must stay readable).
MAX_CHILDREN = 6
_STATUS = {"affected": "affected", "carrier": "unaffected carrier", "unaffected": "non-carrier"}
_SEX = {"son": "male", "daughter": "female"}


@dataclass(frozen=True)
class Person:
    """One person of the pedigree: where they are, their sex, and whether they carry and express the variant."""

    id: str  # "I-1", "II-3", "III-7": generation and place from the left
    generation: int  # 1, 2 or 3
    sex: str  # "male" or "female"
    genotype: str  # "Dd" (carries the variant) or "dd"
    status: str  # one of STATUSES
    father: str | None  # ids of the parents, None for generation I and partners from outside
    mother: str | None
    partner: str | None
    role: str  # "founder", "partner" (from outside the family) or "descendant"

    @property
    def carrier(self) -> bool:
        """Whether the person carries the variant (affected or not)."""
        return "D" in self.genotype

    @property
    def affected(self) -> bool:
        """Whether the person has developed the disease."""
        return self.status == "affected"


@dataclass(frozen=True)
class Pedigree:
    """One simulated family: everyone in it, the penetrance used, and how it was drawn."""

    people: tuple[Person, ...]
    penetrance: Fraction
    children_per_couple: int
    seed: int | None = None

    def person(self, person_id: str) -> Person:
        """The person with this id (for example "II-3")."""
        for p in self.people:
            if p.id == person_id:
                return p
        raise FriendlyError(f"There is no person {person_id!r} in this pedigree.")

    def generation(self, number: int) -> tuple[Person, ...]:
        """The people of generation 1, 2 or 3, left to right."""
        return tuple(p for p in self.people if p.generation == number)

    def children_of(self, person_id: str) -> tuple[Person, ...]:
        """The children of a person, in birth order."""
        return tuple(p for p in self.people if person_id in (p.father, p.mother))

    def carriers(self) -> tuple[Person, ...]:
        """Everyone who carries the variant, affected or not."""
        return tuple(p for p in self.people if p.carrier)

    def affected(self) -> tuple[Person, ...]:
        """Everyone who has developed the disease."""
        return tuple(p for p in self.people if p.affected)

    def unaffected_carriers(self) -> tuple[Person, ...]:
        """Carriers without disease: the people who make a dominant disease seem to skip a generation."""
        return tuple(p for p in self.people if p.status == "unaffected carrier")

    def skipped(self) -> tuple[Person, ...]:
        """Unaffected carriers with an affected child: where the disease seems to skip a generation."""
        return tuple(p for p in self.unaffected_carriers() if any(c.affected for c in self.children_of(p.id)))

    def counts(self) -> dict[str, int]:
        """How many people, carriers, affected, unaffected carriers and non-carriers the family has."""
        return {
            "people": len(self.people),
            "carriers": len(self.carriers()),
            "affected": len(self.affected()),
            "unaffected carriers": len(self.unaffected_carriers()),
            "non-carriers": sum(1 for p in self.people if not p.carrier),
        }


def check_children(children_per_couple: object) -> int:
    """The number of children per couple, or a ValueError saying what is allowed."""
    if isinstance(children_per_couple, bool) or not isinstance(children_per_couple, (int, np.integer)) \
            or not 1 <= children_per_couple <= MAX_CHILDREN:
        raise FriendlyError(
            f"Children per couple is a whole number from 1 to {MAX_CHILDREN} (so the family fits on the "
            f"screen), not {children_per_couple!r}."
        )
    return int(children_per_couple)


def check_seed(seed: object) -> int:
    """The seed, or a ValueError: a whole number, 0 or more, that picks which random family you see."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise FriendlyError(f"The seed is a whole number, 0 or more (it picks which random family you see), "
                         f"not {seed!r}.")
    return int(seed)


def _parents(a: tuple[str, str, str], b: tuple[str, str, str]) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """(mother, father) of a couple of (key, sex, genotype) triples."""
    return (a, b) if a[1] == "female" else (b, a)


def simulate_pedigree(rng: np.random.Generator, penetrance: Real | Fraction = 0.5,
                      children_per_couple: int = 3, seed: int | None = None) -> Pedigree:
    """A three-generation family descending from one carrier founder, drawn with ``rng``."""
    if not isinstance(rng, np.random.Generator):
        raise FriendlyError("Pass a numpy Generator as rng, for example numpy.random.default_rng(2024).")
    p = check_penetrance(AD, penetrance)
    n = check_children(children_per_couple)
    # Draw order (the same at every penetrance): founder's sex and luck; then each sibship.
    founder_sex = ("male", "female")[int(rng.integers(0, 2))]
    founder_luck = float(rng.random())
    founder = ("F", founder_sex, "Dd", dominant_phenotype(1, founder_luck, p))
    partner1 = ("P", "female" if founder_sex == "male" else "male", "dd", "unaffected")

    # Generation II: the founder's children; generation III: the children of each of them.
    mother, father = _parents(founder[:3], partner1[:3])
    gen2 = simulate_sibship(AD, mother[2], father[2], n, rng, p)
    gen3 = []
    for child in gen2:
        me = ("c", _SEX[child.sex], child.genotype)
        spouse = ("s", "female" if me[1] == "male" else "male", "dd")
        m, f = _parents(me, spouse)
        gen3.append(simulate_sibship(AD, m[2], f[2], n, rng, p))

    # Lay the family out left to right (a couple: male on the left) and number each generation.
    people: list[Person] = []
    g1 = sorted([founder, partner1], key=lambda t: t[1] != "male")
    ids1 = {t[0]: f"I-{i + 1}" for i, t in enumerate(g1)}
    fid, pid = ids1["F"], ids1["P"]
    for t in g1:
        people.append(Person(id=ids1[t[0]], generation=1, sex=t[1], genotype=t[2],
                             status=_STATUS[t[3]], father=None, mother=None,
                             partner=pid if t[0] == "F" else fid,
                             role="founder" if t[0] == "F" else "partner"))
    gen1_mother = fid if founder_sex == "female" else pid
    gen1_father = fid if founder_sex == "male" else pid
    k2, k3 = 0, 0
    gen2_ids: list[str] = []
    for child in gen2:
        sex = _SEX[child.sex]
        slots = ["child", "spouse"] if sex == "male" else ["spouse", "child"]
        ids = {}
        for slot in slots:
            k2 += 1
            ids[slot] = f"II-{k2}"
        gen2_ids.append(ids["child"])
        people.append(Person(id=ids["child"], generation=2, sex=sex, genotype=child.genotype,
                             status=_STATUS[child.phenotype], father=gen1_father, mother=gen1_mother,
                             partner=ids["spouse"], role="descendant"))
        people.append(Person(id=ids["spouse"], generation=2, sex="female" if sex == "male" else "male",
                             genotype="dd", status="non-carrier", father=None, mother=None,
                             partner=ids["child"], role="partner"))
    for parent_id, sibship in zip(gen2_ids, gen3):
        parent = next(q for q in people if q.id == parent_id)
        m_id, f_id = (parent.id, parent.partner) if parent.sex == "female" else (parent.partner, parent.id)
        for child in sibship:
            k3 += 1
            people.append(Person(id=f"III-{k3}", generation=3, sex=_SEX[child.sex], genotype=child.genotype,
                                 status=_STATUS[child.phenotype], father=f_id, mother=m_id, partner=None,
                                 role="descendant"))
    people.sort(key=lambda q: (q.generation, int(q.id.split("-")[1])))
    return Pedigree(people=tuple(people), penetrance=p, children_per_couple=n, seed=seed)


def simulate_family(seed: int = 7, penetrance: Real | Fraction = 0.5, children_per_couple: int = 3) -> Pedigree:
    """The family drawn with ``numpy.random.default_rng(seed)``: the same seed gives the same family."""
    s = check_seed(seed)
    return simulate_pedigree(np.random.default_rng(s), penetrance, children_per_couple, seed=s)


def penetrance_series(seed: int, penetrances: tuple[Real | Fraction, ...],
                      children_per_couple: int = 3) -> tuple[Pedigree, ...]:
    """One family (one seed) at each penetrance: the same carriers, more affected as penetrance rises."""
    if not penetrances:
        raise FriendlyError("Give at least one penetrance, for example (0.1, 0.5, 1.0).")
    return tuple(simulate_family(seed, p, children_per_couple) for p in penetrances)


def expected_counts(penetrance: Real | Fraction, children_per_couple: int = 3) -> dict[str, Fraction]:
    """Exact expected number of carriers and of affected people, per generation and in all."""
    p = check_penetrance(AD, penetrance)
    n = check_children(children_per_couple)
    half = variant_share(AD, "dd", "Dd")["children"]  # a carrier's child carries the variant: 1/2
    carriers = {"I": Fraction(1), "II": n * half, "III": n * half * n * half}
    out: dict[str, Fraction] = {}
    for g, c in carriers.items():
        out[f"carriers {g}"] = c
        out[f"affected {g}"] = c * p
    out["carriers"] = sum(carriers.values(), Fraction(0))
    out["affected"] = out["carriers"] * p
    return out
