"""What a cell line contains: each chromosome copy, normal, extra, rearranged or marker."""
from __future__ import annotations

from collections import Counter

from lcbook.karyotype.model import AUTOSOMES, CHROMOSOMES, SEX_CHROMOSOMES, CellLine, ChromosomeCopy, Karyotype

__all__ = ["chromosome_copies", "expected_count"]


class _TooFew(Exception):
    def __init__(self, chromosome: str, removed: int, available: int) -> None:
        self.chromosome, self.removed, self.available = chromosome, removed, available



def _sex_copies(sex: str, ploidy: int) -> list[ChromosomeCopy]:
    """The sex-chromosome field as normal and extra copies (beyond the ploidy, the commoner letter is extra)."""
    left = Counter(sex)
    extra: Counter[str] = Counter()
    for _ in range(max(0, len(sex) - ploidy)):
        letter = "X" if left["X"] >= left["Y"] else "Y"
        left[letter] -= 1
        extra[letter] += 1
    out = []
    for letter in ("X", "Y"):
        out += [ChromosomeCopy(letter, "normal", "", (letter,))] * left[letter]
        out += [ChromosomeCopy(letter, "extra", f"+{letter}", (letter,))] * extra[letter]
    return out


def _inventory(line: CellLine) -> tuple[ChromosomeCopy, ...]:
    p = line.ploidy
    removed: Counter[str] = Counter()
    by_name: dict[str, list[ChromosomeCopy]] = {c: [] for c in CHROMOSOMES}
    extras: dict[str, list[ChromosomeCopy]] = {c: [] for c in CHROMOSOMES}
    markers: list[ChromosomeCopy] = []
    for a in line.abnormalities:
        if a.kind == "gain":
            c = a.chromosomes[0]
            extras[c].append(ChromosomeCopy(c, "extra", a.label, (c,)))
        elif a.kind == "loss":
            if a.chromosomes[0] in AUTOSOMES:
                removed[a.chromosomes[0]] += 1
        elif a.kind == "marker":
            markers += [ChromosomeCopy("mar", "marker", a.label, ())] * a.copies
        else:
            for name, contains in a.derivatives():
                by_name[name].append(ChromosomeCopy(name, "structural", a.label, contains))
            for c in a.consumes():
                if c in AUTOSOMES:
                    removed[c] += 1
    out: list[ChromosomeCopy] = []
    for c in AUTOSOMES:
        normal = p - removed[c]
        if normal < 0:
            if len(extras[c]) + normal < 0:
                raise _TooFew(c, removed[c], p + len(extras[c]))
            extras[c] = extras[c][:normal]
            normal = 0
        out += [ChromosomeCopy(c, "normal", "", (c,))] * normal + by_name[c] + extras[c]
    sex = _sex_copies(line.sex_chromosomes, p)
    for c in SEX_CHROMOSOMES:
        out += [x for x in sex if x.name == c and x.kind == "normal"] + by_name[c]
        out += [x for x in sex if x.name == c and x.kind == "extra"] + extras[c]
    return tuple(out + markers)


def expected_count(line: CellLine) -> int:
    """The chromosome count that a cell line's ploidy, sex chromosomes and changes add up to."""
    try:
        return len(_inventory(line))
    except _TooFew:
        raise ValueError("This cell line removes more copies of a chromosome than it has.") from None


def chromosome_copies(k: Karyotype, line: int = 0) -> tuple[ChromosomeCopy, ...]:
    """The chromosomes of one cell line as drawn on a karyogram: 1-22, X, Y in order, markers last."""
    if not 0 <= line < len(k.cell_lines):
        raise IndexError(f"This karyotype has {len(k.cell_lines)} cell line(s); there is no line {line}.")
    return _inventory(k.cell_lines[line])

