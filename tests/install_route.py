"""The chapter as an instructor gets it: a clean clone of the commit under test, and a wheel built from it.

Shared by the packaging unit tests and the browser test of the instructor guide's route.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def clean_clone(dest: Path) -> Path:
    """A fresh `git clone` of this checkout's HEAD (committed files only, as `pip install git+...` sees them)."""
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", ROOT.as_uri(), str(dest)], check=True,
                   capture_output=True, text=True)
    return dest


def build_wheel(checkout: Path, dest: Path) -> Path:
    """The lcbook wheel built from a checkout, as pip builds it for `pip install git+...` (no dependencies)."""
    dest.mkdir(parents=True, exist_ok=True)
    # With this environment's setuptools when it has one (seconds, offline); else pip fetches it.
    isolation = [] if importlib.util.find_spec("setuptools") is None else ["--no-build-isolation"]
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", *isolation,
         "--wheel-dir", str(dest), str(checkout)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (wheel,) = dest.glob("lcbook-*.whl")
    return wheel


def tracked_files(*folders: str) -> list[str]:
    """Files git tracks under the given folders at HEAD, relative to the repository root."""
    out = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", "HEAD", "--", *folders],
                         check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]
