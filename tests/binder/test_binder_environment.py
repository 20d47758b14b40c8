"""A Binder reader's environment, made only from the repository's binder/ files, runs every notebook.

Binder (repo2docker) builds from binder/runtime.txt and binder/requirements.txt alone (the root
files are then ignored). The fixture (tests/binder/conftest.py) does the same on a clean copy of the
repository's tracked files; here every page's notebook runs top to bottom with nbclient, and the live
widgets are driven as a reader would.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.binder.conftest import NOTEBOOKS

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
        continue
    for n, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if 'class="lc-controls' in data.get("text/html", "") and WIDGET not in data:
                failures.append(f"{path}: cell {n} has controls on the web page but no live widget")
print("FAILURES:", len(failures))
for f in failures:
    print(f)
sys.exit(1 if failures else 0)
""".replace("WIDGET", repr("application/vnd.jupyter.widget-view+json"))

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

# A cell a reader might mistype; the kernel's error output is what JupyterLab shows.
MISTYPED_CALL = """
import json, nbformat
from nbclient import NotebookClient
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    "from lcbook.figures.cascade import tam_cascade_chart\\ntam_cascade_chart(newborns=5)")])
NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
print(json.dumps([o for o in nb.cells[0].outputs if o["output_type"] == "error"]))
"""

TEST_AND_BUILD_TOOLS = ("pytest", "playwright", "hypothesis", "jupyter-book", "nbval", "axe-playwright-python")


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


def test_a_mistyped_call_shows_one_friendly_sentence_not_a_traceback(binder_env):
    copy, python = binder_env
    result = subprocess.run([str(python), "-c", MISTYPED_CALL], cwd=copy, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    [error] = json.loads(result.stdout.strip().splitlines()[-1])
    assert error["traceback"] == ["Use a cohort of at least 100 newborns, in hundreds (for example 1000)."]


def test_the_binder_environment_uses_its_own_copy_of_the_library(binder_env):
    copy, python = binder_env
    result = subprocess.run([str(python), "-c", "import lcbook; print(lcbook.__file__)"], cwd=copy,
                            capture_output=True, text=True)
    assert Path(result.stdout.strip()).is_relative_to(copy)


def test_the_binder_environment_has_no_test_or_build_tools(binder_env):
    copy, python = binder_env
    result = subprocess.run([str(python), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
                            cwd=copy, capture_output=True, text=True)
    installed = {p["name"].lower() for p in json.loads(result.stdout)}
    assert installed.isdisjoint(TEST_AND_BUILD_TOOLS), sorted(installed & set(TEST_AND_BUILD_TOOLS))
