"""The karyotype model and karyogram give byte-identical output to the goldens saved before the refactor.

The goldens (tests/unit/goldens/) hold the preset viewers' figure JSON, states and text alternative, what the parser makes of a
list of tricky karyotypes (its text, description, warnings or error), and a hash of each one's karyogram. A
change that is meant to alter the drawing regenerates them: python tests/unit/goldens/make_karyotype_goldens.py
"""
from __future__ import annotations

import gzip
import json
import pathlib

import pytest

from tests.unit.goldens import make_karyotype_goldens as make

GOLDENS = pathlib.Path(make.__file__).parent


@pytest.fixture(scope="module")
def made():
    return make.goldens()


def test_the_viewers_and_the_parse_records_are_byte_identical_to_the_goldens(made):
    saved = json.loads(gzip.decompress((GOLDENS / "karyotype_goldens.json.gz").read_bytes()))
    bundle, _ = made
    assert sorted(bundle) == sorted(saved)
    for name in saved:
        assert bundle[name] == saved[name], f"{name} differs from its golden"


def test_every_karyogram_is_byte_identical_to_its_golden(made):
    saved = json.loads((GOLDENS / "karyograms.sha256.json").read_text())
    _, drawn = made
    assert drawn == saved
