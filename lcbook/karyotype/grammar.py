"""Reading a karyotype: the whole text, its cell lines, and each field (count, sex chromosomes, changes)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from lcbook.karyotype.checks import check_line, check_mosaic
from lcbook.karyotype.errors import KaryotypeError, Source
from lcbook.karyotype.model import (
    _RANK, MAX_LENGTH, SEX_CHROMOSOMES, SUPPORTED_CHANGES, Abnormality, CellLine, Karyotype,
)
from lcbook.karyotype.rearrangements import _EXAMPLE, check_chromosome, read_rearrangement
from lcbook.karyotype.text import _describe_char, _quote
from lcbook.karyotype.tumour import (
    check_constitutional,
    check_count_range,
    check_reference_style,
    is_clone_reference,
    read_composite,
    read_count_range,
    resolve_clone,
)

__all__ = ["parse_karyotype"]

_CHROM_RE = re.compile(r"\d+|[XY]")
_MINUS_SIGNS = "\u2212\u2010\u2011\u2012\u2013\u2014\ufe63\uff0d"
_ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789()[];,+-/.~")
_UNSUPPORTED_CHARS = {
    "?": "An uncertain band or chromosome (?) is not supported here: give the band you are sure of.",
    ":": "The detailed system with : and :: is not supported here: use the short form, "
         "such as t(8;21)(q22;q22).",
    "<": "Ploidy levels in angle brackets (<2n>) are not supported here: "
         "write the count, such as 69,XXY.",
    ">": "Ploidy levels in angle brackets (<2n>) are not supported here: "
         "write the count, such as 69,XXY.",
}


def parse_karyotype(text: str) -> Karyotype:
    """Read an ISCN 2020 karyotype such as "47,XY,+21", or raise KaryotypeError saying what to fix."""
    if not isinstance(text, str):
        raise TypeError(f"parse_karyotype expects text (a str), not {type(text).__name__}.")
    return _parse_cached(text)


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Karyotype:
    return read_karyotype(Source(text))


def _order_key(a: Abnormality) -> tuple[int, int, int, str]:
    """ISCN order: sex chromosomes, then autosomes 1-22 (numerical before structural), then markers."""
    if a.kind == "marker":
        return (2, 0, 0, "")
    c = a.chromosomes[0]
    group = 0 if c in SEX_CHROMOSOMES else 1
    return (group, _RANK[c], 0 if a.is_numerical else 1, "" if a.is_numerical else a.kind)


def _split_top(text: str, sep: str, start: int) -> list[tuple[str, int]]:
    """Split text at sep outside parentheses and brackets, keeping each piece's position."""
    pieces, depth, begin = [], 0, 0
    for j, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == sep and depth == 0:
            pieces.append((text[begin:j], start + begin))
            begin = j + 1
    pieces.append((text[begin:], start + begin))
    return pieces


def read_karyotype(src: Source) -> Karyotype:
    """Read the whole text: an optional mos/chi prefix, then cell lines separated by '/'."""
    text = src.text
    if len(text) > MAX_LENGTH:
        raise KaryotypeError(
            "TOO_LONG",
            f"This is {len(text)} characters long, more than the {MAX_LENGTH} a karyotype can "
            "have here. Check that only the karyotype was pasted.",
            None,
        )
    if not text.strip():
        raise KaryotypeError(
            "EMPTY", "Type a karyotype, such as 46,XX or 47,XY,+21.", None if not text else 0
        )
    prefix = ""
    m = re.match(r"(\s*)(mos|chi)(?=[\s\d])\s*", text)
    begin = 0
    if m:
        prefix, begin = m.group(2), m.end()
        if m.group(1):
            src.warn("Removed spaces: ISCN karyotypes are written without spaces.")
    clean(src, begin)
    check_brackets(src)
    lines = _split_top(src.s, "/", 0)
    if prefix and len(lines) == 1:
        raise src.fail(
            "BAD_MOSAIC",
            f"'{prefix}' marks a {'mosaic' if prefix == 'mos' else 'chimera'}, which has two or more "
            "cell lines separated by '/', such as mos 47,XY,+21[12]/46,XY[8].",
            0,
        )
    cell_lines: tuple[CellLine, ...] = ()
    for seg, pos in lines:
        cell_lines += (read_cell_line(src, seg, pos, len(lines) > 1, cell_lines),)
    check_constitutional(src, cell_lines, [pos for _, pos in lines])
    check_reference_style(src, cell_lines)
    if len(cell_lines) > 1:
        check_mosaic(src, cell_lines, prefix)
    return Karyotype(cell_lines=cell_lines, prefix=prefix, warnings=tuple(src.warnings))


def clean(src: Source, begin: int) -> None:
    """Drop spaces, read dashes as '-', and refuse characters that never appear in ISCN."""
    chars: list[str] = []
    spaces = minus = False
    for j in range(begin, len(src.text)):
        c = src.text[j]
        if c.isspace():
            spaces = True
            continue
        if c in _MINUS_SIGNS:
            minus, c = True, "-"
        elif c not in _ALLOWED:
            if c in _UNSUPPORTED_CHARS:
                raise KaryotypeError("UNSUPPORTED_NOTATION", _UNSUPPORTED_CHARS[c], j)
            raise KaryotypeError(
                "UNEXPECTED_CHARACTER",
                f"The character {_describe_char(c)} cannot appear in a karyotype. ISCN uses "
                "digits, X and Y, lower-case abbreviations such as t or del, and , ; ( ) [ ] + - / .",
                j,
            )
        chars.append(c)
        src.map.append(j)
    src.s = "".join(chars)
    if spaces:
        src.warn("Removed spaces: ISCN karyotypes are written without spaces.")
    if minus:
        src.warn("Read a dash or minus sign as '-' (ISCN uses the plain hyphen-minus).")
    if not src.s:
        raise KaryotypeError("EMPTY", "Type a karyotype after 'mos' or 'chi', such as mos 45,X[15]/46,XX[5].", None)


def check_brackets(src: Source) -> None:
    """Check that parentheses and brackets open and close in order, unnested."""
    paren = bracket = None
    for j, c in enumerate(src.s):
        if c == "(":
            if paren is not None:
                raise src.fail(
                    "NESTED_PARENTHESES",
                    "Parentheses cannot be nested: close each '(' with ')' before opening the next, "
                    "as in der(22)t(9;22)(q34;q11.2).",
                    j,
                )
            if bracket is not None:
                raise src.fail("BAD_CELL_COUNT", "Only a number of cells goes inside [ ], such as [12].", j)
            paren = j
        elif c == ")":
            if paren is None:
                raise src.fail(
                    "UNBALANCED_PARENTHESES",
                    "This ')' has no matching '(' before it. Check the parentheses, as in t(8;21)(q22;q22).",
                    j,
                )
            paren = None
        elif c == "[":
            if paren is not None:
                break  # reported below as an unclosed '('
            if bracket is not None:
                raise src.fail("BAD_CELL_COUNT", "Brackets cannot be nested: write the cell count as [12].", j)
            bracket = j
        elif c == "]":
            if bracket is None:
                raise src.fail("BAD_CELL_COUNT", "This ']' has no matching '[': write the cell count as [12].", j)
            bracket = None
        elif c in ",/;" and bracket is not None:
            raise src.fail("BAD_CELL_COUNT", "The '[' is not closed: write the cell count as [12].", bracket)
        elif c in ",/" and paren is not None:
            close, reopen = src.s.find(")", j), src.s.find("(", j)
            if close != -1 and (reopen == -1 or close < reopen):
                continue  # a ',' or '/' inside parentheses: reported where the field is read
            break  # an unclosed '('

    if paren is not None:
        raise src.fail(
            "UNBALANCED_PARENTHESES",
            "This '(' is never closed: add the matching ')', as in t(8;21)(q22;q22).",
            paren,
        )
    if bracket is not None:
        raise src.fail("BAD_CELL_COUNT", "The '[' is not closed: write the cell count as [12].", bracket)


def read_cell_line(src: Source, seg: str, pos: int, mosaic: bool, earlier: tuple[CellLine, ...] = ()) -> CellLine:
    """Read one cell line: count, sex chromosomes, changes, and its cell count [n]."""
    if not seg:
        raise src.fail(
            "EMPTY_FIELD",
            "A '/' must separate two cell lines, each with a count and sex chromosomes, "
            "such as 47,XY,+21[12]/46,XY[8].",
            pos if pos < len(src.s) else pos - 1,
        )
    cells = None
    composite = False
    body = seg
    if "[" in seg:
        b = seg.index("[")
        if not seg.endswith("]") or seg.count("[") > 1:
            raise src.fail(
                "BAD_CELL_COUNT",
                "The cell count [n] comes at the end of a cell line, such as 47,XY,+21[12]/46,XY[8].",
                pos + b,
            )
        inner = seg[b + 1:-1]
        cp = read_composite(src, inner, pos + b + 1)
        if cp is not None:
            composite, inner = True, str(cp)
        if not (inner.isascii() and inner.isdigit()) or len(inner) > 6:
            raise src.fail(
                "BAD_CELL_COUNT",
                f"The cell count in brackets must be a whole number of cells, such as [12], not [{_quote(inner)}].",
                pos + b + 1,
            )
        cells = int(inner)
        if cells == 0:
            raise src.fail("BAD_CELL_COUNT", "A cell line needs at least one cell: [0] is not possible.", pos + b + 1)
        body = seg[:b]
    elif mosaic:
        src.warn(
            f"The cell line {_quote(seg, 40)} has no cell count: ISCN gives the number of cells "
            "in each line of a mosaic in brackets, such as 46,XY[8]."
        )
    if not body:
        raise src.fail("MISSING_COUNT", "The cell count [n] follows a karyotype, such as 46,XY[20].", pos)
    fields = _split_top(body, ",", pos)
    count, max_count = read_count(src, *fields[0])
    if max_count is not None and not composite:
        src.warn(
            f"The count range {count}~{max_count} belongs to a composite karyotype, whose cell count ISCN "
            "writes as [cp n], such as [cp10]."
        )
    if len(fields) < 2:
        raise src.fail(
            "MISSING_SEX_CHROMOSOMES",
            f"After the count, write the sex chromosomes: {count},XX or {count},XY, then any changes.",
            fields[0][1] + len(fields[0][0]),
        )
    inherits, parent = "", None
    if is_clone_reference(fields[1][0]):
        inherits, parent = resolve_clone(src, *fields[1], earlier)
        sex, constitutional_sex = parent.sex_chromosomes, parent.constitutional_sex
    else:
        sex, constitutional_sex = read_sex(src, *fields[1])
    written = [read_change(src, f, p) for f, p in fields[2:]]
    for (f, p), a in zip(fields[2:], written):
        if parent is not None and a.is_structural and not a.extra and a in parent.abnormalities:
            raise src.fail(
                "BAD_CLONE_REFERENCE",
                f"{inherits} already includes {a}: after {inherits} write only the changes this clone adds.",
                p,
            )
    added = tuple(sorted(written, key=_order_key))
    abnormalities = tuple(sorted((*(parent.abnormalities if parent else ()), *written), key=_order_key))
    if added != tuple(written):
        src.warn(
            "Reordered the changes: ISCN lists changes of the sex chromosomes first, then the "
            "autosomes from 1 to 22 (a gain or loss before a rearrangement of the same chromosome), "
            "then markers."
        )
    line = CellLine(count, sex, abnormalities, cells, max_count, constitutional_sex, composite,
                    inherits, added if inherits else ())
    check_line(src, line, body, pos)
    return line


def read_count(src: Source, f: str, pos: int) -> tuple[int, int | None]:
    """Read the chromosome count, the first field: one count, or a range such as 45~48 (its ends)."""
    ends = read_count_range(src, f, pos)
    if ends is not None:
        low, high = ends
        counts = read_one_count(src, low, pos), read_one_count(src, high, pos + len(low) + 1)
        check_count_range(src, *counts, pos)
        return counts
    return read_one_count(src, f, pos), None


def read_one_count(src: Source, f: str, pos: int) -> int:
    """Read one count: a whole number from 1 to 103."""
    if not f:
        raise src.fail("MISSING_COUNT", "A karyotype starts with the number of chromosomes, such as 46,XX.", pos)
    if not (f.isascii() and f.isdigit()):
        if re.fullmatch(r"\d+[XY]+", f):
            j = len(re.match(r"\d+", f).group())
            raise src.fail(
                "MISSING_COMMA",
                f"Put a comma between the count and the sex chromosomes: {f[:j]},{f[j:]}.",
                pos + j,
            )
        raise src.fail(
            "MISSING_COUNT",
            "A karyotype starts with the number of chromosomes in the cell, then the sex "
            "chromosomes, such as 46,XY or 47,XX,+21.",
            pos,
        )
    if len(f) > 1 and f.startswith("0"):
        src.warn(f"Read the count {f} as {int(f)}.")
    n = int(f) if len(f) <= 4 else 10**4
    if n == 0 or n > 103:
        raise src.fail(
            "COUNT_OUT_OF_RANGE",
            f"A count of {_quote(f)} is outside what this parser handles: 1 to 103 chromosomes "
            "(up to near-tetraploid). A typical human cell has 46.",
            pos,
        )
    return n


def read_sex(src: Source, f: str, pos: int) -> tuple[str, bool]:
    """Read the sex-chromosome field (X before Y), and whether it is marked c (constitutional, as in XXYc)."""
    if not f:
        raise src.fail(
            "EMPTY_FIELD", "Two commas in a row: after the count come the sex chromosomes, such as 46,XY.", pos
        )
    if re.fullmatch(r"[XY]+c", f):
        return read_sex(src, f[:-1], pos)[0], True
    if re.fullmatch(r"[XY]+C", f):
        raise src.fail(
            "BAD_CONSTITUTIONAL",
            f"The constitutional mark is a lower-case c: {f[:-1]}c.",
            pos + len(f) - 1,
        )
    if re.fullmatch(r"[XY]+c+", f):
        raise src.fail("BAD_CONSTITUTIONAL", f"Write the constitutional mark once: {f.rstrip('c')}c.", pos + len(f) - 1)
    if re.fullmatch(r"[XY]+", f):
        ordered = "".join(sorted(f))
        if ordered != f:
            src.warn(f"Wrote the sex chromosomes {f} as {ordered}: ISCN lists X before Y.")
        return ordered, False
    if re.fullmatch(r"[XYxy]+", f):
        raise src.fail(
            "BAD_SEX_CHROMOSOMES",
            f"Write the sex chromosomes as capital letters: {f.upper()}.",
            pos,
        )
    m = re.match(r"[XY]+(?=[+\-])", f)
    if m:
        raise src.fail(
            "MISSING_COMMA",
            f"Separate each change with a comma: {m.group()},{_quote(f[m.end():])}.",
            pos + m.end(),
        )
    if f[0] in "+-(" or f[0].isdigit() or re.match(r"[a-z]+\(", f):
        raise src.fail(
            "MISSING_SEX_CHROMOSOMES",
            "After the count, list the sex chromosomes (such as XX or XY) before any changes, "
            "as in 47,XY,+21.",
            pos,
        )
    raise src.fail(
        "BAD_SEX_CHROMOSOMES",
        f"The sex chromosomes are written with the letters X and Y only, such as XX, XY or XXY, "
        f"not {_quote(f)}.",
        pos,
    )


def read_constitutional(src: Source, f: str, pos: int) -> Abnormality:
    """Read a change marked c (+21c, t(11;22)(q23;q11.2)c): constitutional, present from birth."""
    end = pos + len(f) - 1
    if f[-1] == "C":
        raise src.fail("BAD_CONSTITUTIONAL", f"The constitutional mark is a lower-case c: {_quote(f[:-1])}c.", end)
    a = read_change(src, f[:-1], pos)
    if a.constitutional:
        raise src.fail("BAD_CONSTITUTIONAL", f"Write the constitutional mark once: {_quote(f.rstrip('c'))}c.", end)
    return replace(a, constitutional=True)


def read_change(src: Source, f: str, pos: int) -> Abnormality:
    """Read one change: a gain or loss (+21, -7), a marker (+mar), or a rearrangement."""
    if not f:
        raise src.fail(
            "EMPTY_FIELD",
            "There is nothing between two commas (or after the last one): remove the extra comma.",
            pos if pos < len(src.s) else pos - 1,
        )
    if len(f) > 1 and f[-1] in "cC" and (f[-2] in ")XYc" or f[-2].isdigit() or f[-4:-1] == "mar"):
        return read_constitutional(src, f, pos)
    sign = f[0] if f[0] in "+-" else ""
    body, bpos = f[len(sign):], pos + len(sign)
    if not body:
        raise src.fail(
            "UNKNOWN_CHROMOSOME",
            f"'{sign}' must be followed by a chromosome, as in {sign}21.",
            pos,
        )
    if _CHROM_RE.fullmatch(body):
        if not sign:
            raise src.fail(
                "MISSING_SIGN",
                f"Write +{body} for an extra chromosome {body}, or -{body} for a missing one.",
                pos,
            )
        check_chromosome(src, body, bpos)
        return Abnormality("gain" if sign == "+" else "loss", (body,))
    m = re.fullmatch(r"(\d*)mar(\d*)", body)
    if m:
        if sign != "+":
            if sign == "-":
                raise src.fail(
                    "UNSUPPORTED_ABNORMALITY", "Losing a marker (-mar) is not supported here.", pos
                )
            raise src.fail("MISSING_SIGN", "A marker chromosome is an extra one: write +mar.", pos)
        if m.group(1) and m.group(2):
            raise src.fail(
                "SYNTAX", "Write either a number of markers (+2mar) or a marker's name (+mar1), not both.", pos
            )
        copies = int(m.group(1)) if m.group(1) else 1
        if copies == 0 or len(m.group(1)) > 2:
            raise src.fail("SYNTAX", "The number of markers must be 1 or more, as in +2mar.", bpos)
        if m.group(1) == "1":
            src.warn("Wrote +1mar as +mar.")
        return Abnormality("marker", copies=copies, marker_id=m.group(2))
    if re.fullmatch(r"[xy]", body):
        raise src.fail("UNKNOWN_CHROMOSOME", f"Write the sex chromosome as a capital letter: {sign}{body.upper()}.", bpos)
    if re.match(r"[A-Za-z]+\(", body):
        if sign == "-":
            raise src.fail(
                "UNSUPPORTED_ABNORMALITY",
                "Losing a rearranged chromosome (a '-' before a rearrangement) is not supported here.",
                pos,
            )
        return read_rearrangement(src, body, bpos, extra=sign == "+")
    m = re.match(r"(?:\d+|[XY])(?=[+\-])", body)
    if m:
        raise src.fail(
            "MISSING_COMMA",
            f"Separate each change with a comma: {sign}{m.group()},{_quote(body[m.end():])}.",
            bpos + m.end(),
        )
    if re.fullmatch(r"(?:\d+|[XY])[pq].*", body):
        raise src.fail(
            "UNKNOWN_ABNORMALITY",
            f"{_quote(f)} is not ISCN: describe part of a chromosome with a rearrangement, "
            "such as del(5)(q13q33) or i(17)(q10).",
            pos,
        )
    if body in SUPPORTED_CHANGES or body.lower() in SUPPORTED_CHANGES:
        raise src.fail(
            "SYNTAX",
            f"{_quote(body)} needs the chromosome and its breakpoints in parentheses, "
            f"as in {_EXAMPLE.get(body.lower(), 't(8;21)(q22;q22)')}.",
            pos,
        )
    if body.isdigit():
        check_chromosome(src, body, bpos)  # raises UNKNOWN_CHROMOSOME
    raise src.fail(
        "UNKNOWN_ABNORMALITY",
        f"{_quote(f)} is not a change this parser knows. Use +21 or -7 for whole chromosomes, "
        f"+mar for a marker, or one of {', '.join(SUPPORTED_CHANGES)}, as in t(8;21)(q22;q22).",
        pos,
    )
