"""The library's learner-facing errors: one clear sentence, in a script and in a live notebook alike."""
from __future__ import annotations


class FriendlyError(ValueError):
    """Input the library cannot use; in a live notebook IPython shows its message alone, not a traceback."""

    def _render_traceback_(self) -> list[str]:
        """What IPython prints for this error instead of a traceback: the error's own sentence."""
        return [str(self)]


class FriendlyTypeError(FriendlyError, TypeError):
    """An argument of the wrong kind (text where a number is needed), shown as one sentence too."""
