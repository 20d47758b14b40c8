"""The Binder reader's environment: a clean copy of the repository, a fresh venv from binder/ only.

Binder (repo2docker) reads binder/ before the repository root and then ignores the root files; so
does this fixture: binder/runtime.txt says the Python version, binder/requirements.txt what is
installed, from the copy's root (its `-e .` installs the copy's own lcbook).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT, toc_pages

BINDER = ROOT / "binder"
NOTEBOOKS = [f"{p}.ipynb" for p in toc_pages() if (ROOT / f"{p}.ipynb").exists()]


def _tracked_files() -> list[str]:
    result = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip("not a git checkout: the Binder test copies the repository's tracked files")
    return [line for line in result.stdout.splitlines() if line]


@pytest.fixture(scope="session")
def binder_env(tmp_path_factory) -> tuple[Path, Path]:
    """(the clean copy of the repository, the Python of a fresh environment built from binder/ only)."""
    runtime = (BINDER / "runtime.txt").read_text().strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}", (
        f"binder/runtime.txt says {runtime}; this test runs Python {sys.version.split()[0]}")
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
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", "binder/requirements.txt"],
        cwd=copy, capture_output=True, text=True, timeout=1800,
    )
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    return copy, python
