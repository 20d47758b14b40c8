"""Plain-English descriptions of karyotypes, for learners."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lcbook.karyotype.contents import _inventory
from lcbook.karyotype.fusions import known_fusion
from lcbook.karyotype.model import _RANK, AUTOSOMES, SEX_CHROMOSOMES, Abnormality, CellLine, ChromosomeCopy, Karyotype
from lcbook.karyotype.rearrangements import _NAME
from lcbook.karyotype.text import _join, _number, _plural

__all__ = ["describe"]

_TRISOMY_SYNDROME = {"21": "Down syndrome", "18": "Edwards syndrome", "13": "Patau syndrome"}
_SEX_COMPLEMENTS = {
    # sex-chromosome field: (what the person has, the condition it causes)
    "X": ("a single X chromosome (monosomy X)", "Turner syndrome"),
    "XXY": ("an extra X chromosome", "Klinefelter syndrome"),
    "XXX": ("three X chromosomes", "trisomy X (also called triple X syndrome)"),
    "XYY": ("an extra Y chromosome", "XYY syndrome"),
    "XXYY": ("an extra X and an extra Y chromosome", "48,XXYY syndrome"),
    "XXXY": ("two extra X chromosomes", "48,XXXY syndrome"),
    "XXXXY": ("three extra X chromosomes", "49,XXXXY syndrome"),
    "XXXX": ("four X chromosomes", "tetrasomy X"),
    "XXXXX": ("five X chromosomes", "pentasomy X"),
}
def _known_fusion(a: Abnormality) -> str | None:
    fusion = known_fusion(a)
    return fusion.what if fusion else None


def _arm(band: str) -> str:
    return "short arm" if band.startswith("p") else "long arm"


def _structural_phrase(a: Abnormality) -> str:
    c = a.chromosomes
    bands = [b for group in a.breakpoints for b in group]
    where = _join([f"{ch}{b}" for ch, group in zip(c, a.breakpoints) for b in group])
    extra = "an extra " if a.extra else ""
    if a.kind == "t":
        between = f"the two chromosome {c[0]}s" if len(set(c)) == 1 else f"chromosomes {_join(list(c))}"
        phrase = f"a translocation between {between} (breaks at {where})"
        known = _known_fusion(a)
        return phrase + (", " + known if known else "")
    if a.kind == "rob":
        return f"a Robertsonian translocation that joins the long arms of chromosomes {c[0]} and {c[1]}"
    if a.kind == "der" and len(c) == 2:
        return (f"{extra or 'a '}derivative chromosome that joins the {_arm(bands[0])} of chromosome {c[0]} "
                f"to the {_arm(bands[1])} of chromosome {c[1]}")
    if a.kind == "der":
        made = _join([_structural_phrase(s).split(" (")[0] for s in a.steps])
        phrase = f"{extra or 'a '}derivative chromosome {c[0]}, made by {made}"
        if any(_known_fusion(s) and s.chromosomes == ("9", "22") for s in a.steps) and c[0] == "22":
            phrase += ": the Philadelphia chromosome (BCR::ABL1)"
        return phrase
    if a.kind == "del":
        if len(bands) == 1:
            return f"{extra or 'a '}deletion of the end of the {_arm(bands[0])} of chromosome {c[0]}, from {c[0]}{bands[0]}"
        return f"{extra or 'a '}deletion within chromosome {c[0]}, between {c[0]}{bands[0]} and {c[0]}{bands[1]}"
    if a.kind == "dup":
        span = f"of {c[0]}{bands[0]}" if len(bands) == 1 else f"from {c[0]}{bands[0]} to {c[0]}{bands[1]}"
        return f"{extra or 'a '}duplication {span}"
    if a.kind == "inv":
        known = _known_fusion(a)
        phrase = f"{extra or 'an '}inversion of chromosome {c[0]} between {c[0]}{bands[0]} and {c[0]}{bands[1]}"
        return phrase + (", " + known if known else "")
    if a.kind == "i":
        return (f"{extra or 'an '}isochromosome {c[0]}{bands[0][0]} (two copies of the {_arm(bands[0])} of "
                f"chromosome {c[0]} joined at the centromere)")
    if a.kind == "r":
        return f"{extra or 'a '}ring chromosome {c[0]} (broken at {c[0]}{bands[0]} and {c[0]}{bands[1]} and joined end to end)"
    if a.kind == "add":
        return f"{extra or ''}material of unknown origin attached to chromosome {c[0]} at {c[0]}{bands[0]}".lstrip()
    return f"{extra or ''}{_NAME[a.kind]}"


def _copies_phrase(c: str, copies: int, ploidy: int) -> str:
    somy = {0: "nullisomy", 1: "monosomy", 3: "trisomy", 4: "tetrasomy", 5: "pentasomy"}
    text = f"no chromosome {c}" if copies == 0 else f"{_plural(copies, 'copy', 'copies')} of chromosome {c}"
    if ploidy == 2 and copies in somy:
        text += f" ({somy[copies]} {c})"
    elif ploidy != 2:
        text += f" instead of {_number(ploidy)}"
    return text


@dataclass(frozen=True)
class _Feature:
    """One unusual thing about a cell line, and the condition it causes when present in every cell."""

    phrase: str
    syndrome: str | None = None
    style: str = "colon"  # how a lone feature names its syndrome: "cause", "colon", "inline" (named in phrase)

    def alone(self) -> str:
        if not self.syndrome or self.style == "inline":
            return self.phrase
        if self.style == "cause":
            return f"{self.phrase}, the cause of {self.syndrome}"
        return f"{self.phrase}: {self.syndrome}"

    def among_others(self) -> str:
        if not self.syndrome or self.style == "inline":
            return self.phrase
        return f"{self.phrase}, as in {self.syndrome}"


def _effective_sex(line: CellLine, copies: tuple[ChromosomeCopy, ...]) -> str:
    """The sex chromosomes present, counting rearranged ones (46,X,i(X)(q10) has two X)."""
    rearranged = [x.name for x in copies if x.kind == "structural" and x.name in SEX_CHROMOSOMES]
    return "".join(sorted(line.sex_chromosomes + "".join(rearranged)))


def _is_turner_variant(a: Abnormality, line: CellLine) -> bool:
    if a.chromosomes != ("X",) or line.sex_chromosomes != "X" or a.extra:
        return False
    bands = [b for group in a.breakpoints for b in group]
    return (a.kind == "i" and bands == ["q10"]) or a.kind == "r" or (a.kind == "del" and bands[0].startswith("p"))


def _features(line: CellLine) -> list[_Feature]:
    """What is unusual about a cell line, in the order ISCN lists it."""
    p = line.ploidy
    copies = _inventory(line)
    sex = _effective_sex(line, copies)
    out: list[_Feature] = []
    sex_losses = [c for c in line.losses if c in SEX_CHROMOSOMES]
    if p == 2:
        if sex_losses:
            out += [_Feature(f"loss of {'the Y' if c == 'Y' else 'an X'} chromosome") for c in sex_losses]
        elif sex not in ("XX", "XY"):
            if sex in _SEX_COMPLEMENTS:
                what, syndrome = _SEX_COMPLEMENTS[sex]
                out.append(_Feature(what + (" (constitutional)" if line.constitutional_sex else ""), syndrome))
            else:
                out.append(_Feature(
                    f"{_plural(sex.count('X'), 'X chromosome')} and {_plural(sex.count('Y'), 'Y chromosome')}"
                ))
    else:
        name = {1: "haploidy", 3: "triploidy", 4: "tetraploidy"}[p]
        sets = "one set" if p == 1 else f"{_number(p)} full sets"
        out.append(_Feature(f"{sets} of chromosomes instead of two ({name}; sex chromosomes {line.sex_chromosomes})"))
        out += [_Feature(f"loss of {'a Y' if c == 'Y' else 'an X'} chromosome") for c in sex_losses]
    out += [_Feature(f"a gained {c} chromosome") for c in line.gains if c in SEX_CHROMOSOMES]
    net: Counter[str] = Counter()
    for a in line.abnormalities:
        if a.is_numerical and a.chromosomes[0] in AUTOSOMES:
            net[a.chromosomes[0]] += 1 if a.kind == "gain" else -1
    rob21 = next(
        (a for a in line.structural if a.kind == "rob" and "21" in a.chromosomes and not a.extra), None
    ) if p == 2 and net["21"] == 1 else None
    inborn = {a.chromosomes[0] for a in line.constitutional if a.is_numerical}
    for c in sorted(net, key=_RANK.get):
        if net[c] == 0 or (rob21 and c == "21"):
            continue
        n = p + net[c]
        syndrome = _TRISOMY_SYNDROME.get(c) if p == 2 and n == 3 else None
        if line.is_acquired and c not in inborn:
            syndrome = None  # an acquired trisomy of tumor cells is no syndrome
        phrase = _copies_phrase(c, n, p)
        if c in inborn:
            phrase = phrase[:-1] + ", constitutional)" if phrase.endswith(")") else phrase + " (constitutional)"
        out.append(_Feature(phrase, syndrome, "cause"))
    for a in line.structural:
        if a is rob21:
            other = a.chromosomes[0]
            joined = "two chromosome 21s" if other == "21" else f"chromosomes {other} and 21"
            separate = sum(1 for x in copies if x.name == "21" and x.kind in ("normal", "extra"))
            sep = "the two separate chromosome 21s" if separate == 2 else "the separate chromosome 21"
            out.append(_Feature(
                f"translocation Down syndrome: a Robertsonian translocation joins the long arms of {joined}, "
                f"and with {sep} there are three copies of the long arm of chromosome 21",
                "translocation Down syndrome", "inline",
            ))
        elif _is_turner_variant(a, line):
            out.append(_Feature(_structural_phrase(a), "a form of Turner syndrome"))
        else:
            out.append(_Feature(_structural_phrase(a) + (" (constitutional)" if a.constitutional else "")))
    if line.markers:
        out.append(_Feature(
            f"{_plural(line.markers, 'marker chromosome')} (a small extra chromosome that banding cannot identify)"
        ))
    return out


def _sex_word(line: CellLine) -> str:
    sex = _effective_sex(line, _inventory(line))
    return "male" if "Y" in sex or "Y" in line.losses else "female"


def _join_phrases(phrases: list[str]) -> str:
    if len(phrases) > 1 and any("," in ph for ph in phrases):
        return "; ".join(phrases[:-1]) + "; and " + phrases[-1]
    return _join(phrases)


def _render(features: list[_Feature], syndromes: bool = True) -> str:
    if len(features) == 1:
        return features[0].alone() if syndromes else features[0].phrase
    return _join_phrases([f.among_others() if syndromes else f.phrase for f in features])


def describe(k: Karyotype) -> str:
    """A plain-English sentence or two saying what the karyotype means, for learners."""
    return _describe_cells(k) + _tumour_notes(k)


def _tumour_notes(k: Karyotype) -> str:
    """What the tumor notation in a karyotype means: composite cells, the c mark, idem/sl/sdl."""
    notes = []
    for line in k.cell_lines:
        if line.composite:
            count = (f"{line.chromosome_count} to {line.max_count}" if line.max_count is not None
                     else str(line.chromosome_count))
            notes.append(f" {f'The [cp{line.cells}] line' if k.is_mosaic else 'It'} is a composite karyotype of "
                         f"{line.cells} cells with {count} chromosomes: each cell has some of these changes, "
                         "not necessarily all of them.")
    if any(line.constitutional or line.constitutional_sex for line in k.cell_lines):
        notes.append(" Changes marked c are constitutional (present from birth, in every cell of the body); "
                     "the others were acquired by the cancer cells.")
    if any(line.inherits for line in k.cell_lines):
        notes.append(" A cell line written with idem, sl or sdl has every change of the earlier clone it "
                     "names, plus its own.")
    return "".join(dict.fromkeys(notes))


def _describe_cells(k: Karyotype) -> str:
    iscn = str(k)
    if k.is_mosaic:
        return f"{iscn}: {_describe_mosaic(k)}"
    line = k.cell_lines[0]
    sex = _sex_word(line)
    if line.is_typical:
        chroms = "two X" if line.sex_chromosomes == "XX" else "one X and one Y"
        return f"{iscn}: a typical {sex} karyotype: 46 chromosomes, {chroms}."
    if (line.ploidy == 2 and line.sex_chromosomes in ("XX", "XY") and len(line.abnormalities) == 1
            and line.abnormalities[0].kind == "rob"):
        a = line.abnormalities[0]
        text = (f"{iscn}: a {sex} carrier of a balanced Robertsonian translocation: the long arms of "
                f"chromosomes {a.chromosomes[0]} and {a.chromosomes[1]} are joined, so there are "
                f"{line.chromosome_count} chromosomes but no important genetic material is missing. "
                "Carriers are usually healthy, but their children have a higher chance of an unbalanced form")
        return text + (", such as translocation Down syndrome." if "21" in a.chromosomes else ".")
    features = _features(line)
    if not features:
        return f"{iscn}: a {sex} karyotype whose changes cancel out: {line.chromosome_count} chromosomes."
    if line.ploidy != 2 and len(features) == 1:
        name = {1: "haploidy", 3: "triploidy", 4: "tetraploidy"}[line.ploidy]
        sets = "one set" if line.ploidy == 1 else f"{_number(line.ploidy)} full sets"
        return (f"{iscn}: {name}: {sets} of chromosomes instead of two, "
                f"with sex chromosomes {line.sex_chromosomes}.")
    return f"{iscn}: a {sex} with {_render(features)}."


def _describe_mosaic(k: Karyotype) -> str:
    lines = k.cell_lines
    total = k.total_cells
    sexes_differ = len({_sex_word(line) for line in lines}) > 1
    clauses = []
    for j, line in enumerate(lines):
        if line.is_typical:
            what = f"are typical ({line.sex_chromosomes})" if sexes_differ else "are typical"
        else:
            what = "have " + _render(_features(line), syndromes=False)
        if total:
            share = f"{round(100 * line.cells / total)}%"  # type: ignore[operator]
            who = f"{line.cells} of {total} cells ({share})" if j == 0 else f"{line.cells} ({share})"
            clauses.append(f"{who} {what}")
        else:
            who = "in one, the cells" if j == 0 else ("in the other, they" if len(lines) == 2 else "in another, they")
            clauses.append(f"{who} {what}")
    head = f"{_number(len(lines))} cell lines" + ("" if total else " (cell counts not given)")
    joiner = "; " if any("," in c for c in clauses) else ", "
    text = f"{head}: {joiner.join(clauses)}."
    # Name a mosaic syndrome only when each unusual line has that one feature and nothing else.
    unusual = [_features(line) for line in lines if not line.is_typical]
    syndromes = {fs[0].syndrome for fs in unusual if len(fs) == 1 and fs[0].syndrome}
    if any(len(fs) != 1 or not fs[0].syndrome for fs in unusual):
        syndromes = set()
    if k.prefix == "chi":
        text += " This is a chimera: the cell lines come from two different zygotes."
    elif len(syndromes) == 1 and any(line.is_typical for line in lines):
        text += f" This is mosaic {syndromes.pop().removeprefix('a form of ')}."
    elif sexes_differ:
        text += " Cells with and without a Y chromosome in one person may be a mosaic or a chimera."
    return text
