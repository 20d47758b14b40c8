"""Keep the glossary true: `build` writes book/glossary.md from data/glossary.yaml; `link PAGE...`
links the first use of every glossary term on each notebook page (idempotent).

    python tools/glossary.py build
    python tools/glossary.py link book/*.ipynb
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from lcbook.glossary import glossary_markdown, link_first_uses, load_glossary

ROOT = Path(__file__).resolve().parent.parent


def build() -> None:
    (ROOT / "book" / "glossary.md").write_text(glossary_markdown(load_glossary()), encoding="utf-8")


def link(paths: list[str]) -> None:
    terms = load_glossary()
    for path in map(Path, paths):
        nb = nbformat.read(path, as_version=4)
        md = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
        texts = ["".join(c["source"]) for c in md]
        linked = link_first_uses(texts, terms)
        changed = 0
        for cell, old, new in zip(md, texts, linked):
            if new != old:
                cell["source"] = new
                changed += 1
        if changed:
            nbformat.write(nb, path)
        print(f"{path}: {changed} cell(s) changed")


if __name__ == "__main__":
    if sys.argv[1:2] == ["build"]:
        build()
    elif sys.argv[1:2] == ["link"]:
        link(sys.argv[2:])
    else:
        sys.exit(__doc__)
