"""Tumor-karyotype notation (ISCN 2020): the constitutional mark c, count ranges, [cp n], idem, sl and sdl.

    >>> from lcbook.karyotype import parse_karyotype
    >>> k = parse_karyotype("48,XY,+8,+21c")                          # myeloid leukemia of Down syndrome
    >>> k.chromosome_count, [str(a) for a in k.cell_lines[0].constitutional]
    (48, ['+21c'])
    >>> str(parse_karyotype("46,XX,t(8;21)(q22;q22.1)[10]/47,idem,+8[5]").cell_lines[1].abnormalities[0])
    '+8'

Each function reads one piece of the notation or checks one rule, and raises a KaryotypeError a learner
can act on:

- ``c`` marks what was there from birth (``+21c``, ``XXYc``, ``t(11;22)(q23;q11.2)c``) in a karyotype of
  acquired changes; it is counted like any other change, and being in every cell of the body, it must be
  written in every cell line;
- ``45~48`` is a count range and ``[cp10]`` a composite karyotype: cells that each carry some of the
  listed changes. A range must rise (45~48, not 48~45) within one ploidy level, and the counts must be
  reachable: between the count with only the losses and the count with only the gains;
- ``idem`` (the stemline, the first line), ``sl`` (the stemline) and ``sdl``/``sdl1``... (a sideline)
  stand for the changes of an earlier clone, to which this clone adds its own; they take the place of the
  sex chromosomes and can never be in the first cell line.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lcbook.karyotype.contents import _inventory, _TooFew
from lcbook.karyotype.errors import Source
from lcbook.karyotype.model import _ploidy, CellLine
from lcbook.karyotype.text import _quote

__all__ = ["CLONE_REFERENCES"]

#: The words that stand for an earlier clone's changes.
CLONE_REFERENCES: tuple[str, ...] = ("idem", "sl", "sdl")
_REFERENCE_RE = re.compile(r"(idem|sl|sdl)(\d*)", re.IGNORECASE)


def is_clone_reference(field: str) -> bool:
    """Whether a field is idem, sl, sdl or sdl1, sdl2 ... (in any case, so that capitals get a clear error)."""
    return bool(_REFERENCE_RE.fullmatch(field))


def read_count_range(src: Source, f: str, pos: int) -> tuple[str, str] | None:
    """Split a count range 46~47 into its ends, or None when f has no '~'; check the ends are written."""
    if "~" not in f:
        return None
    low, _, high = f.partition("~")
    if "~" in high:
        raise src.fail("BAD_COUNT_RANGE", "A count range has two ends, such as 45~48, not more.", pos + len(low) + 1 + high.index("~"))
    for end, at in ((low, pos), (high, pos + len(low) + 1)):
        if not (end.isascii() and end.isdigit()):
            raise src.fail(
                "BAD_COUNT_RANGE",
                f"A count range is two counts joined by '~', such as 45~48 (the fewest and the most "
                f"chromosomes in the cells), not {_quote(f)}.",
                at,
            )
    return low, high


def check_count_range(src: Source, low: int, high: int, pos: int) -> None:
    """A range rises and stays within one ploidy level (45~48, not 48~45 or 46~70)."""
    if high <= low:
        raise src.fail(
            "BAD_COUNT_RANGE",
            f"A count range goes from the fewest chromosomes to the most: write {min(low, high)}~{max(low, high)}."
            if high < low else f"A range needs two different counts: write {low} alone, or a range such as {low}~{low + 2}.",
            pos,
        )
    if _ploidy(low) != _ploidy(high):
        raise src.fail(
            "UNSUPPORTED_NOTATION",
            f"The range {low}~{high} crosses a ploidy level (diploid is 35-57, triploid 58-80): ranges are "
            "read here only within one level.",
            pos,
        )


def read_composite(src: Source, inner: str, pos: int) -> int | None:
    """The number of cells of a composite karyotype [cp10], or None when the brackets hold no cp."""
    if not inner[:2].lower() == "cp":
        return None
    if inner[:2] != "cp":
        raise src.fail("BAD_CELL_COUNT", f"Write the composite mark in lower case: [cp{_quote(inner[2:], 8)}].", pos)
    n = inner[2:]
    if not (n.isascii() and n.isdigit()) or len(n) > 6:
        raise src.fail(
            "BAD_CELL_COUNT",
            "A composite karyotype gives the number of cells it was made from after cp, such as [cp10].",
            pos,
        )
    if int(n) < 2:
        raise src.fail(
            "BAD_CELL_COUNT",
            f"A composite karyotype combines several cells: [cp{n}] has {'no' if n.strip('0') == '' else 'one'} "
            "cell. Write the cell count as [1], or the number of cells after cp.",
            pos,
        )
    return int(n)


def resolve_clone(src: Source, field: str, pos: int, earlier: tuple[CellLine, ...]) -> tuple[str, CellLine]:
    """The reference as written and the earlier clone it stands for: idem and sl the first, sdl the one before."""
    m = _REFERENCE_RE.fullmatch(field)
    assert m is not None
    word, number = m.groups()
    if word != word.lower():
        raise src.fail("BAD_CLONE_REFERENCE", f"Write {word.lower()} in lower case, as ISCN does.", pos)
    if not earlier:
        raise src.fail(
            "BAD_CLONE_REFERENCE",
            f"{field} stands for the changes of an earlier clone, so it cannot be in the first cell line: "
            "write the stemline in full first, as in 46,XX,t(8;21)(q22;q22.1)[10]/47,idem,+8[5].",
            pos,
        )
    if word in ("idem", "sl"):
        if number:
            raise src.fail("BAD_CLONE_REFERENCE", f"{word} is never numbered: there is one stemline. Write {word}.", pos)
        parent = earlier[0]
    else:
        sidelines = earlier[1:]
        if not sidelines:
            raise src.fail(
                "BAD_CLONE_REFERENCE",
                "sdl stands for a sideline, a clone that grew from the stemline, and there is none before "
                "this one: use sl (the stemline), as in 46,XX,t(9;22)(q34;q11.2)[3]/47,sl,+8[17].",
                pos,
            )
        if number:
            j = int(number) if len(number) <= 3 else 10**3
            if not 1 <= j <= len(sidelines):
                raise src.fail(
                    "BAD_CLONE_REFERENCE",
                    f"There is no sideline {number} before this cell line: sdl1 is the first cell line after "
                    f"the stemline, and there {'is' if len(sidelines) == 1 else 'are'} {len(sidelines)} so far.",
                    pos,
                )
            parent = sidelines[j - 1]
        else:
            parent = sidelines[-1]
    if parent.is_typical:
        raise src.fail(
            "BAD_CLONE_REFERENCE",
            f"{field} repeats the changes of an earlier clone, but the cell line it stands for has none: "
            "write this clone's changes after its sex chromosomes instead.",
            pos,
        )
    return field, parent


def check_reference_style(src: Source, lines: tuple[CellLine, ...]) -> None:
    """Warn when one karyotype mixes idem with sl/sdl (ISCN uses one system or the other)."""
    words = {line.inherits.rstrip("0123456789") for line in lines if line.inherits}
    if "idem" in words and words & {"sl", "sdl"}:
        src.warn("This karyotype mixes idem with sl/sdl: ISCN uses one system or the other in a karyotype.")


def check_constitutional(src: Source, lines: tuple[CellLine, ...], positions: list[int]) -> None:
    """A change marked c is in every cell of the body, so every cell line must have it."""
    if len(lines) < 2:
        return
    for line, pos in zip(lines, positions):
        for a in line.constitutional:
            for other, other_pos in zip(lines, positions):
                if not any(b == a for b in other.abnormalities):
                    raise src.fail(
                        "BAD_CONSTITUTIONAL",
                        f"{a} marks a constitutional change, present from birth in every cell, but the cell line "
                        f"{_quote(str(replace(other, cells=None)), 40)} does not have it: write it in every cell "
                        "line, as in 47,XY,+21c[4]/48,XY,+8,+21c[16].",
                        other_pos,
                    )


def count_bounds(line: CellLine) -> tuple[int, int]:
    """The fewest and most chromosomes a cell with some of the line's changes can have (losses only, gains only).

    Constitutional changes (c) are in every cell; each acquired one may or may not be.
    """
    inborn = line.constitutional
    base = len(_inventory(replace(line, abnormalities=inborn)))
    low = high = base
    for a in line.abnormalities:
        if a.constitutional:
            continue
        try:
            effect = len(_inventory(replace(line, abnormalities=(*inborn, a)))) - base
        except _TooFew:
            continue
        low, high = (low + effect, high) if effect < 0 else (low, high + effect)
    return low, high


def composite_count_message(line: CellLine, written: str, low: int, high: int) -> str:
    """What to say when a composite or ranged count cannot be reached with the listed changes."""
    subject = written if len(written) <= 40 else "This cell line"
    reach = f"is {low}" if low == high else f"runs from {low} (with only its losses) to {high} (with only its gains)"
    return (f"{subject}: each cell of a composite karyotype has some of the listed changes, so its count "
            f"{reach}; the count {line.count_text} is outside that.")
