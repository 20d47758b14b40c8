"""The project's own rules: pinned environment, one home for the repository URL, Binder files."""
from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT


def _requirements() -> list[str]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]


def test_every_requirement_is_pinned_to_an_exact_version():
    for line in _requirements():
        assert line == "-e ." or re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][^\s;]*", line), line


def test_requirements_install_the_chapters_own_library():
    assert "-e ." in _requirements()


def test_binder_uses_the_same_python_as_the_book():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"


def test_the_repository_url_lives_only_in_config():
    url = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    holders = [
        p.relative_to(ROOT).as_posix()
        for p in ROOT.rglob("*")
        if p.is_file()
        and p.suffix in {".md", ".yml", ".yaml", ".toml", ".cff", ".txt", ".py", ".ipynb"}
        and not {".venv", "_build", ".git"} & set(p.parts)
        and url in p.read_text(encoding="utf-8", errors="ignore")
    ]
    # The instructor guide is generated from _config.yml by tools/guide.py (test_guide checks that it is
    # up to date), so a fork that changes the one line and rebuilds the guide changes it there too.
    assert sorted(holders) == ["_config.yml", "book/instructor_guide.md"]


def test_launch_buttons_open_jupyterlab_on_binder_without_a_cdn_script():
    launch = yaml.safe_load((ROOT / "_config.yml").read_text())["launch_buttons"]
    assert launch["notebook_interface"] == "jupyterlab"
    assert launch["binderhub_url"] == "https://mybinder.org"
    assert launch["thebe"] is False  # Thebe would fetch its JavaScript from unpkg.com
