"""Maternal age and the chance of a live birth with Down syndrome (Morris, Mutton & Alberman 2002).

The model layer: pure functions, no plotting and no IO.

Morris, Mutton and Alberman fitted a logit-logistic curve to the National Down Syndrome Cytogenetic
Register for England and Wales, 1989-1998 [Morris2002JMedScreen]:

    risk = 1 / (1 + exp(7.330 - 4.211 / (1 + exp(-0.282 * (age - 37.23)))))

where ``age`` is the mother's age in years at delivery and ``risk`` the chance that a live-born baby
has Down syndrome. The model is evaluated here only for ages 15 to 50: outside the reproductive span
it would be an extrapolation the data cannot support.

    >>> one_in(livebirth_risk(35))
    354
"""
from __future__ import annotations

import math

from lcbook.errors import FriendlyError, FriendlyTypeError

__all__ = ["MAX_AGE", "MIN_AGE", "livebirth_risk", "one_in", "about_one_in"]

#: The youngest and oldest maternal ages (years) this module evaluates the model at.
MIN_AGE = 15.0
MAX_AGE = 50.0

# Morris, Mutton & Alberman (2002), J Med Screen 9:2-6, logit-logistic model.
_A, _B, _C, _AGE0 = 7.330, 4.211, 0.282, 37.23


def livebirth_risk(age_years: float) -> float:
    """The chance that a live-born baby has Down syndrome, for a mother of this age at delivery (Morris 2002)."""
    if isinstance(age_years, bool) or not isinstance(age_years, (int, float)):
        raise FriendlyTypeError(
            f"Give the mother's age at delivery as a number of years (e.g. 35), not {age_years!r}."
        )
    if not MIN_AGE <= age_years <= MAX_AGE:  # also refuses NaN
        raise FriendlyError(
            f"The Morris (2002) model is used here only for maternal ages {MIN_AGE:g} to {MAX_AGE:g} years; "
            f"{age_years!r} is outside that range. Give the mother's age at delivery in years, e.g. 35."
        )
    logit = _A - _B / (1.0 + math.exp(-_C * (age_years - _AGE0)))
    return 1.0 / (1.0 + math.exp(logit))


def one_in(risk: float) -> int:
    """The risk written as "1 in N": N = 1/risk rounded to the nearest whole number."""
    if isinstance(risk, bool) or not isinstance(risk, (int, float)) or not 0.0 < risk <= 1.0:
        raise FriendlyError(f"A risk must be a probability above 0 and at most 1 (e.g. 0.0028), not {risk!r}.")
    return round(1.0 / risk)


def about_one_in(risk: float) -> int:
    """ "1 in N" with N rounded to two significant figures, for text (354 -> 350, 1478 -> 1500)."""
    n = one_in(risk)
    if n < 100:
        return n
    scale = 10 ** (len(str(n)) - 2)
    return math.floor(n / scale + 0.5) * scale  # half up, not to even
