"""A page's self-check as self-contained HTML: works in the static page, in an iframe and in JupyterLab."""
from __future__ import annotations

import base64
import html
import json
from dataclasses import dataclass

from lcbook.quiz import Quiz, display_order, load_quiz

# The feedback travels base64-encoded in a data attribute, so the answer is not visible in the page
# before the learner answers; a small script, included once per page, checks an answer.
_SCRIPT = """
(function () {
  // Where this script runs, the answers can be checked: drop the "run this cell" hint.
  document.querySelectorAll(".lc-selfcheck .lc-run-hint").forEach(function (hint) { hint.remove(); });
  if (window.lcSelfCheckReady) return;
  window.lcSelfCheckReady = true;
  function decode(s) {
    var bytes = Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); });
    return JSON.parse(new TextDecoder().decode(bytes));
  }
  // A button of type "button" in a <div>, not a form's submit: checking an answer never navigates
  // or reloads the page (in JupyterLab a form submit reloaded the whole application).
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest(".lc-check") : null;
    if (!button) return;
    var question = button.closest(".lc-question");
    if (!question) return;
    ev.preventDefault();
    var out = question.querySelector(".lc-feedback");
    var chosen = question.querySelector("input[type=radio]:checked");
    if (!chosen) {
      out.dataset.result = "none";
      out.textContent = "Choose an answer first.";
      return;
    }
    var item = decode(question.dataset.lcKey)[Number(chosen.value)];
    out.dataset.result = item.c ? "right" : "wrong";
    out.textContent = (item.c ? "Correct. " : "Not quite. ") + item.f;
  });
})();
"""

_STYLE = """
.lc-selfcheck { margin: 1rem 0; }
.lc-question { border: 1px solid var(--pst-color-border, #c8c8c8); border-radius: 6px;
  padding: 0.75rem 1rem; margin: 0 0 1rem 0; }
.lc-question fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.lc-question legend { font-weight: 600; padding: 0; margin-bottom: 0.5rem; float: none; width: auto;
  font-size: 1rem; line-height: 1.4; }
.lc-choice { display: flex; align-items: flex-start; gap: 0.5rem; margin: 0.35rem 0; }
.lc-choice input { margin-top: 0.3rem; width: 1.1rem; height: 1.1rem; flex: none; }
.lc-choice label { cursor: pointer; }
.lc-question button { margin-top: 0.5rem; padding: 0.4rem 0.9rem; border-radius: 4px;
  border: 2px solid #0072B2; background: #0072B2; color: #ffffff; font-weight: 600; cursor: pointer; }
.lc-question button:focus-visible, .lc-choice input:focus-visible { outline: 3px solid #E69F00;
  outline-offset: 2px; }
.lc-feedback:not(:empty) { margin-top: 0.6rem; padding: 0.5rem 0.75rem; border-left: 6px solid #888888; }
.lc-feedback[data-result="right"] { border-left-color: #009E73; }
.lc-feedback[data-result="wrong"] { border-left-color: #D55E00; }
"""


#: What a reader sees where the self-check's script has not run (a notebook before Run All).
RUN_TO_ANSWER = "Run this cell (or Run All) to check your answers here."


@dataclass(frozen=True)
class SelfCheck:
    """A quiz, displayed as keyboard-usable questions with feedback for every answer."""

    quiz: Quiz

    def to_html(self) -> str:
        """The self-contained HTML of the self-check."""
        parts = [f'<div class="lc-selfcheck" data-lc-quiz="{html.escape(self.quiz.id)}">']
        parts.append(f"<style>{_STYLE}</style>")
        # Shown only where the script cannot run (a notebook opened before its cells are run).
        parts.append(f'<p class="lc-run-hint">{RUN_TO_ANSWER}</p>')
        for n, q in enumerate(self.quiz.questions, start=1):
            qid = f"lcq-{self.quiz.id}-{q.id}"
            choices = display_order(self.quiz.id, q)
            key = [{"c": c.correct, "f": c.feedback} for c in choices]
            encoded = base64.b64encode(json.dumps(key, ensure_ascii=False).encode("utf-8")).decode("ascii")
            parts.append(f'<div class="lc-question" id="{qid}" data-lc-key="{encoded}">')
            parts.append(f"<fieldset><legend>{n}. {html.escape(q.prompt)}</legend>")
            for m, c in enumerate(choices):
                cid = f"{qid}-{m}"
                parts.append(
                    f'<div class="lc-choice"><input type="radio" name="{qid}" id="{cid}" value="{m}">'
                    f'<label for="{cid}">{html.escape(c.text)}</label></div>'
                )
            parts.append("</fieldset>")
            parts.append(f'<button type="button" class="lc-check" aria-describedby="{qid}-fb">Check answer</button>')
            parts.append(f'<div class="lc-feedback" id="{qid}-fb" role="status" aria-live="polite"></div>')
            parts.append("</div>")
        parts.append(f"<script>{_SCRIPT}</script>")
        parts.append("</div>")
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        lines = [self.quiz.title]
        for n, q in enumerate(self.quiz.questions, start=1):
            lines.append(f"{n}. {q.prompt}")
            lines.extend(f"   ( ) {c.text}" for c in display_order(self.quiz.id, q))
        return "\n".join(lines)


def self_check(quiz_id: str) -> SelfCheck:
    """The self-check for a page, from data/quizzes/<quiz_id>.yaml."""
    return SelfCheck(load_quiz(quiz_id))
