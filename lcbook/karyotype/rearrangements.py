"""Reading one rearrangement: t(8;21)(q22;q22), del(5)(q13q33), der(22)t(9;22)(q34;q11.2) ...

Each function reads one part (the chromosomes, the breakpoints, the bands) and checks one rule.
"""
from __future__ import annotations

import re

from lcbook.karyotype.bands import _arm_ends, _band_table
from lcbook.karyotype.errors import Source
from lcbook.karyotype.model import _RANK, ACROCENTRIC, CHROMOSOMES, SUPPORTED_CHANGES, Abnormality
from lcbook.karyotype.text import _number, _plural, _quote

_ONE_CHROMOSOME = frozenset({"del", "dup", "inv", "i", "r", "add"})
_BREAKPOINTS_NEEDED: dict[str, tuple[int, ...]] = {
    "del": (1, 2), "dup": (1, 2), "inv": (2,), "i": (1,), "r": (2,), "add": (1,),
}
_CENTROMERE_ALLOWED = frozenset({"t", "i", "rob", "der"})
_EXTRA_ALLOWED = frozenset({"der", "i", "r", "del", "dup", "inv", "add"})
_OTHER_ISCN = frozenset({
    "dic", "idic", "ins", "fra", "hsr", "dmin", "tas", "trc", "psu", "tan", "qdp", "ider", "trp",
    "min", "mat", "pat", "dn", "inh", "chi", "mos", "ctb", "cx", "neo", "ptr", "sdl", "idem", "h",
    "cen", "fis", "inc", "mal", "var", "upd", "rea", "rcp", "sce", "rec", "sct", "tr", "amp",
})
_EXAMPLE = {
    "t": "t(8;21)(q22;q22)", "del": "del(5)(q13q33)", "dup": "dup(1)(q21q32)",
    "inv": "inv(16)(p13.1q22)", "i": "i(17)(q10)", "r": "r(13)(p13q34)", "add": "add(7)(q22)",
    "der": "der(22)t(9;22)(q34;q11.2)", "rob": "rob(14;21)(q10;q10)",
}
_NAME = {
    "t": "a translocation", "del": "a deletion", "dup": "a duplication", "inv": "an inversion",
    "i": "an isochromosome", "r": "a ring chromosome", "add": "additional material",
    "der": "a derivative chromosome", "rob": "a Robertsonian translocation",
}
_BAND_RE = re.compile(r"[pq]\d+(?:\.\d+)?")


def read_rearrangement(src: Source, body: str, pos: int, extra: bool, inside: str | None = None) -> Abnormality:
    """Read a rearrangement such as t(8;21)(q22;q22), or a step of a derivative (inside: its chromosome)."""
    abbr = re.match(r"[A-Za-z]+", body).group()
    if abbr not in SUPPORTED_CHANGES:
        if abbr.lower() in SUPPORTED_CHANGES:
            raise src.fail(
                "UNKNOWN_ABNORMALITY",
                f"ISCN abbreviations are lower case: write {abbr.lower()}(...), not {abbr}(...).",
                pos,
            )
        if abbr.lower() in _OTHER_ISCN:
            raise src.fail(
                "UNSUPPORTED_ABNORMALITY",
                f"{abbr}() is ISCN, but this parser handles only {', '.join(SUPPORTED_CHANGES)}.",
                pos,
            )
        raise src.fail(
            "UNKNOWN_ABNORMALITY",
            f"{_quote(abbr)} is not an ISCN abbreviation. Use one of {', '.join(SUPPORTED_CHANGES)}, "
            "as in t(8;21)(q22;q22) or del(5)(q13q33).",
            pos,
        )
    if inside is not None and abbr in ("der", "rob"):
        raise src.fail(
            "SYNTAX",
            f"A der() is made by simpler rearrangements such as t() or del(), not by {abbr}(): "
            "for example der(22)t(9;22)(q34;q11.2).",
            pos,
        )
    if extra and abbr not in _EXTRA_ALLOWED:
        raise src.fail(
            "UNSUPPORTED_ABNORMALITY",
            f"A '+' before {abbr}() is not ISCN. For an extra rearranged chromosome write, for "
            "example, +der(22)t(11;22)(q23;q11.2) or +i(12)(p10).",
            pos - 1,
        )
    groups: list[tuple[str, int]] = []
    j = len(abbr)
    while j < len(body) and body[j] == "(":
        k = body.index(")", j)
        groups.append((body[j + 1:k], pos + j + 1))
        j = k + 1
    rest, rest_pos = body[j:], pos + j
    if not groups:
        raise src.fail(
            "SYNTAX", f"{abbr} needs the chromosome in parentheses, as in {_EXAMPLE[abbr]}.", pos + len(abbr)
        )
    if len(groups) > 2:
        raise src.fail(
            "SYNTAX",
            f"{abbr}() takes the chromosomes, then the breakpoints, in two pairs of parentheses: "
            f"{_EXAMPLE[abbr]}.",
            groups[2][1] - 1,
        )
    short = re.fullmatch(r"(\d+|[XY])([pq])", groups[0][0]) if abbr == "i" else None
    if short and len(groups) == 1:
        chrom, arm = short.groups()
        check_chromosome(src, chrom, groups[0][1])
        if rest:
            raise src.fail("MISSING_COMMA", "Separate each change with a comma.", rest_pos)
        src.warn(
            f"Wrote i({chrom}{arm}) as i({chrom})({arm}10): ISCN 2020 gives the centromere "
            "breakpoint of an isochromosome."
        )
        return Abnormality("i", (chrom,), ((arm + "10",),), extra=extra)
    chroms, cpos = read_chromosomes(src, abbr, *groups[0])
    steps: tuple[Abnormality, ...] = ()
    if rest:
        if abbr == "der" and inside is None and rest[0].isalpha():
            if len(chroms) == 2 or len(groups) == 2:
                raise src.fail(
                    "SYNTAX",
                    "Write a derivative either as der(22)t(9;22)(q34;q11.2) (made by the rearrangement "
                    "after it) or as der(1;7)(q10;p10) (two chromosomes joined), not both ways at once.",
                    rest_pos,
                )
            steps = read_der_steps(src, rest, rest_pos, chroms[0])
        elif rest[0] in "+-" or rest[0].isdigit():
            raise src.fail("MISSING_COMMA", "Separate each change with a comma.", rest_pos)
        else:
            raise src.fail(
                "SYNTAX",
                f"Unexpected {_quote(rest)} after {abbr}(): write it as {_EXAMPLE[abbr]}.",
                rest_pos,
            )
    bands: tuple[tuple[str, ...], ...] = ()
    if len(groups) == 2:
        if abbr == "der" and len(chroms) == 1:
            raise src.fail(
                "INCOMPLETE_DERIVATIVE",
                f"Say how der({chroms[0]}) was made, with the rearrangement after it: "
                f"der(22)t(9;22)(q34;q11.2).",
                groups[1][1] - 1,
            )
        bands = read_breakpoints(src, abbr, chroms, cpos, *groups[1])
    else:
        if abbr == "rob":
            bands = (("q10",), ("q10",))
            src.warn(
                f"Added the breakpoints of rob({';'.join(chroms)}): a Robertsonian translocation "
                "joins two long arms at the centromere, written (q10;q10)."
            )
        elif abbr == "der" and len(chroms) == 1:
            if not steps:
                raise src.fail(
                    "INCOMPLETE_DERIVATIVE",
                    f"Say how der({chroms[0]}) was made, with the rearrangement after it: "
                    "der(22)t(9;22)(q34;q11.2).",
                    pos,
                )
        else:
            needed = "breakpoints, one per chromosome," if len(chroms) > 1 else "its breakpoints"
            example = "der(1;7)(q10;p10)" if abbr == "der" else _EXAMPLE[abbr]
            raise src.fail(
                "WRONG_BREAKPOINT_COUNT",
                f"{abbr}({';'.join(chroms)}) needs {needed} in a second pair of parentheses, "
                f"as in {example}.",
                pos + len(body) - len(rest) - 1,
            )
    if inside is not None and inside not in chroms:
        raise src.fail(
            "DERIVATIVE_MISMATCH",
            f"der({inside}) is a changed chromosome {inside}, so the rearrangement after it must "
            f"involve chromosome {inside}, as in der(22)t(9;22)(q34;q11.2).",
            pos,
        )
    chroms, bands = normalise_order(src, abbr, chroms, bands)
    return Abnormality(abbr, chroms, bands, extra=extra, steps=steps)


def read_der_steps(src: Source, rest: str, pos: int, chrom: str) -> tuple[Abnormality, ...]:
    """Read the rearrangements after der(A) that made it."""
    # der(A) is followed by one or more rearrangements: abbr(...)(...), each beginning with a letter.
    starts = [0] + [j for j in range(1, len(rest)) if rest[j].isalpha() and rest[j - 1] == ")"]
    pieces = [(rest[a:b], pos + a) for a, b in zip(starts, starts[1:] + [len(rest)])]
    out = []
    for text, p in pieces:
        if not re.match(r"[A-Za-z]+\(", text):
            raise src.fail(
                "SYNTAX",
                f"After der({chrom}) comes the rearrangement that made it, such as t(9;22)(q34;q11.2).",
                p,
            )
        out.append(read_rearrangement(src, text, p, extra=False, inside=chrom))
    return tuple(out)


def read_chromosomes(src: Source, abbr: str, text: str, pos: int) -> tuple[tuple[str, ...], list[int]]:
    """Read the chromosomes of a rearrangement, (8;21), and check how many it takes."""
    if not text:
        raise src.fail(
            "UNKNOWN_CHROMOSOME", f"Write the chromosome inside the parentheses, as in {_EXAMPLE[abbr]}.", pos
        )
    wrong = re.search(r"[,/.]", text)
    if wrong:
        raise src.fail(
            "MISSING_SEMICOLON",
            f"Separate the chromosomes with ';', not '{wrong.group()}': "
            f"{abbr}({_quote(re.sub(r'[,/.]', ';', text))}).",
            pos + wrong.start(),
        )
    names, positions, p = [], [], pos
    for name in text.split(";"):
        names.append(name)
        positions.append(p)
        p += len(name) + 1
    for name, q in zip(names, positions):
        if not name:
            raise src.fail(
                "UNKNOWN_CHROMOSOME", f"A chromosome is missing between the ';': {_EXAMPLE[abbr]}.", q
            )
        if re.fullmatch(r"(\d+|[XY])[pq].*", name):
            raise src.fail(
                "SYNTAX",
                f"Write the chromosome and its bands in separate parentheses: {abbr}(chromosome)(bands), "
                f"as in {_EXAMPLE[abbr]}.",
                q,
            )
    multi = abbr in ("t", "rob") or (abbr == "der" and len(names) > 1)
    if multi and len(names) == 1:
        split = split_run_together(names[0])
        if split:
            raise src.fail(
                "MISSING_SEMICOLON",
                f"Separate the chromosomes with ';': {abbr}({split[0]};{split[1]}).",
                pos + len(split[0]),
            )
        raise src.fail(
            "WRONG_CHROMOSOME_COUNT",
            f"{_NAME[abbr].capitalize()} involves at least two chromosomes, separated by ';': {_EXAMPLE[abbr]}.",
            pos,
        )
    if abbr in _ONE_CHROMOSOME and len(names) != 1:
        raise src.fail(
            "WRONG_CHROMOSOME_COUNT",
            f"{_NAME[abbr].capitalize()} involves one chromosome: {_EXAMPLE[abbr]}.",
            pos,
        )
    if (abbr in ("rob", "der")) and len(names) > 2:
        raise src.fail(
            "WRONG_CHROMOSOME_COUNT",
            f"{abbr}() joins two chromosomes: {_EXAMPLE[abbr] if abbr == 'rob' else 'der(1;7)(q10;p10)'}.",
            pos,
        )
    for name, q in zip(names, positions):
        check_chromosome(src, name, q)
    if abbr == "rob":
        for name, q in zip(names, positions):
            if name not in ACROCENTRIC:
                raise src.fail(
                    "ROB_NOT_ACROCENTRIC",
                    f"rob({';'.join(names)}) is not possible: a Robertsonian translocation joins two "
                    f"acrocentric chromosomes (13, 14, 15, 21 or 22), and {name} is not one. For another "
                    "whole-arm exchange write t(...)(q10;q10) or der(...)(q10;q10).",
                    q,
                )
    return tuple(names), positions


def split_run_together(text: str) -> tuple[str, str] | None:
    """Two chromosome names run together without ';' (821 -> 8, 21), or None."""
    for j in range(1, len(text)):
        a, b = text[:j], text[j:]
        if a in CHROMOSOMES and b in CHROMOSOMES:
            return a, b
    return None


def check_chromosome(src: Source, name: str, pos: int) -> None:
    """Check that a chromosome name is 1-22, X or Y."""
    if name in CHROMOSOMES:
        return
    if name in ("x", "y"):
        raise src.fail("UNKNOWN_CHROMOSOME", f"Write the sex chromosome as a capital letter: {name.upper()}.", pos)
    if name.isascii() and name.isdigit():
        if name.lstrip("0") in CHROMOSOMES:
            raise src.fail(
                "UNKNOWN_CHROMOSOME", f"Write chromosome {name.lstrip('0')} without a leading zero.", pos
            )
        raise src.fail(
            "UNKNOWN_CHROMOSOME",
            f"There is no chromosome {_quote(name)}: human chromosomes are numbered 1 to 22, plus X and Y.",
            pos,
        )
    raise src.fail(
        "UNKNOWN_CHROMOSOME",
        f"{_quote(name)} is not a chromosome: human chromosomes are numbered 1 to 22, plus X and Y.",
        pos,
    )


def read_breakpoints(
    src: Source, abbr: str, chroms: tuple[str, ...], cpos: list[int], text: str, pos: int
) -> tuple[tuple[str, ...], ...]:
    """Read the breakpoints of a rearrangement, one group per chromosome."""
    label = f"{abbr}({';'.join(chroms)})"
    if not text:
        raise src.fail("WRONG_BREAKPOINT_COUNT", f"Write the breakpoints of {label} inside the parentheses: {_EXAMPLE[abbr]}.", pos)
    if "," in text:
        raise src.fail(
            "MISSING_SEMICOLON",
            f"Separate the breakpoints with ';', not ',': ({_quote(text.replace(',', ';'))}).",
            pos + text.index(","),
        )
    if len(chroms) > 1:
        pieces, p = [], pos
        for piece in text.split(";"):
            pieces.append((piece, p))
            p += len(piece) + 1
        if len(pieces) != len(chroms):
            if len(pieces) == 1 and len(read_bands(src, text, pos, raise_errors=False)) == len(chroms):
                raise src.fail(
                    "MISSING_SEMICOLON",
                    f"Separate the breakpoints with ';', one per chromosome in the same order: "
                    f"{label}({';'.join(read_bands(src, text, pos))}).",
                    pos,
                )
            raise src.fail(
                "WRONG_BREAKPOINT_COUNT",
                f"{label} joins {_number(len(chroms))} chromosomes, so it needs {_number(len(chroms))} "
                f"breakpoints, one per chromosome, separated by ';' (it has {_number(len(pieces))}): "
                f"{_EXAMPLE[abbr] if abbr != 'der' else 'der(1;7)(q10;p10)'}.",
                pos,
            )
        groups = []
        for (piece, p), chrom in zip(pieces, chroms):
            bands = read_bands(src, piece, p)
            if len(bands) != 1:
                raise src.fail(
                    "WRONG_BREAKPOINT_COUNT",
                    f"Give one breakpoint for each chromosome of {label}, such as {_EXAMPLE[abbr]}"
                    f"{'' if bands else ' (one is empty)'}.",
                    p,
                )
            groups.append(bands)
    else:
        if ";" in text:
            raise src.fail(
                "WRONG_BREAKPOINT_COUNT",
                f"{label} is on one chromosome, so write its breakpoints together without ';', "
                f"as in {_EXAMPLE[abbr]}.",
                pos + text.index(";"),
            )
        bands = read_bands(src, text, pos)
        needed = _BREAKPOINTS_NEEDED[abbr]
        if len(bands) not in needed:
            hint = {
                "del": "one breakpoint for a terminal deletion, del(5)(q31), or two for an interstitial one, del(5)(q13q33)",
                "dup": "one or two breakpoints, as in dup(1)(q21q32)",
                "inv": "two breakpoints, as in inv(16)(p13.1q22) or inv(3)(q21q26.2)",
                "i": "one breakpoint, the centromere, as in i(17)(q10)",
                "r": "two breakpoints, as in r(13)(p13q34)",
                "add": "one breakpoint, as in add(7)(q22)",
            }[abbr]
            raise src.fail(
                "WRONG_BREAKPOINT_COUNT",
                f"{label} has {_plural(len(bands), 'breakpoint')}; it needs {hint}.",
                pos,
            )
        groups = [bands]
    check_bands(src, abbr, chroms, groups, pos, text)
    return tuple(tuple(g) for g in groups)


def read_bands(src: Source, text: str, pos: int, raise_errors: bool = True) -> list[str]:
    """Read band names run together, such as q13q33."""
    out, j = [], 0
    while j < len(text):
        m = _BAND_RE.match(text, j)
        if not m:
            if not raise_errors:
                return []
            rest = text[j:]
            if rest[0] == "~":
                raise src.fail(
                    "UNSUPPORTED_NOTATION",
                    "A range of breakpoints with ~ (such as q13~q21) is not supported here: give the one "
                    "band you are surest of.",
                    pos + j,
                )
            if re.match(r"(pter|qter|cen)", rest):
                msg = (f"Use band names such as q22 or p13.1 here: {rest[:4].rstrip('q;')} belongs to "
                       "ISCN's detailed system, which this parser does not read.")
            elif rest[0] in "PQ":
                msg = f"Arms are written in lower case: {rest[0].lower()}{_quote(rest[1:], 8)}."
            elif re.match(r"(\d+|[XY])[pq]", rest):
                msg = ("Write only the band inside the second parentheses, without the chromosome: "
                       "t(8;21)(q22;q22), not (8q22;21q22).")
            else:
                msg = (f"{_quote(rest)} is not a band: a band is an arm (p or q) and a number, "
                       "such as q22 or p13.1.")
            raise src.fail("BAD_BAND", msg, pos + j)
        out.append(m.group())
        j = m.end()
    return out


def check_bands(src: Source, abbr: str, chroms: tuple[str, ...], groups: list[list[str]], pos: int, text: str) -> None:
    """Check each breakpoint: a real band of its chromosome, or the centromere where allowed."""
    j = 0
    offsets = []
    for group in groups:
        for band in group:
            j = text.index(band, j)
            offsets.append(pos + j)
            j += len(band)
    k = 0
    whole_arm = abbr in ("i", "rob") or (abbr == "der" and len(chroms) == 2)
    for chrom, group in zip(chroms, groups):
        for band in group:
            at = offsets[k]
            k += 1
            centromere = band in ("p10", "q10")
            if abbr == "rob" and band != "q10":
                raise src.fail(
                    "NEEDS_CENTROMERE",
                    "A Robertsonian translocation joins the long arms of two acrocentric chromosomes "
                    f"at the centromere: write rob({';'.join(chroms)})(q10;q10).",
                    at,
                )
            if whole_arm and not centromere:
                example = "i(17)(q10) or i(X)(p10)" if abbr == "i" else "der(1;7)(q10;p10)"
                raise src.fail(
                    "NEEDS_CENTROMERE",
                    f"{_NAME[abbr].capitalize()} is joined at the centromere, so its breakpoint is p10 "
                    f"or q10 (not {band}), as in {example}.",
                    at,
                )
            if centromere:
                if abbr not in _CENTROMERE_ALLOWED:
                    raise src.fail(
                        "CENTROMERE_NOT_ALLOWED",
                        f"{band} means the centromere itself, which is used only for whole-arm changes such "
                        f"as i(17)(q10), rob(14;21)(q10;q10) or t(1;19)(q10;p10). Give a band for {abbr}(), "
                        f"such as {_EXAMPLE[abbr]}.",
                        at,
                    )
                continue
            if band not in _band_table()[chrom]:
                raise src.fail("UNKNOWN_BAND", unknown_band_message(chrom, band), at)


def unknown_band_message(chrom: str, band: str) -> str:
    """What to say about a well-formed band the chromosome does not have."""
    arm = band[0]
    ends = _arm_ends().get((chrom, arm))
    arm_name = "short arm (p)" if arm == "p" else "long arm (q)"
    if not ends:
        return f"{chrom}{band} is not a band of chromosome {chrom}."
    return (f"{chrom}{band} is not a band of chromosome {chrom}: its {arm_name} runs from {chrom}{ends[0]} "
            f"at the centromere to {chrom}{ends[1]} at the tip. A coarser name such as "
            f"{chrom}{ends[1].split('.')[0]} is fine.")


def normalise_order(
    src: Source, abbr: str, chroms: tuple[str, ...], bands: tuple[tuple[str, ...], ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Put the sex chromosome or lowest-numbered chromosome first, with its breakpoints (a warning)."""
    if len(chroms) < 2:
        return chroms, bands
    first = min(range(len(chroms)), key=lambda j: (_RANK[chroms[j]], j))
    if first == 0:
        return chroms, bands
    new_chroms = chroms[first:] + chroms[:first]
    new_bands = bands[first:] + bands[:first] if bands else bands
    src.warn(
        f"Wrote {abbr}({';'.join(chroms)}) as {abbr}({';'.join(new_chroms)}): ISCN lists the sex "
        "chromosome or the lowest-numbered chromosome first (the breakpoints move with their chromosomes)."
    )
    return new_chroms, new_bands
