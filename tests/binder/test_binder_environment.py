"""A Binder reader's environment, made only from the repository's Binder files, runs every notebook.

Binder (repo2docker) builds from runtime.txt and requirements.txt alone. This test does the same on
a clean copy of the repository's tracked files: a fresh virtual environment, `pip install -r
requirements.txt`, then every page's notebook run top to bottom with nbclient, and the live widgets
driven as a reader would.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT, toc_pages

NOTEBOOKS = [f"{p}.ipynb" for p in toc_pages() if (ROOT / f"{p}.ipynb").exists()]

RUN_NOTEBOOKS = """
import sys, nbformat
from nbclient import NotebookClient
failures = []
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": "book"}}).execute()
        print("ran", path, flush=True)
    except Exception as error:
        failures.append(f"{path}: {type(error).__name__}: {str(error)[-800:]}")
print("FAILURES:", len(failures))
for f in failures:
    print(f)
sys.exit(1 if failures else 0)
"""

DRIVE_WIDGETS = """
from lcbook.widgets.karyotype import KaryotypeExplorer
from lcbook.widgets import live_controls
from lcbook.figures.causal import causal_chain
explorer = KaryotypeExplorer("46,XX")
explorer.text.value = "47,XXY"
assert "Klinefelter" in explorer.message.value, explorer.message.value
explorer.text.value = "47,XY,+99"
assert "alert" in explorer.message.value
controls = live_controls(causal_chain())
controls.selector.value = 1
assert controls.current == 1
print("widgets respond")
"""


def _tracked_files() -> list[str]:
    result = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip("not a git checkout: the Binder test copies the repository's tracked files")
    return [line for line in result.stdout.splitlines() if line]


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """A clean copy of the repository and a fresh environment built from its Binder files only."""
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}", (
        f"runtime.txt says {runtime}; this test runs Python {sys.version.split()[0]}")
    copy = tmp_path_factory.mktemp("binder") / "repo"
    for name in _tracked_files() + NOTEBOOKS:
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, target)
    env_dir = copy.parent / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt"],
        cwd=copy, capture_output=True, text=True, timeout=1200,
    )
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    return copy, python


def test_every_notebook_runs_top_to_bottom_in_the_binder_environment(binder_env):
    copy, python = binder_env
    result = subprocess.run([str(python), "-c", RUN_NOTEBOOKS, *NOTEBOOKS], cwd=copy,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_live_widgets_respond_in_the_binder_environment(binder_env):
    copy, python = binder_env
    result = subprocess.run([str(python), "-c", DRIVE_WIDGETS], cwd=copy, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0 and "widgets respond" in result.stdout, result.stderr[-3000:]


def test_the_binder_environment_uses_its_own_copy_of_the_library(binder_env):
    copy, python = binder_env
    result = subprocess.run([str(python), "-c", "import lcbook; print(lcbook.__file__)"], cwd=copy,
                            capture_output=True, text=True)
    assert Path(result.stdout.strip()).is_relative_to(copy)
