"""The checks on a whole cell line (its count adds up) and on a mosaic (its lines' sex chromosomes)."""
from __future__ import annotations

from lcbook.karyotype.contents import _inventory, _TooFew
from lcbook.karyotype.errors import Source
from lcbook.karyotype.model import _RANK, SEX_CHROMOSOMES, CellLine
from lcbook.karyotype.text import _PLOIDY_NAME, _join, _plural, _quote
from lcbook.karyotype.tumour import composite_count_message, count_bounds


def check_line(src: Source, line: CellLine, written: str, pos: int) -> None:
    """Check that a cell line's count adds up and that it has enough copies of what it changes."""
    for c in sorted(set(line.gains) & set(line.losses), key=_RANK.get):
        src.warn(f"{_quote(written, 40)} lists both a gain and a loss of chromosome {c}, which cancel out.")
    try:
        copies = _inventory(line)
    except _TooFew as e:
        raise src.fail(
            "NOT_ENOUGH_COPIES",
            f"{_quote(written, 40)} removes or rearranges chromosome {e.chromosome} {_plural(e.removed, 'time')}, "
            f"but a {_PLOIDY_NAME[line.ploidy]} cell with these changes has only "
            f"{_plural(e.available, 'copy', 'copies')} of it.",
            pos,
        ) from None
    expected = len(copies)
    if line.composite or line.max_count is not None:
        low, high = count_bounds(line)
        if not low <= line.chromosome_count <= (line.max_count or line.chromosome_count) <= high:
            raise src.fail("COUNT_MISMATCH", composite_count_message(line, written, low, high), pos)
        expected = line.chromosome_count
    if expected == line.chromosome_count:
        if "X" not in line.sex_chromosomes and not any("X" in c.contains for c in copies):
            src.warn(
                f"{_quote(written, 40)} has no X chromosome: human cells cannot survive without one, "
                "so check the sex chromosomes."
            )
        return
    raise src.fail("COUNT_MISMATCH", _count_message(line, written, expected), pos)


def check_mosaic(src: Source, lines: tuple[CellLine, ...], prefix: str) -> None:
    """Warn when a mosaic's lines have different sex chromosomes (perhaps a chimera)."""
    complements = [line.sex_chromosomes for line in lines]
    if len(set(complements)) == 1:
        return
    has_y = ["Y" in s for s in complements]
    shown = " and ".join(dict.fromkeys(complements))
    if prefix == "chi":
        return
    if any(has_y) and any(not y and s.count("X") >= 2 for y, s in zip(has_y, complements)):
        src.warn(
            f"The cell lines have different sex chromosomes ({shown}): cells with XX and with XY "
            "in one person suggest a chimera (two cell lineages from different zygotes), written "
            "with the prefix chi, rather than a mosaic."
        )
    else:
        src.warn(
            f"The cell lines have different sex chromosomes ({shown}), as in mosaicism for a lost "
            "or gained sex chromosome; if they came from two zygotes it is a chimera (prefix chi)."
        )


def _count_message(line: CellLine, written: str, expected: int) -> str:
    gains = sum(1 for a in line.abnormalities if a.kind == "gain")
    losses = sum(1 for a in line.abnormalities if a.kind == "loss" and a.chromosomes[0] not in SEX_CHROMOSOMES)
    sex_losses = sum(1 for a in line.abnormalities if a.kind == "loss" and a.chromosomes[0] in SEX_CHROMOSOMES)
    fusions = sum(1 for a in line.abnormalities if a.is_fusion and not a.extra)
    extras = sum(len(a.derivatives()) for a in line.abnormalities if a.is_structural and a.extra)
    sex_structural = sum(
        1 for a in line.abnormalities if a.is_structural and not a.extra
        for name, _ in a.derivatives() if name in SEX_CHROMOSOMES
    )
    parts = []
    if gains:
        parts.append(_plural(gains, "gain"))
    if losses:
        parts.append(_plural(losses, "loss", "losses"))
    if fusions:
        parts.append(_plural(fusions, "fusion") + " of two chromosomes into one")
    if extras:
        parts.append(_plural(extras, "extra rearranged chromosome"))
    if line.markers:
        parts.append(_plural(line.markers, "marker"))
    if sex_structural:
        parts.append(_plural(sex_structural, "rearranged sex chromosome"))
    listed = "lists " + _join(parts) if parts else "lists no gains or losses"
    subject = written if len(written) <= 40 else "This cell line"
    message = f"{subject} {listed}, so the count should be {expected}"
    message += f" (not {line.chromosome_count})." if parts else f", not {line.chromosome_count}."
    p = line.ploidy
    if p != 2:
        message += (f" A count of {line.chromosome_count} is read as {_PLOIDY_NAME[p]}: {22 * p} autosomes "
                    "plus the sex chromosomes.")
    if sex_structural:
        message += (" A rearranged X or Y is written as a change, not in the sex-chromosome field, "
                    "as in 46,X,i(X)(q10).")
    if sex_losses:
        message += " A lost X or Y is also left out of the sex-chromosome field, as in 45,X,-Y."
    return message

