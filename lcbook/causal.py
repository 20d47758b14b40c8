"""The chapter's causal chain: the routes to leukemia and the steps from a stem cell to the skin."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One box of the causal chain."""

    key: str
    label: str
    detail: str


@dataclass(frozen=True)
class Route:
    """One way into the chain: a group of causes, the pages that teach them, and how they act."""

    key: str
    label: str
    detail: str
    causes: tuple[str, ...]
    how: str


ROUTES: tuple[Route, ...] = (
    Route(
        key="syndromes",
        label="Genetic syndromes",
        detail="Present from conception: a changed chromosome number, or a faulty DNA-repair or immune gene.",
        causes=(
            "Down syndrome (trisomy 21)",
            "Klinefelter syndrome (47,XXY)",
            "Bloom syndrome (BLM)",
            "Wiskott-Aldrich syndrome (WAS)",
            "Fanconi anemia",
        ),
        how=(
            "Genetic syndromes: usually every cell carries the change from conception (an extra "
            "chromosome 21 or X, or a faulty BLM, WAS or Fanconi gene). The syndrome does not cause "
            "leukemia by itself: it makes the acquired mutations that do more likely, or helps a mutant "
            "clone grow. How much it raises the risk differs from one syndrome to another."
        ),
    ),
    Route(
        key="familial",
        label="Familial predisposition",
        detail="A germline variant in a gene such as RUNX1, CEBPA, GATA2 or DDX41, inherited or newly arisen.",
        causes=("RUNX1", "CEBPA", "GATA2", "DDX41", "ETV6", "ANKRD26", "familial CLL"),
        how=(
            "Familial predisposition: one faulty copy of a gene such as RUNX1, CEBPA, GATA2 or DDX41 is "
            "present in every cell, usually inherited from a parent. Not every carrier develops leukemia: a second, acquired "
            "hit in a blood stem cell is usually needed."
        ),
    ),
    Route(
        key="acquired",
        label="Acquired mutations & environment",
        detail="Mutations gained during life: with age, or after benzene, ionizing radiation, chemotherapy or smoking.",
        causes=("aging (clonal hematopoiesis)", "benzene", "ionizing radiation", "prior chemotherapy", "smoking"),
        how=(
            "Acquired mutations and environment: most leukemias arise in people with no known "
            "inherited predisposition. A blood-forming cell gains mutations during life, by chance with "
            "age or after DNA damage from benzene, ionizing radiation, chemotherapy or smoking. "
            "Acquired mutations are also the step every route shares."
        ),
    ),
)

CHAIN: tuple[Step, ...] = (
    Step("change", "Chromosome changes<br>and gene mutations", "DNA changes in a blood-forming stem cell."),
    Step("stem", "Defective blood<br>stem cell", "A hematopoietic stem cell that no longer divides and matures normally."),
    Step("clone", "Clonal proliferation:<br>leukemia", "The stem cell's descendants, a clone, outgrow normal blood cells."),
    Step(
        "skin",
        "Leukemic cells in the skin:<br>leukemia cutis",
        "Leukemic cells leave the blood and settle mainly in the dermis and subcutis.",
    ),
)

ALL_ROUTES_DESCRIPTION = (
    "All routes: three kinds of cause (genetic syndromes, familial predisposition, acquired mutations "
    "and environment) converge on the same path: a damaged blood stem cell, a leukemic clone and, "
    "in some people with leukemia, infiltration of the skin."
)


def route(key: str) -> Route:
    """The route with this key."""
    for r in ROUTES:
        if r.key == key:
            return r
    known = ", ".join(r.key for r in ROUTES)
    raise KeyError(f"No route called {key!r}; the routes are: {known}.")


def chain_in_words() -> str:
    """The causal chain as plain text, one line per route and one arrowed line for the chain."""
    steps = " -> ".join(s.label.replace("<br>", " ") for s in CHAIN)
    lines = [f"{r.label}: {', '.join(r.causes)}" for r in ROUTES]
    return "\n".join(["Routes in:", *(f"  {line}" for line in lines), "Then:", f"  {steps}"])
