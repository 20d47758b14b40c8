"""Shared fixtures: the project's root and the chapter's pages."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

# Property tests explore the same examples on every run (the suite is deterministic, like the book);
# run with HYPOTHESIS_PROFILE=explore to search afresh.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

ROOT = Path(__file__).resolve().parent.parent


def toc_pages() -> list[str]:
    """Every page of the table of contents, as its path without extension (e.g. 'book/intro')."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    pages = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("sections"))
            for part in entry.get("chapters", []) if "chapters" in entry else []:
                walk([part])

    walk(toc.get("chapters"))
    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return pages


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
