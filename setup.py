"""Which packages the lcbook distribution holds (the rest of its metadata is in pyproject.toml).

Found, not listed: every package under lcbook/ (a new sub-package ships without an edit here), and
the chapter's data/ folder as the package ``lcbook_data``, so that a plain install (a wheel,
``pip install .``, ``pip install git+...``) carries every data file the pages and the extension read.
"""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["lcbook", "lcbook.*"]) + ["lcbook_data"],
    package_dir={"lcbook_data": "data"},
)
