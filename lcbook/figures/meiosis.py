"""Nondisjunction explorer (meiosis I vs II, mother vs father) and the parental-origin bar chart.

The explorer is one plotly figure drawn with layout shapes and annotations sized in pixels (so that
cells stay round and chromosomes stay inside them at any width), plus one invisible scatter trace for
hover text. Each of the six (parent, division) states replaces the shapes, annotations and hover
points; the y axis runs from minus the figure's height to 0, so one y unit is one pixel down the page.
"""
from __future__ import annotations

import plotly.graph_objects as go

from lcbook import data
from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative, wrap_lines
from lcbook.errors import FriendlyError
from lcbook.meiosis import (
    DIVISIONS,
    PARENTS,
    Chromosome,
    Gamete,
    Zygote,
    describe_meiosis,
    gametes,
    meiosis,
    zygotes,
)

#: Homologue colours: the mother's in warm colours, the father's in blues (Okabe-Ito).
HOMOLOGUE_COLOURS: dict[tuple[str, str, str], str] = {
    ("mother", "21", "a"): OKABE_ITO["vermillion"],
    ("mother", "21", "b"): OKABE_ITO["reddish_purple"],
    ("father", "21", "c"): OKABE_ITO["blue"],
    ("father", "21", "d"): OKABE_ITO["sky_blue"],
    ("mother", "X", "a"): OKABE_ITO["vermillion"],
    ("mother", "X", "b"): OKABE_ITO["reddish_purple"],
    ("father", "X", ""): OKABE_ITO["blue"],
    ("father", "Y", ""): OKABE_ITO["sky_blue"],
}
ERROR_BAND = OKABE_ITO["yellow"]
ERROR_OUTLINE = OKABE_ITO["vermillion"]
CELL_FILL = "#F4F4F4"
CELL_LINE = "#8C8C8C"
TEXT = "#000000"

# Vertical positions, in pixels from the top of the plotting area.
_PY = dict(
    title=12, parent=58, parent_label=104, step1=126, arrow1=(138, 160), secondary=186,
    secondary_label=226, step2=248, arrow2=(260, 282), gametes=302, gamete_label=336,
    share=351, fertilise=373, arrow3=(383, 398), zygote=420,
)
_ZYGOTE_GAP = 112  # between the two zygotes of one egg (sex chromosomes, mother affected)
_R = dict(parent=34, secondary=26, gamete=20, zygote=22)
_BAR_W = 5
_LENGTH = {"21": 24, "X": 30, "Y": 13}
_MARGIN = dict(l=4, r=4, t=4, b=4)
_SECONDARY_X = (0.25, 0.75)


def _state_label(parent: str, division: str) -> str:
    return f"{parent.capitalize()} · {division}"


def _sup(c: Chromosome) -> str:
    """A chromosome's label in plotly's markup, e.g. "21<sup>a</sup>"."""
    return c.name + (f"<sup>{c.homologue}</sup>" if c.homologue else "")


def _colour(c: Chromosome) -> str:
    return HOMOLOGUE_COLOURS[(c.parent, c.name, c.homologue)]


class _Canvas:
    """Collects pixel-sized shapes and annotations on a plot whose y data unit is one pixel."""

    def __init__(self) -> None:
        self.shapes: list[dict] = []
        self.annotations: list[dict] = []
        self.hover: list[tuple[float, float, str]] = []
        self.bottom = 0.0  # lowest pixel drawn, to size the figure

    @staticmethod
    def y(py: float) -> float:
        """The y data value of a point ``py`` pixels below the top (the y axis runs from -height to 0)."""
        return -py

    def circle(self, x: float, py: float, r: float, *, line: str = CELL_LINE, width: float = 1.5,
               dash: str = "solid", fill: str = CELL_FILL) -> None:
        self._reach(py + r)
        self.shapes.append(dict(
            type="circle", xref="x", yref="y", xsizemode="pixel", ysizemode="pixel",
            xanchor=x, yanchor=self.y(py), x0=-r, x1=r, y0=-r, y1=r,
            fillcolor=fill, line=dict(color=line, width=width, dash=dash), layer="below",
        ))

    def _reach(self, py: float) -> None:
        self.bottom = max(self.bottom, py)

    def bar(self, x: float, py: float, dx: float, length: float, colour: str) -> None:
        self.shapes.append(dict(
            type="rect", xref="x", yref="y", xsizemode="pixel", ysizemode="pixel",
            xanchor=x, yanchor=self.y(py), x0=dx - _BAR_W / 2, x1=dx + _BAR_W / 2,
            y0=-length / 2, y1=length / 2, fillcolor=colour, line=dict(color="#222222", width=0.8),
            layer="above",
        ))

    def band(self, py0: float, py1: float) -> None:
        self.shapes.append(dict(
            type="rect", xref="paper", yref="y", x0=0, x1=1, y0=self.y(py1), y1=self.y(py0),
            fillcolor=ERROR_BAND, opacity=0.45, line=dict(width=0), layer="below",
        ))

    def text(self, x: float, py: float, text: str, *, size: int = 12, bold: bool = False,
             xshift: float = 0, anchor: str = "center") -> None:
        lines = text.count("<br>") + 1
        self.bottom = max(self.bottom, py + lines * size * 1.3 / 2)
        self.annotations.append(dict(
            x=x, y=self.y(py), xref="x", yref="y", text=f"<b>{text}</b>" if bold else text,
            showarrow=False, font=dict(size=size, color=TEXT), xanchor=anchor, yanchor="middle",
            xshift=xshift, align="center",
        ))

    def arrow(self, x0: float, py0: float, x1: float, py1: float) -> None:
        self.annotations.append(dict(
            x=x1, y=self.y(py1), ax=x0, ay=self.y(py0), xref="x", yref="y", axref="x", ayref="y",
            text="", showarrow=True, arrowhead=2, arrowsize=1, arrowwidth=1.5, arrowcolor="#555555",
        ))


def _draw_chromosomes(cv: _Canvas, x: float, py: float, copies: tuple[Chromosome, ...], *,
                      sisters: bool, scale: float) -> None:
    """Bars for each copy, side by side; a copied chromosome (sisters=True) is two touching bars."""
    step = 18 if sisters else 10
    offsets = [(i - (len(copies) - 1) / 2) * step for i in range(len(copies))]
    for c, dx in zip(copies, offsets):
        length = _LENGTH[c.name] * scale
        if sisters:
            cv.bar(x, py, dx - 3, length, _colour(c))
            cv.bar(x, py, dx + 3, length, _colour(c))
        else:
            cv.bar(x, py, dx, length, _colour(c))


def _labels(copies: tuple[Chromosome, ...], empty: str) -> str:
    return " ".join(_sup(c) for c in copies) if copies else empty


def _wrap(text: str, width: int = 16) -> str:
    """Break a label into lines of at most about ``width`` characters for a phone-width column."""
    return wrap_lines(text, width)


def _outcome_label(z: Zygote) -> str:
    """The outcome without its karyotype, capitalised and wrapped: "Trisomy 21:<br>Down syndrome"."""
    text = z.outcome.removeprefix(z.karyotype + ": ")
    text = text[0].upper() + text[1:]
    if ": " in text:
        head, rest = text.split(": ", 1)
        return f"{head}:<br>{_wrap(rest)}"
    return _wrap(text)


def _gamete_x(n: int) -> list[float]:
    """The x of each gamete column: under the two secondary cells, or in thirds when there are three."""
    if n == 2:
        return list(_SECONDARY_X)
    return [0.1667, 0.5, 0.8333]  # thirds, rounded to keep the page small


def _parent_of_gamete_x(error_cell: int, n: int) -> list[float]:
    """For each gamete column, the x of the secondary cell it comes from."""
    if n == 2:
        return list(_SECONDARY_X)
    if error_cell == 0:
        return [_SECONDARY_X[0], _SECONDARY_X[0], _SECONDARY_X[1]]
    return [_SECONDARY_X[0], _SECONDARY_X[1], _SECONDARY_X[1]]


def _draw_state(parent: str, division: str, chromosome: str) -> _Canvas:
    """Shapes, annotations and hover points for one (parent, division)."""
    error_cell = 0
    m = meiosis(parent, division, chromosome, error_cell)
    gs = gametes(parent, division, chromosome, error_cell)
    zs = zygotes(parent, division, chromosome, error_cell)
    cv = _Canvas()
    whose = "Mother" if parent == "mother" else "Father"
    # One female meiosis makes one egg and polar bodies, so its shares are of the products, not of eggs.
    word = "products" if parent == "mother" else "sperm"
    empty = "no 21" if chromosome == "21" else "no X or Y"
    h = m.homologues

    # 1. The parent's cell: each homologue already copied into two sister chromatids.
    cv.text(0.5, _PY["title"], f"{whose}'s cell before meiosis", bold=True, size=13)
    err1 = division == "meiosis I"
    cv.circle(0.5, _PY["parent"], _R["parent"], line=ERROR_OUTLINE if err1 else CELL_LINE,
              width=2.5 if err1 else 1.5, dash="dash" if err1 else "solid")
    _draw_chromosomes(cv, 0.5, _PY["parent"], h, sisters=True, scale=1.0)
    cv.text(0.5, _PY["parent_label"], f"{_labels(h, '')} (each copied)", size=12)
    cv.hover.append((0.5, cv.y(_PY["parent"]),
                     f"{whose}'s cell: {' and '.join(c.label for c in h)}, each as two sister chromatids"))

    # 2. Meiosis I: the homologues separate (or, with an error, go to one cell together).
    if err1:
        cv.band(_PY["step1"] - 10, _PY["step1"] + 10)
        pair = f"{_sup(h[0])} and {_sup(h[1])}"
        cv.text(0.5, _PY["step1"], f"Meiosis I error: {pair} do not separate", bold=True)
    else:
        pair = "the X and the Y" if h[1].name == "Y" else "the two homologues"
        cv.text(0.5, _PY["step1"], f"Meiosis I: {pair} separate")
    for x, cell in zip(_SECONDARY_X, m.secondary_cells):
        cv.arrow(0.5, _PY["arrow1"][0], x, _PY["arrow1"][1])
        err2 = division == "meiosis II" and cell == m.secondary_cells[error_cell]
        cv.circle(x, _PY["secondary"], _R["secondary"], line=ERROR_OUTLINE if err2 else CELL_LINE,
                  width=2.5 if err2 else 1.5, dash="dash" if err2 else "solid")
        _draw_chromosomes(cv, x, _PY["secondary"], cell, sisters=True, scale=0.85)
        cv.text(x, _PY["secondary_label"], _labels(cell, "empty"), size=12)
        cv.hover.append((x, cv.y(_PY["secondary"]),
                         "Cell after meiosis I: " + (" and ".join(c.label for c in cell) or "no copy")))

    # 3. Meiosis II: sister chromatids separate (or, with an error, stay together in one cell).
    if division == "meiosis II":
        cv.band(_PY["step2"] - 10, _PY["step2"] + 10)
        cv.text(0.5, _PY["step2"], f"Meiosis II error: sisters of {_sup(h[error_cell])} stay together",
                bold=True)
    else:
        cv.text(0.5, _PY["step2"], "Meiosis II: sister chromatids separate")
    xs = _gamete_x(len(gs))
    sources = _parent_of_gamete_x(error_cell, len(gs))
    for g, x, src in zip(gs, xs, sources):
        cv.arrow(src, _PY["arrow2"][0], x, _PY["arrow2"][1])
        odd = g.kind != "typical"
        cv.circle(x, _PY["gametes"], _R["gamete"], line="#000000" if odd else CELL_LINE,
                  width=2 if odd else 1.5)
        _draw_chromosomes(cv, x, _PY["gametes"], g.chromosomes, sisters=False, scale=0.75)
        cv.text(x, _PY["gamete_label"], _labels(g.chromosomes, empty), size=12)
        cv.text(x, _PY["share"], f"{g.share} of {word}", size=12, bold=True)
        of_what = ("the products of this meiosis (only one becomes the egg)" if parent == "mother"
                   else "the sperm")
        cv.hover.append((x, cv.y(_PY["gametes"]), f"{g.share} of {of_what}: {g.label}"))

    # 4. Fertilisation by a typical gamete of the other parent, and the zygotes.
    other = zs[0].from_father if parent == "mother" else zs[0].from_mother
    if chromosome == "21":
        partner = f"a typical {'sperm' if parent == 'mother' else 'egg'} ({_labels(other, '')})"
    elif parent == "mother":
        partner = "a typical sperm (X or Y)"
    else:
        partner = f"a typical egg ({_labels(other, '')})"
    cv.text(0.5, _PY["fertilise"], f"Fertilised by {partner}:", size=12)
    for g, x in zip(gs, xs):
        cv.arrow(x, _PY["arrow3"][0], x, _PY["arrow3"][1])
        mine = [z for z in zs if z.gamete == g]
        if chromosome == "21":
            groups = [mine]  # the child's sex does not change the chromosome-21 outcome
        else:
            groups = [[z] for z in mine]
        for j, group in enumerate(groups):
            z = group[0]
            py = _PY["zygote"] + j * _ZYGOTE_GAP
            copies = z.from_mother + z.from_father
            odd = not z.is_typical
            cv.circle(x, py, _R["zygote"], line="#000000" if odd else CELL_LINE, width=2 if odd else 1.5)
            _draw_chromosomes(cv, x, py, copies, sisters=False, scale=0.7)
            if chromosome == "sex" and parent == "mother":
                cv.text(x, py, f"+{z.from_father[0].name}", size=12, bold=True, xshift=-(_R["zygote"] + 12))
            ks = [k.karyotype for k in group]
            karyotype = " or<br>".join(ks)
            top = py + _R["zygote"] + 15
            cv.text(x, top + 7 * (len(ks) - 1), karyotype, size=12, bold=True)
            outcome = _outcome_label(z)
            below = top + 14 * len(ks) + 7 * outcome.count("<br>")
            cv.text(x, below, outcome, size=11)
            cv.hover.append((x, cv.y(py), f"{' or '.join(ks)}: {z.outcome} ({sum(k.share for k in group)} "
                                          "of zygotes)"))
    return cv


# Every shape and annotation carries the same full set of properties, and every state the same number
# of each (unused ones hidden), so that a state's layout means the same when plotly.js replaces the
# lists in the page and when plotly.py updates them element by element (Interactive.figure_at).
_SHAPE_DEFAULTS: dict = dict(
    type="rect", xref="x", yref="y", xsizemode="scaled", ysizemode="scaled", xanchor=0, yanchor=0,
    x0=0, x1=0, y0=0, y1=0, fillcolor=CELL_FILL, opacity=1, layer="above", visible=True,
    line=dict(color=CELL_LINE, width=0, dash="solid"),
)
_ANNOTATION_DEFAULTS: dict = dict(
    x=0, y=0, xref="x", yref="y", text="", showarrow=False, xanchor="center", yanchor="middle",
    xshift=0, yshift=0, align="center", ax=0, ay=0, axref="pixel", ayref="pixel", arrowhead=2,
    arrowsize=1, arrowwidth=1.5, arrowcolor="#555555", visible=True, font=dict(size=12, color=TEXT),
)


def _complete(items: list[dict], defaults: dict, count: int) -> list[dict]:
    """Each item with every default property filled in, padded with hidden items to ``count``."""
    full = []
    for item in items:
        merged = {**defaults, **item}
        for key, value in defaults.items():
            if isinstance(value, dict):
                merged[key] = {**value, **item.get(key, {})}
        full.append(merged)
    return full + [{**defaults, "visible": False}] * (count - len(items))


def _sorted(item: dict) -> dict:
    """The item with its keys (and nested keys) in sorted order, as the page's figure JSON has them,
    so that plotly.js holds a re-applied state exactly as it held the first one."""
    return {k: _sorted(v) if isinstance(v, dict) else v for k, v in sorted(item.items())}


def _constants(states: list[list[dict]]) -> dict:
    """The properties that have the same value in every element of every state."""
    elements = [el for items in states for el in items]
    return {k: v for k, v in elements[0].items() if all(el[k] == v for el in elements)}


def nondisjunction_explorer(chromosome: str = "21") -> Interactive:
    """Meiosis in the mother or the father, normal or with nondisjunction in meiosis I or II (six states)."""
    if chromosome not in ("21", "sex"):
        raise FriendlyError(f"The explorer follows chromosome '21' or the 'sex' chromosomes, not {chromosome!r}.")
    initial_choice = ("mother", "meiosis I") if chromosome == "21" else ("father", "meiosis I")
    choices = [(p, d) for p in PARENTS for d in DIVISIONS]
    canvases = {c: _draw_state(*c, chromosome) for c in choices}
    n_shapes = max(len(cv.shapes) for cv in canvases.values())
    n_notes = max(len(cv.annotations) for cv in canvases.values())
    for cv in canvases.values():
        cv.shapes = _complete(cv.shapes, _SHAPE_DEFAULTS, n_shapes)
        cv.annotations = _complete(cv.annotations, _ANNOTATION_DEFAULTS, n_notes)
    # Properties with one value in every state move to the template, once, to keep the page small.
    shape_constants = _constants([cv.shapes for cv in canvases.values()])
    note_constants = _constants([cv.annotations for cv in canvases.values()])
    for cv in canvases.values():
        cv.shapes = [_sorted({k: v for k, v in el.items() if k not in shape_constants}) for el in cv.shapes]
        cv.annotations = [
            _sorted({k: v for k, v in el.items() if k not in note_constants}) for el in cv.annotations
        ]
    # One height for every state, the tallest drawing's: the page sizes the figure's <div> once, so a
    # state that changed the height would spill over the text below it.
    plot_height = round(max(cv.bottom for cv in canvases.values()) + 8)

    def restyle(cv: _Canvas) -> dict:
        return {
            "x": [[p[0] for p in cv.hover]],
            "y": [[p[1] for p in cv.hover]],
            "hovertext": [[p[2] for p in cv.hover]],
        }

    states = tuple(
        State(
            label=_state_label(*c),
            description=describe_meiosis(*c, chromosome),
            data=restyle(canvases[c]),
            layout={"shapes": canvases[c].shapes, "annotations": canvases[c].annotations},
            traces=(0,),
        )
        for c in choices
    )
    first = canvases[initial_choice]
    hover = go.Scatter(
        x=[p[0] for p in first.hover], y=[p[1] for p in first.hover],
        hovertext=[p[2] for p in first.hover], hoverinfo="text", mode="markers",
        marker=dict(size=36, opacity=0), showlegend=False,
    )
    fig = go.Figure(hover)
    fig.update_layout(
        shapes=first.shapes, annotations=first.annotations,
        height=plot_height + _MARGIN["t"] + _MARGIN["b"], margin=_MARGIN,
        xaxis=dict(visible=False, range=[0, 1], fixedrange=True),
        yaxis=dict(visible=False, range=[-plot_height, 0], fixedrange=True),
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", dragmode=False, showlegend=False,
        hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color=TEXT)),
        font=dict(family="Arial, Helvetica, sans-serif"),
        template=dict(layout=dict(shapedefaults=shape_constants, annotationdefaults=note_constants)),
    )
    parent, division = initial_choice
    followed = "chromosome 21" if chromosome == "21" else "the sex chromosomes"
    rows = tuple(
        (f"{'egg' if parent == 'mother' else 'sperm'}: {z.gamete.label}", str(z.gamete.share),
         z.karyotype, str(z.share), z.outcome)
        for z in zygotes(parent, division, chromosome)
    )
    if chromosome == "21":
        takeaway = (
            "If the two copies of chromosome 21 fail to separate in one meiosis (nondisjunction), half or a "
            "quarter of the products of that meiosis carry two copies and as many carry none (in a woman only "
            "one product of each meiosis becomes an egg); fertilised by "
            "a typical gamete these give trisomy 21 (Down syndrome) or monosomy 21 (not compatible with "
            "life). A meiosis I error passes on two different homologues, a meiosis II error two identical "
            f"sister copies. The table shows the {parent}'s {division} error."
        )
    else:
        takeaway = (
            "Nondisjunction of the sex chromosomes can give 47,XXY (Klinefelter syndrome) from either "
            "parent: from the father only by a meiosis I error (X and Y in one sperm), from the mother by a "
            "meiosis I or II error (two X in one egg). The same errors also give 45,X (Turner syndrome) "
            f"and 47,XXX. The table shows the {parent}'s {division} error."
        )
    alt = TextAlternative(
        takeaway=takeaway,
        columns=("Gamete", "Share of gametes", "Zygote", "Share of zygotes", "Outcome"),
        rows=rows,
    )
    return Interactive(
        figure=fig, alt=alt, states=states,
        control_label=f"Where the error in {followed} happens", control="buttons",
        initial=choices.index(initial_choice),
    )


# --------------------------------------------------------------------------------------------------
# Parental origin of the extra chromosome 21
# --------------------------------------------------------------------------------------------------

_ORIGIN_COLOURS = {
    ("mother", "any"): OKABE_ITO["vermillion"],
    ("father", "any"): OKABE_ITO["blue"],
    "meiosis I": OKABE_ITO["orange"],
    "meiosis II": OKABE_ITO["sky_blue"],
}
_STUDY_NAMES = {
    "Antonarakis 1991": "Antonarakis et al. 1991, N Engl J Med 324:872",
    "Antonarakis 1992": "Antonarakis et al. 1992, Am J Hum Genet 50:544",
}


def _segment_text(r: data.OriginShare) -> str:
    """ "mother", "father", "meiosis I" or "meiosis II": the part of the bar a share fills."""
    return r.parent if r.division == "any" else r.division


def _fmt(value: float, approximate: bool) -> str:
    text = f"{value:g}%"
    return f"about {text}" if approximate else text


def parental_origin_chart() -> Interactive:
    """Stacked bars: which parent (and which meiotic division) the extra chromosome 21 comes from."""
    rows = data.down_syndrome_parental_origin()
    groups: list[tuple[str, str, list]] = []  # (study, share_of, rows)
    for r in rows:
        if not groups or (groups[-1][0], groups[-1][1]) != (r.study, r.share_of):
            groups.append((r.study, r.share_of, []))
        groups[-1][2].append(r)
    n = len(groups)
    ys = [n - 1 - i for i in range(n)]  # first group on top

    def segment_name(r: data.OriginShare) -> str:
        return {"any": r.parent.capitalize()}.get(r.division, r.division.replace("meiosis", "Meiosis"))

    def colour(r: data.OriginShare) -> str:
        return _ORIGIN_COLOURS.get((r.parent, r.division)) or _ORIGIN_COLOURS[r.division]

    traces: dict[str, dict] = {}
    for y, (study, share_of, members) in zip(ys, groups):
        for r in members:
            name = segment_name(r)
            t = traces.setdefault(name, dict(x=[], y=[], text=[], hover=[], colour=colour(r)))
            t["x"].append(r.share_percent)
            t["y"].append(y)
            t["text"].append(f"{r.share_percent:g}%" if r.share_percent >= 15 else "")
            cases = (f"{r.n_cases} families studied" if share_of == "all cases"
                     else f"a subset of its {r.n_cases} families")
            # Antonarakis 1991's shares are of the families whose origin could be traced, fewer than 200.
            of = "the informative families" if share_of == "all cases" else share_of
            t["hover"].append(f"{_STUDY_NAMES.get(study, study)}, {cases}: {_segment_text(r)}, "
                              f"{_fmt(r.share_percent, r.approximate)} of {of}")
    fig = go.Figure()
    for name, t in traces.items():
        fig.add_bar(
            x=t["x"], y=t["y"], orientation="h", name=name, text=t["text"], textposition="inside",
            insidetextanchor="middle",
            # White on the dark blue, black on the lighter colours: both above 4.5:1 contrast.
            textfont=dict(color="#FFFFFF" if t["colour"] == OKABE_ITO["blue"] else "#000000", size=13),
            marker=dict(color=t["colour"], line=dict(color="#222222", width=0.8)), width=0.42,
            hovertext=t["hover"], hoverinfo="text",
        )
    annotations = []
    for y, (study, share_of, members) in zip(ys, groups):
        parts = ", ".join(f"{_segment_text(r)} {_fmt(r.share_percent, r.approximate)}" for r in members)
        question = {"all cases": "which parent?",
                    "maternal errors": "mother's errors, which division?",
                    "paternal errors": "father's errors, which division?"}.get(share_of, share_of)
        cases = f", {members[0].n_cases} families" if share_of == "all cases" else ""
        if share_of == "all cases":  # the shares are of the informative families, not of all 200
            parts = "of the informative ones: " + parts
        annotations.append(dict(
            x=0, y=y + 0.25, xref="x", yref="y", xanchor="left", yanchor="bottom", showarrow=False,
            align="left", font=dict(size=12, color=TEXT),
            text=f"<b>{study}</b>{cases}: {question}<br>{parts}",
        ))
    annotations.append(dict(
        x=0, y=0, xref="paper", yref="paper", xanchor="left", yanchor="top", yshift=-44, showarrow=False,
        align="left", font=dict(size=11, color="#333333"),
        text="Sources: " + "<br>".join(dict.fromkeys(_STUDY_NAMES.get(r.study, r.study) for r in rows)),
    ))
    fig.update_layout(
        barmode="stack", height=150 + 100 * n, margin=dict(l=6, r=22, t=36, b=80),
        xaxis=dict(range=[0, 100], title=dict(text="% of the group", font=dict(size=12), standoff=4),
                   tickvals=[0, 25, 50, 75, 100], ticksuffix="%", fixedrange=True, gridcolor="#E5E5E5"),
        yaxis=dict(visible=False, range=[-0.35, n - 0.25], fixedrange=True),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", xanchor="left", traceorder="normal",
                    font=dict(size=12)),
        annotations=annotations, plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", dragmode=False,
        font=dict(family="Arial, Helvetica, sans-serif"),
        hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color=TEXT)),
    )
    maternal = [r for r in rows if r.parent == "mother" and r.share_of == "all cases"]
    first_division = next(r for r in rows if r.share_of == "maternal errors" and r.division == "meiosis I")
    sources = "; ".join(dict.fromkeys(_STUDY_NAMES.get(r.study, r.study) for r in rows))
    alt = TextAlternative(
        takeaway=(
            "In trisomy 21 the extra chromosome comes from the mother in over 90% of cases ("
            + "; ".join(f"{r.share_percent:g}% of the informative families among {r.n_cases} studied in {r.study}"
                        for r in maternal)
            + "), and most of the mother's errors happen in meiosis I "
            f"({first_division.share_percent:g}% in {first_division.study}). Sources: {sources}."
        ),
        columns=("Study", "Families studied", "Share of", "Parent", "Division", "Share (%)", "Approximate",
                 "Source"),
        rows=tuple(
            (r.study, r.n_cases, "informative families" if r.share_of == "all cases" else r.share_of, r.parent,
             r.division, r.share_percent,
             "yes" if r.approximate else "no", r.source)
            for r in rows
        ),
    )
    return Interactive(figure=fig, alt=alt)
