"""Write book/instructor_guide.md from the pages, their quizzes and data/guide/.

    python tools/guide.py build     # write the page
    python tools/guide.py check     # list what data/guide/guide.yaml lacks
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from lcbook import guide
from lcbook.guide import check_guide, guide_markdown, load_guide_data

ROOT = Path(__file__).resolve().parent.parent


def chapter_pages():
    return guide.chapter_pages(ROOT)


def render() -> str:
    template = (ROOT / "data" / "guide" / "instructor_guide.template.md").read_text(encoding="utf-8")
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    url = config["repository"]["url"].rstrip("/")
    owner, name = url.removeprefix("https://github.com/").split("/")[:2]
    # The chapter is published on the repository's GitHub Pages site, derived here rather than set as
    # html.baseurl (which would make every page link a canonical URL on another host).
    site = f"https://{owner}.github.io/{name}"
    template = template.replace("{{REPOSITORY_URL}}", url).replace("{{SITE_URL}}", site)
    return guide_markdown(chapter_pages(), load_guide_data(), template)


if __name__ == "__main__":
    if sys.argv[1:2] == ["build"]:
        (ROOT / "book" / "instructor_guide.md").write_text(render(), encoding="utf-8")
    elif sys.argv[1:2] == ["check"]:
        print("\n".join(check_guide(chapter_pages(), load_guide_data())) or "complete")
    else:
        sys.exit(__doc__)
