"""Pedigree explorer: one simulated family with a dominant variant, at several penetrances.

Pedigree symbols: squares are males, circles females; a filled symbol is a person with the disease,
a vertical line inside the symbol a carrier of the variant who is not (yet) affected, an open symbol
a non-carrier. (A central dot, which some pedigrees use, conventionally marks a carrier not likely
to manifest disease, such as a carrier of a recessive or X-linked variant; a carrier of a dominant
variant of incomplete penetrance may still fall ill, hence the line.) Roman
numerals label the generations; lines join partners and drop from each couple to their children.

The family is drawn once (``lcbook.pedigree``, seeded) at each penetrance of a slider. Because the
model uses common random numbers, the carriers are the same in every state and raising the
penetrance only fills in more symbols: what changes is who *develops* disease, not who carries it.

    >>> explorer = pedigree_explorer(seed=17)
    >>> figure = pedigree_figure(simulate_family(seed=17, penetrance=0.5))
"""
from __future__ import annotations

from fractions import Fraction
from numbers import Real

import plotly.graph_objects as go

from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative, wrap_lines
from lcbook.errors import FriendlyError
from lcbook.pedigree import GENERATIONS, Pedigree, Person, check_seed, penetrance_series, simulate_family

__all__ = ["DEFAULT_PENETRANCES", "DEFAULT_SEED", "describe", "family_figure", "pedigree_explorer",
           "pedigree_figure", "percent", "status_text"]

#: The slider's penetrances (the share of carriers who develop the disease).
DEFAULT_PENETRANCES: tuple[float, ...] = (0.1, 0.3, 0.5, 0.7, 0.9, 1.0)
#: The family shown on the page: 8 of its 17 people carry the variant.
DEFAULT_SEED = 17

AFFECTED_FILL = OKABE_ITO["vermillion"]
TEXT = "#000000"
LINE = "#333333"
_SYMBOL_SIZE = 20
_LINE_SIZE = 13  # length of the carrier's vertical line, for a symbol of _SYMBOL_SIZE
_GAP = 1.0  # between the blocks of two couples of generation II
_LABEL_DY = 0.3  # person id below the symbol
_SIB_DY = 0.62  # sibship line between generations
#: The state traces, in order: (sex, what they show).
_TRACES: tuple[tuple[str, str], ...] = (
    ("male", "affected"), ("female", "affected"), ("male", "unaffected"), ("female", "unaffected"),
    ("line", "unaffected carrier"),
)
_STATUS_WORDS = {
    "affected": "affected (carries the variant and has the disease)",
    "unaffected carrier": "carries the variant, not (yet) affected",
    "non-carrier": "does not carry the variant",
}


def percent(p: Real | Fraction) -> str:
    """A penetrance as a learner reads it: 0.3 becomes "30%"."""
    return f"{round(100 * float(p))}%"


def status_text(person: Person) -> str:
    """What a person's symbol means, in words."""
    return _STATUS_WORDS[person.status]


def _relation(person: Person) -> str:
    if person.role == "founder":
        return "founder: carries the variant"
    if person.role == "partner":
        return f"partner of {person.partner}, from outside the family"
    return f"child of {person.father} and {person.mother}"


def _join(words: list[str]) -> str:
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _ids(people: tuple[Person, ...] | list[Person]) -> str:
    return _join([p.id for p in people])


def describe(pedigree: Pedigree) -> str:
    """What the pedigree shows at its penetrance: carriers, affected people, apparent skipped generations."""
    c = pedigree.counts()
    founder = next(p for p in pedigree.people if p.role == "founder")
    affected, quiet = pedigree.affected(), pedigree.unaffected_carriers()
    text = (f"Penetrance {percent(pedigree.penetrance)}: {c['carriers']} of the {c['people']} people carry the "
            f"variant (the founder, {founder.id}, and {c['carriers'] - 1} descendant"
            f"{'s' if c['carriers'] != 2 else ''}). ")
    if affected:
        text += (f"{len(affected)} of them {'is' if len(affected) == 1 else 'are'} affected "
                 f"({_ids(affected)})")
    else:
        text += "None of them is affected"
    if quiet:
        text += (f"; {len(quiet)} carr{'y' if len(quiet) != 1 else 'ies'} it without disease "
                 f"({_ids(quiet)}).")
    else:
        text += "; every carrier has the disease."
    skipped = pedigree.skipped()
    if skipped:
        verb = "is" if len(skipped) == 1 else "are"
        text += (f" {_ids(skipped)} {verb} unaffected but {'has' if len(skipped) == 1 else 'have'} an "
                 "affected child: the disease seems to skip a generation.")
    if not affected:
        text += " The family looks free of the disease, although the variant runs through it."
    return text


def _layout_positions(pedigree: Pedigree) -> dict[str, tuple[float, float]]:
    """(x, y) of every person: each couple of generation II above its own block of children."""
    n = pedigree.children_per_couple
    width = max(n, 2)
    pos: dict[str, tuple[float, float]] = {}
    gen2 = pedigree.generation(2)
    couples = [gen2[i:i + 2] for i in range(0, len(gen2), 2)]
    for k, couple in enumerate(couples):
        start = k * (width + _GAP)
        centre = start + (width - 1) / 2
        for j, person in enumerate(couple):
            pos[person.id] = (round(centre - 0.5 + j, 3), 2.0)
        blood = next(p for p in couple if p.role == "descendant")
        for i, child in enumerate(pedigree.children_of(blood.id)):
            pos[child.id] = (round(start + i + (width - n) / 2, 3), 3.0)
    total = len(couples) * width + (len(couples) - 1) * _GAP
    middle = (total - 1) / 2
    for j, person in enumerate(pedigree.generation(1)):
        pos[person.id] = (round(middle - 0.5 + j, 3), 1.0)
    return pos


def _lines(pedigree: Pedigree, pos: dict[str, tuple[float, float]]) -> list[dict]:
    """Partner lines, and lines of descent from each couple to their children (layout shapes)."""
    shapes = []

    def seg(x0, y0, x1, y1):
        shapes.append(dict(type="line", xref="x", yref="y", x0=x0, y0=y0, x1=x1, y1=y1, layer="below",
                           line=dict(color=LINE, width=1.6)))

    for gen in (1, 2):
        for person in pedigree.generation(gen):
            if person.role == "partner":
                continue
            (xa, y), (xb, _) = pos[person.id], pos[person.partner]
            seg(min(xa, xb), y, max(xa, xb), y)
            children = pedigree.children_of(person.id)
            if not children:
                continue
            mid = round((xa + xb) / 2, 3)
            xs = [pos[c.id][0] for c in children]
            sib = y + _SIB_DY
            seg(mid, y, mid, sib)
            seg(min(xs + [mid]), sib, max(xs + [mid]), sib)
            for x in xs:
                seg(x, sib, x, y + 1)
    return shapes


def _sizes(units: float) -> tuple[int, int, bool]:
    """Symbol size, label font size and whether to label generation III, for a pedigree ``units`` wide."""
    if units <= 14:
        return _SYMBOL_SIZE, 11, True
    if units <= 24:
        return 15, 9, True
    return 11, 9, False


def _static_notes(pedigree: Pedigree, pos: dict[str, tuple[float, float]], left: float) -> list[dict]:
    notes = []
    units = max(x for x, _ in pos.values()) + 1
    _, font, label_third = _sizes(units)
    for g, numeral in enumerate(GENERATIONS, start=1):
        notes.append(dict(x=left, y=g, xref="x", yref="y", text=f"<b>{numeral}</b>", showarrow=False,
                          xanchor="left", yanchor="middle", font=dict(size=15, color=TEXT)))
    for person in pedigree.people:
        x, y = pos[person.id]
        if person.generation < 3 or label_third:
            notes.append(dict(x=x, y=y + _LABEL_DY, xref="x", yref="y", text=person.id, showarrow=False,
                              xanchor="center", yanchor="top", font=dict(size=font, color=TEXT)))
        if person.role == "founder":
            side = 1 if x >= max(q[0] for q in pos.values()) / 2 else -1
            notes.append(dict(x=x, xshift=side * 14, y=y, xref="x", yref="y", text="<b>founder</b>",
                              showarrow=False, xanchor="left" if side > 0 else "right", yanchor="middle",
                              font=dict(size=12, color=TEXT)))
    return notes


def _key(left: float) -> tuple[list[go.Scatter], list[dict]]:
    """A key under the pedigree, one symbol and its meaning a row (static traces and annotations)."""
    rows = ((3.86, "affected (has the disease)", True, False),
            (4.13, "carries the variant, not (yet) affected", False, True),
            (4.4, "does not carry the variant", False, False))
    x = left + 0.3
    traces, notes = [], []
    for y, text, filled, carrier in rows:
        traces.append(go.Scatter(x=[x], y=[y], mode="markers", hoverinfo="skip", showlegend=False,
                                 marker=dict(symbol="square", size=14,
                                             color=AFFECTED_FILL if filled else "#FFFFFF",
                                             line=dict(color=TEXT, width=1.5))))
        if carrier:
            traces.append(go.Scatter(x=[x], y=[y], mode="markers", hoverinfo="skip", showlegend=False,
                                     marker=_carrier_marker(9)))
        notes.append(dict(x=x, xshift=14, y=y, xref="x", yref="y", text=text, showarrow=False,
                          xanchor="left", yanchor="middle", font=dict(size=12, color=TEXT)))
    notes.append(dict(x=x, xshift=-8, y=4.67, xref="x", yref="y", showarrow=False, xanchor="left",
                      yanchor="middle", font=dict(size=12, color=TEXT),
                      text="Squares: males; circles: females."))
    return traces, notes


def _trace_data(pedigree: Pedigree, pos: dict[str, tuple[float, float]]) -> dict[str, list]:
    """x, y and hover text of the five state traces for one pedigree."""
    xs, ys, hover = [], [], []
    for sex, what in _TRACES:
        if sex == "line":
            people = [p for p in pedigree.people if p.status == what]
        elif what == "affected":
            people = [p for p in pedigree.people if p.sex == sex and p.affected]
        else:
            people = [p for p in pedigree.people if p.sex == sex and not p.affected]
        xs.append([pos[p.id][0] for p in people])
        ys.append([pos[p.id][1] for p in people])
        hover.append([f"{p.id}, {p.sex}: {status_text(p)}; {_relation(p)}" for p in people])
    return {"x": xs, "y": ys, "hovertext": hover}


def _carrier_marker(size: int) -> dict:
    """A vertical line, drawn inside the symbol of a carrier who is not (yet) affected."""
    return dict(symbol="line-ns", size=size, color=TEXT, line=dict(color=TEXT, width=2.4))


def _base_traces(size: int = _SYMBOL_SIZE) -> list[go.Scatter]:
    traces = []
    for sex, what in _TRACES:
        if sex == "line":
            marker = _carrier_marker(max(6, round(size * _LINE_SIZE / _SYMBOL_SIZE)))
        else:
            marker = dict(symbol="square" if sex == "male" else "circle", size=size,
                          color=AFFECTED_FILL if what == "affected" else "#FFFFFF",
                          line=dict(color=TEXT, width=1.8))
        traces.append(go.Scatter(x=[], y=[], mode="markers", name=f"{sex} {what}", hoverinfo="text",
                                 showlegend=False, marker=marker))
    return traces


def _title(pedigree: Pedigree) -> str:
    c = pedigree.counts()
    return wrap_lines(f"Penetrance {percent(pedigree.penetrance)}: {c['carriers']} carriers, "
                      f"{c['affected']} affected", 44)


def pedigree_figure(pedigree: Pedigree) -> go.Figure:
    """One pedigree drawn with pedigree symbols, generation labels and lines of descent."""
    pos = _layout_positions(pedigree)
    right = max(x for x, _ in pos.values())
    left = -1.25
    size, _, _ = _sizes(right + 1)
    # At least about 12 units wide, so that a small family is not stretched across the page.
    span = max(right + 0.55 - (left - 0.1), 12.4)
    key_traces, key_notes = _key(left)
    fig = go.Figure(_base_traces(size) + key_traces)
    data = _trace_data(pedigree, pos)
    for i in range(len(_TRACES)):
        fig.data[i].update(x=data["x"][i], y=data["y"][i], hovertext=data["hovertext"][i])
    fig.update_layout(
        height=480, margin=dict(l=4, r=4, t=44, b=4),
        title=dict(text=_title(pedigree), x=0.01, xanchor="left", y=0.985, yanchor="top",
                   font=dict(size=15, color=TEXT)),
        shapes=_lines(pedigree, pos), annotations=_static_notes(pedigree, pos, left) + key_notes,
        xaxis=dict(visible=False, range=[left - 0.1, round(left - 0.1 + span, 3)], fixedrange=True),
        yaxis=dict(visible=False, range=[4.82, 0.72], fixedrange=True),
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", dragmode=False, showlegend=False,
        hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color=TEXT)),
        font=dict(family="Arial, Helvetica, sans-serif", color=TEXT),
    )
    return fig


def pedigree_explorer(seed: int = DEFAULT_SEED, penetrances: tuple[float, ...] = DEFAULT_PENETRANCES,
                      children_per_couple: int = 3, initial: int = 2) -> Interactive:
    """One seeded family at each penetrance of a slider: the same carriers, more of them affected."""
    check_seed(seed)
    if not penetrances:
        raise FriendlyError("Give at least one penetrance, for example (0.1, 0.5, 1.0).")
    if list(penetrances) != sorted(set(penetrances)):
        raise FriendlyError("List the penetrances once each, from lowest to highest, for example (0.1, 0.5, 1.0).")
    families = penetrance_series(seed, tuple(penetrances), children_per_couple)
    if not 0 <= initial < len(families):
        raise FriendlyError(f"initial is the index of the first state shown, from 0 to {len(families) - 1}.")
    pos = _layout_positions(families[0])
    states = []
    for fam in families:
        states.append(State(label=percent(fam.penetrance), description=describe(fam),
                            data=_trace_data(fam, pos), layout={"title.text": _title(fam)},
                            traces=tuple(range(len(_TRACES)))))
    fig = pedigree_figure(families[initial])
    first, last = families[0], families[-1]
    c0 = first.counts()
    descendants = sum(1 for p in first.people if p.role == "descendant")
    skipping = [f for f in families if f.skipped()]
    skip_text = (f" At {_join([percent(f.penetrance) for f in skipping])}, unaffected carriers with an "
                 "affected child make the disease seem to skip a generation." if skipping else "")
    columns = ("Person", "Generation", "Sex", "Relationship",
               *(f"At penetrance {percent(f.penetrance)}" for f in families))
    rows = tuple(
        (p.id, GENERATIONS[p.generation - 1], p.sex, _relation(p),
         *(f.person(p.id).status for f in families))
        for p in first.people
    )
    alt = TextAlternative(
        takeaway=(
            f"One simulated family with a dominant variant: from the founder it reaches "
            f"{c0['carriers'] - 1} of {descendants} descendants, the same people at every penetrance. "
            f"At {percent(first.penetrance)} penetrance {first.counts()['affected']} of the "
            f"{c0['carriers']} carriers {'is' if first.counts()['affected'] == 1 else 'are'} affected; at "
            f"{percent(last.penetrance)}, {last.counts()['affected']}." + skip_text
        ),
        columns=columns, rows=rows,
    )
    method = (
        f"One family is simulated once (lcbook.pedigree, random seed {seed}): who inherits the variant is "
        f"decided by a coin toss per child, {children_per_couple} children per couple. At each penetrance the "
        "same random numbers decide who of the carriers is affected, so raising the penetrance only adds "
        "affected people; the expected counts are exact."
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Penetrance",
                       control="slider", initial=initial, method=method)


def family_figure(seed: int = DEFAULT_SEED, penetrance: Real | Fraction = 0.5,
                  children_per_couple: int = 3) -> go.Figure:
    """The figure of one seeded family at one penetrance (what the live widget shows)."""
    return pedigree_figure(simulate_family(seed, penetrance, children_per_couple))
