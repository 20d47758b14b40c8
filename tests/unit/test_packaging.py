"""A plain install carries the whole chapter library and its data, and asks a host for little else."""
from __future__ import annotations

import re
import tomllib
import zipfile

import pytest

from tests.conftest import ROOT
from tests.install_route import build_wheel, clean_clone, tracked_files

#: What the pages and the Sphinx extension import at run time (a host book brings Jupyter Book itself).
RUNTIME_DEPENDENCIES = {"numpy", "plotly", "ipywidgets", "pyyaml", "tinycss2"}


def _pins(lines) -> dict[str, str]:
    pins = {}
    for line in lines:
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", line.strip())
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_every_pinned_requirement_is_a_dependency_or_an_extra_with_the_same_pin():
    project = _project()
    declared = _pins(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        declared.update(_pins(extra))
    required = _pins((ROOT / "requirements.txt").read_text().splitlines())
    assert required == declared


def test_the_package_depends_only_on_what_the_pages_need_at_run_time():
    assert set(_pins(_project()["dependencies"])) == RUNTIME_DEPENDENCIES


def test_the_test_tools_are_an_extra():
    assert {"pytest", "playwright", "nbval"} <= set(_pins(_project()["optional-dependencies"]["test"]))


def test_the_data_lookup_prefers_lcbook_data_then_the_checkout(monkeypatch, tmp_path):
    from lcbook.data import data_dir

    monkeypatch.setenv("LCBOOK_DATA", str(tmp_path))
    assert data_dir() == tmp_path
    monkeypatch.delenv("LCBOOK_DATA")
    assert data_dir() == ROOT / "data"


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory) -> set[str]:
    work = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(clean_clone(work / "checkout"), work / "dist")
    return set(zipfile.ZipFile(wheel).namelist())


def _in_wheel(path: str) -> str:
    """Where a file of the checkout lands in the wheel (data/ ships as the package lcbook_data)."""
    return "lcbook_data/" + path.removeprefix("data/") if path.startswith("data/") else path


def test_the_wheel_ships_every_committed_file_of_lcbook_and_data(wheel_files):
    expected = {_in_wheel(f) for f in tracked_files("lcbook", "data")}
    assert sorted(expected - wheel_files) == []


def test_the_wheel_ships_every_folder_of_lcbook_and_data_that_holds_files(wheel_files):
    folders = {_in_wheel(f).rsplit("/", 1)[0] for f in tracked_files("lcbook", "data")}
    shipped = {f.rsplit("/", 1)[0] for f in wheel_files}
    assert sorted(folders - shipped) == []
