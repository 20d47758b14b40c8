"""Build the instructor edition: the chapter with the guide's answer keys, and the quizzes for an LMS.

    python tools/instructor.py      # make instructor runs this

Writes _build/instructor/html/ (the book built with the extra extension lcbook.instructor, which puts
the answer keys into the guide and marks every page "Instructor edition") and _build/instructor/lms/
(tools/lms.py). The notebooks are not run again: the build reads the learner build's execution cache
(_build/.jupyter_cache), so run `make html` first (make instructor does).
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "instructor"
sys.path.insert(0, str(ROOT / "tools"))


def instructor_config() -> dict:
    """The book's _config.yml with lcbook.instructor added and the learner build's execution cache."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    sphinx = config.setdefault("sphinx", {})
    extensions = list(sphinx.get("extra_extensions") or [])
    if "lcbook.instructor" not in extensions:
        extensions.append("lcbook.instructor")
    sphinx["extra_extensions"] = extensions
    config.setdefault("execute", {})["cache"] = str(ROOT / "_build" / ".jupyter_cache")
    config["title"] = f"{config.get('title', '')} (instructor edition)"
    return config


def build_html() -> int:
    """Build the instructor edition's HTML into _build/instructor/html; Sphinx's exit status."""
    from jupyter_book.sphinx import build_sphinx

    OUT.mkdir(parents=True, exist_ok=True)
    config_path = OUT / "_config.yml"
    config_path.write_text(yaml.safe_dump(instructor_config(), sort_keys=False), encoding="utf-8")
    result = build_sphinx(
        ROOT, OUT / "html",
        use_external_toc=True, noconfig=True, path_config=str(config_path),
        confoverrides={"external_toc_path": (ROOT / "_toc.yml").as_posix(), "nitpicky": True,
                       "latex_individualpages": False},
        doctreedir=OUT / ".doctrees", warningiserror=True, keep_going=True, quiet=True,
        # Read every page afresh: the answer keys come from guide.yaml, which Sphinx does not watch.
        freshenv=True,
    )
    return result if isinstance(result, int) else 1


def main() -> int:
    status = build_html()
    if status:
        print("The instructor edition did not build (see the warnings above).", file=sys.stderr)
        return status
    import lms

    files = lms.export(OUT / "lms")
    print(f"Instructor edition: {OUT / 'html' / 'book' / 'instructor_guide.html'}")
    print(f"LMS files: {len(files)} in {OUT / 'lms'} (see its README.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
