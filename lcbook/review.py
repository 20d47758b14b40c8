"""The causes side by side: what each is, and the sourced numbers on how much it raises leukemia risk.

Two tables under ``data/review/`` (see its README.md): ``causes.csv``, one row per cause (mechanism,
inheritance, the leukemias it leads to), and ``risks.csv``, one row per published risk figure, each
with its measure and its source key. The measures fall into three *families* that cannot share one
axis: relative measures (how many times the expected or comparison rate), absolute percentages of
people affected, and yearly rates.

    >>> fanconi = [r for r in risks_by_family("relative") if r.cause_id == "fanconi"]
    >>> [r.value for r in fanconi]
    [785.0, 868.0]
    >>> round(orders_apart(868, 1.40), 1)
    2.8
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from lcbook.data import read_table

__all__ = [
    "CAUSE_COLUMNS",
    "FAMILIES",
    "MEASURES",
    "RISK_COLUMNS",
    "Cause",
    "Measure",
    "ROUTES",
    "Risk",
    "cause_by_id",
    "fmt",
    "highest_per_cause",
    "load_causes",
    "load_risks",
    "magnitude_words",
    "orders_apart",
    "parse_cause",
    "parse_risk",
    "risks_by_family",
    "source_label",
    "validate",
]

CAUSE_COLUMNS: tuple[str, ...] = (
    "cause_id", "group", "condition", "route", "short_name", "mechanism", "inheritance",
    "leukemia_types", "leukemia_link", "skin", "page", "source",
)
RISK_COLUMNS: tuple[str, ...] = (
    "cause_id", "endpoint", "measure", "value", "value_high", "ci_low", "ci_high", "events", "n",
    "setting", "population", "age", "source", "note",
)

#: The three families of measures, in the order the chapter shows them.
FAMILIES: tuple[str, ...] = ("relative", "absolute", "rate")

#: The routes into the causal chain, in the chapter's order.
ROUTES: tuple[str, ...] = ("Genetic syndrome", "Familial predisposition", "Acquired mutations and environment")


@dataclass(frozen=True)
class Measure:
    """A kind of risk figure: its family, its name in words, and its short unit for labels."""

    family: str
    label: str
    unit: str


#: Every measure a row of risks.csv may use.
MEASURES: dict[str, Measure] = {
    "sir": Measure("relative", "standardized incidence ratio (SIR)", "×"),
    "observed_expected": Measure("relative", "observed-to-expected ratio (O/E)", "×"),
    "relative_risk": Measure("relative", "relative risk (RR)", "×"),
    "fold_review": Measure("relative", "fold risk (a review's estimate)", "×"),
    "hazard_ratio": Measure("relative", "hazard ratio (HR)", "×"),
    "cumulative_incidence_percent": Measure("absolute", "cumulative incidence by a stated age", "%"),
    "percent_of_cohort": Measure("absolute", "percent of a cohort affected (as reported)", "%"),
    "percent_per_year": Measure("rate", "percent of people per year", "% a year"),
}


@dataclass(frozen=True)
class Cause:
    """One cause of leukemia the chapter teaches, with its mechanism, inheritance and sources."""

    cause_id: str
    group: str
    condition: str
    route: str
    short_name: str
    mechanism: str
    inheritance: str
    leukemia_types: str
    leukemia_link: str
    skin: str
    page: str
    source: str

    @property
    def sources(self) -> tuple[str, ...]:
        """The citation keys of the row."""
        return _keys(self.source)


@dataclass(frozen=True)
class Risk:
    """One published risk figure: a value (or a stated range) of one measure, with its source."""

    cause_id: str
    endpoint: str
    measure: str
    value: float
    value_high: float | None
    ci_low: float | None
    ci_high: float | None
    events: int | None
    n: int | None
    setting: str
    population: str
    age: str
    source: str
    note: str
    #: value, value_high, ci_low and ci_high as the data file writes them (to keep the source's decimals).
    written: tuple[str, str, str, str] = ("", "", "", "")

    @property
    def family(self) -> str:
        """'relative', 'absolute' or 'rate'."""
        return MEASURES[self.measure].family

    @property
    def measure_label(self) -> str:
        """The measure in words ('computed from the counts' where we divided published counts)."""
        if self.events is not None and self.measure == "percent_of_cohort":
            return "percent of a cohort affected (computed from the counts)"
        return MEASURES[self.measure].label

    @property
    def is_range(self) -> bool:
        """Whether the source gives a range (value to value_high) rather than one number."""
        return self.value_high is not None

    @property
    def sources(self) -> tuple[str, ...]:
        """The citation keys of the row."""
        return _keys(self.source)

    @property
    def source_text(self) -> str:
        """The sources as author and year, e.g. 'Hasle et al. 2000'."""
        return "; ".join(source_label(k) for k in self.sources)

    def _as_written(self, i: int, value: float | None) -> str:
        return fmt(value, self.written[i] if self.written else "")

    @property
    def value_text(self) -> str:
        """The figure with the source's decimals, e.g. '56×', '1.40×', '2.1%', '0.5-1% a year'."""
        text = self._as_written(0, self.value)
        if self.is_range:
            text += "-" + self._as_written(1, self.value_high)
        return text + MEASURES[self.measure].unit

    @property
    def ci_text(self) -> str:
        """The 95% confidence interval with the source's decimals (e.g. '1.22-1.60'), or 'not given'."""
        if self.ci_low is None or self.ci_high is None:
            return "not given"
        return f"{self._as_written(2, self.ci_low)}-{self._as_written(3, self.ci_high)}"


def fmt(value: float | None, written: str = "") -> str:
    """A number as the source prints it: with the decimals of ``written`` if given (1.40), else none
    to spare (1.4, 56); thousands separated (2,362)."""
    if value is None:
        return ""
    written = written.strip()
    if written:
        decimals = len(written.split(".", 1)[1]) if "." in written else 0
        return f"{value:,.{decimals}f}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _keys(source: str) -> tuple[str, ...]:
    return tuple(k.strip() for k in source.split(";") if k.strip())


def _number(text: str, column: str, where: str, *, whole: bool = False) -> float | int | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{where}: {column} must be a number, not {text!r}.") from None
    if whole:
        if number != int(number):
            raise ValueError(f"{where}: {column} must be a whole number, not {text!r}.")
        return int(number)
    return number


def parse_cause(row: Mapping[str, str], line: int = 0) -> Cause:
    """One row of causes.csv as a Cause, or a ValueError saying which column of which line to fix."""
    where = f"data/review/causes.csv, line {line}" if line else "causes.csv row"
    missing = [c for c in CAUSE_COLUMNS if not (row.get(c) or "").strip()]
    if missing:
        raise ValueError(f"{where}: fill in {', '.join(missing)} (every cause needs them, with a source).")
    if row["route"] not in ROUTES:
        raise ValueError(f"{where}: route must be one of {', '.join(ROUTES)}, not {row['route']!r}.")
    return Cause(**{c: row[c].strip() for c in CAUSE_COLUMNS})


def parse_risk(row: Mapping[str, str], line: int = 0) -> Risk:
    """One row of risks.csv as a Risk, or a ValueError saying what to fix in which line."""
    where = f"data/review/risks.csv, line {line}" if line else "risks.csv row"
    for column in ("cause_id", "endpoint", "measure", "value", "setting", "population", "source"):
        if not (row.get(column) or "").strip():
            raise ValueError(f"{where}: {column} is empty; every figure needs it (a figure without a "
                             "source cannot be shown).")
    measure = row["measure"].strip()
    if measure not in MEASURES:
        raise ValueError(f"{where}: unknown measure {measure!r}; use one of {', '.join(MEASURES)}.")
    value = _number(row["value"], "value", where)
    value_high = _number(row.get("value_high", ""), "value_high", where)
    ci_low = _number(row.get("ci_low", ""), "ci_low", where)
    ci_high = _number(row.get("ci_high", ""), "ci_high", where)
    events = _number(row.get("events", ""), "events", where, whole=True)
    n = _number(row.get("n", ""), "n", where, whole=True)
    if value is None or value <= 0:
        raise ValueError(f"{where}: value must be positive, to sit on a log scale (got {row['value']!r}); "
                         "describe a null result in the text instead.")
    if value_high is not None and value_high <= value:
        raise ValueError(f"{where}: value_high ({fmt(value_high)}) must be above value ({fmt(value)}).")
    if (ci_low is None) != (ci_high is None):
        raise ValueError(f"{where}: give both ends of the confidence interval, or neither.")
    if ci_low is not None and not (0 < ci_low <= value <= ci_high):
        raise ValueError(f"{where}: the confidence interval {fmt(ci_low)}-{fmt(ci_high)} must contain "
                         f"the value {fmt(value)} and be positive.")
    if MEASURES[measure].family != "relative" and max(value, value_high or 0) > 100:
        raise ValueError(f"{where}: a percentage cannot exceed 100 (got {fmt(value)}).")
    if (events is None) != (n is None):
        raise ValueError(f"{where}: give both events and n (for example 7 of 9), or neither.")
    if events is not None and n is not None:
        if not 0 < events <= n:
            raise ValueError(f"{where}: events ({events}) must be between 1 and n ({n}).")
        if round(100 * events / n, 1) != value:
            raise ValueError(f"{where}: value {fmt(value)} does not match {events} of {n} "
                             f"({100 * events / n:.1f}%).")
    return Risk(
        cause_id=row["cause_id"].strip(), endpoint=row["endpoint"].strip(), measure=measure,
        value=value, value_high=value_high, ci_low=ci_low, ci_high=ci_high, events=events, n=n,
        setting=row["setting"].strip(), population=row["population"].strip(),
        age=(row.get("age") or "").strip(), source=row["source"].strip(), note=(row.get("note") or "").strip(),
        written=tuple((row.get(c) or "").strip() for c in ("value", "value_high", "ci_low", "ci_high")),
    )


def validate(causes: Iterable[Cause], risks: Iterable[Risk]) -> None:
    """Check that the two tables fit together; raise ValueError naming the first problem."""
    causes = tuple(causes)
    ids = [c.cause_id for c in causes]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"causes.csv: cause_id {duplicates[0]!r} is used twice.")
    seen: set[tuple[str, str, str]] = set()
    for risk in risks:
        if risk.cause_id not in ids:
            raise ValueError(f"risks.csv: cause_id {risk.cause_id!r} is not a row of causes.csv; add it there "
                             "first (every figure belongs to a cause).")
        key = (risk.family, risk.cause_id, f"{risk.endpoint}|{risk.setting}")
        if key in seen:
            raise ValueError(f"risks.csv: two {risk.family} figures for {risk.cause_id} share the endpoint "
                             f"{risk.endpoint!r} and setting {risk.setting!r}; make the setting say how "
                             "they differ.")
        seen.add(key)


@lru_cache(maxsize=None)
def load_causes() -> tuple[Cause, ...]:
    """Every cause in data/review/causes.csv, in the chapter's order."""
    return tuple(parse_cause(row, line) for line, row in enumerate(read_table("review", "causes.csv"), start=2))


@lru_cache(maxsize=None)
def load_risks() -> tuple[Risk, ...]:
    """Every sourced risk figure in data/review/risks.csv, checked against causes.csv."""
    risks = tuple(parse_risk(row, line) for line, row in enumerate(read_table("review", "risks.csv"), start=2))
    validate(load_causes(), risks)
    for risk in risks:
        risk.source_text  # every source needs an author-year label for readers
    return risks


@lru_cache(maxsize=None)
def _source_labels() -> dict[str, str]:
    return {row["key"].strip(): row["label"].strip() for row in read_table("review", "sources.csv")}


def source_label(key: str) -> str:
    """A citation key as author and year for readers (data/review/sources.csv), e.g. 'Hasle et al. 2000'."""
    try:
        return _source_labels()[key]
    except KeyError:
        raise ValueError(f"No author-year label for the source {key!r}; add a row for it to "
                         "data/review/sources.csv.") from None


def cause_by_id(cause_id: str) -> Cause:
    """The cause with this id, or a ValueError listing the ids there are."""
    for cause in load_causes():
        if cause.cause_id == cause_id:
            return cause
    raise ValueError(f"Unknown cause {cause_id!r}; use one of {', '.join(c.cause_id for c in load_causes())}.")


def risks_by_family(family: str, risks: Iterable[Risk] | None = None) -> tuple[Risk, ...]:
    """The figures of one family ('relative', 'absolute' or 'rate'), in file order."""
    if family not in FAMILIES:
        raise ValueError(f"Unknown family {family!r}: use 'relative' (ratios such as SIR, O/E and RR), "
                         "'absolute' (percent of people) or 'rate' (percent a year).")
    return tuple(r for r in (load_risks() if risks is None else risks) if r.family == family)


def highest_per_cause(family: str, risks: Iterable[Risk] | None = None) -> tuple[Risk, ...]:
    """For each cause with a figure in ``family``, its largest figure, in the order of the causes."""
    chosen: dict[str, Risk] = {}
    for risk in risks_by_family(family, risks):
        if risk.cause_id not in chosen or risk.value > chosen[risk.cause_id].value:
            chosen[risk.cause_id] = risk
    order = [c.cause_id for c in load_causes()]
    return tuple(sorted(chosen.values(), key=lambda r: order.index(r.cause_id) if r.cause_id in order else 99))


def orders_apart(a: float, b: float) -> float:
    """How many orders of magnitude (powers of ten) separate two positive figures: log10(a / b)."""
    for name, v in (("a", a), ("b", b)):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
            raise ValueError(f"{name} must be a positive number (a ratio or a percentage), not {v!r}.")
    return math.log10(a / b)


def magnitude_words(ratio: float) -> str:
    """The order of magnitude of a relative figure in words, e.g. 'between 100 and 1,000 times'."""
    if isinstance(ratio, bool) or not isinstance(ratio, (int, float)) or not math.isfinite(ratio) or ratio <= 0:
        raise ValueError(f"ratio must be a positive number, not {ratio!r}.")
    if ratio < 1:
        return "lower than expected"
    if ratio < 2:
        return "less than twice"
    if ratio < 10:
        return "between 2 and 10 times"
    upper = 10 ** (math.floor(math.log10(ratio)) + 1)
    return f"between {upper // 10:,} and {upper:,} times"
