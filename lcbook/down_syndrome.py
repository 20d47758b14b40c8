"""From trisomy 21 to leukemia: the published proportions along the way, as a cascade of steps."""
from __future__ import annotations

from dataclasses import dataclass

from lcbook.data import read_yaml
from lcbook.errors import FriendlyError


@dataclass(frozen=True)
class CascadeStep:
    """One step: how many of the cohort reach it, what it means, and where the number comes from."""

    key: str
    label: str
    count: int
    of: str
    meaning: str
    source: str


def _shared(figure_id: str) -> float:
    """A proportion from data/shared_figures.yaml, the one place the chapter keeps figures shared by pages."""
    return next(float(f["value"]) for f in read_yaml("shared_figures.yaml") if f["id"] == figure_id)


def tam_cascade(newborns: int = 1000) -> tuple[CascadeStep, ...]:
    """Out of ``newborns`` babies with Down syndrome, how many reach each step toward ML-DS."""
    if newborns < 100 or newborns % 100:
        raise FriendlyError("Use a cohort of at least 100 newborns, in hundreds (for example 1000).")
    # Roberts et al. 2013: GATA1 mutations found by Sanger/DHPLC in 8.5%; of the rest, 20.4% had
    # low-level clones found by next-generation sequencing ("silent TAM").
    classic = round(newborns * 0.085)
    silent = round((newborns - classic) * 0.204)
    tam = round(newborns * _shared("tam-newborns"))  # about 1 in 10 (Klusmann et al. 2008, from earlier reports)
    skin = round(tam * 0.05)  # Brazzelli et al. 2019: about 5% of neonates with TAM
    mlds = round(tam * _shared("tam-to-ml-ds"))  # 29 of 146, reported as 23% (Klusmann et al. 2008)
    return (
        CascadeStep("all", "Newborns with Down syndrome", newborns, "",
                    "Their cells carry three copies of chromosome 21 or of its long arm (some cells only, in mosaicism).", ""),
        CascadeStep("gata1", "A GATA1-mutant clone", classic + silent, "newborns",
                    "Many carry blood cells with an acquired GATA1 mutation "
                    f"(drawn here as {classic + silent}, an extrapolation: 8.5% found by standard sequencing, "
                    "plus 20.4% of the rest, the share with a clone, \"silent TAM\", among the 88 babies "
                    "without a standard-method mutation who also had sensitive sequencing).",
                    "Roberts et al. 2013"),
        CascadeStep("tam", "Transient abnormal myelopoiesis (TAM)", tam, "newborns",
                    f"About {tam} have TAM: many blasts in the blood in the first weeks of life. It resolves "
                    "on its own in most babies, but 15-20% of babies with clinically diagnosed TAM die early. "
                    "Estimates of how common TAM is range from about 4-5% to about 1 in 10 newborns, because "
                    "not every baby has a blood count and TAM has had no agreed definition (8.5% had a GATA1 "
                    "mutation found by standard methods in an unselected cohort).",
                    "Klusmann et al. 2008; Roberts et al. 2013; Alford et al. 2011; Massey et al. 2006"),
        CascadeStep("skin", "A skin eruption with TAM", skin, "babies with TAM",
                    f"About {skin} of the babies with TAM have a rash of papules, vesicles and pustules, "
                    "often starting on the face, that contains blasts and fades as the blood settles.",
                    "Brazzelli et al. 2019; Nijhawan et al. 2001"),
        CascadeStep("mlds", "Myeloid leukemia of Down syndrome (ML-DS)", mlds, "babies with TAM",
                    f"About {mlds}: in a German cohort, 29 of 146 babies with TAM developed ML-DS (reported "
                    "as 23%), within the first 4 years of life. ML-DS needs further acquired mutations (cohesin, CTCF, epigenetic and "
                    "signaling genes). These figures come from different cohorts: together they give more "
                    "ML-DS than the 2.1% risk of any leukemia by age 5 in a Danish cohort, so read them as "
                    "approximate.",
                    "Klusmann et al. 2008; Yoshida et al. 2013; Hasle et al. 2000"),
    )
