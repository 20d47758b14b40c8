# The chapter's two commands: `make html` and `make test`. Both set up .venv when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD  := _build/html
# Chromium for the browser tests: $LCBOOK_CHROMIUM, else Debian's /usr/bin/chromium.
CHROMIUM ?= $(or $(LCBOOK_CHROMIUM),$(firstword $(wildcard /usr/bin/chromium /usr/bin/chromium-browser)))
export LCBOOK_CHROMIUM := $(CHROMIUM)

.PHONY: html test clean benchmark lighthouse check-chromium

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

html: $(STAMP)
	$(BIN)/jupyter-book build -W -n --keep-going --path-output . .

check-chromium:
	@test -n "$(CHROMIUM)" && test -x "$(CHROMIUM)" || { echo "make test needs Chromium for its browser tests: install it with 'sudo apt-get install -y chromium', or set LCBOOK_CHROMIUM=/path/to/chromium."; exit 1; }

test: check-chromium html
	$(BIN)/python -m pytest --nbval-lax tests book

benchmark: $(STAMP)
	$(BIN)/python benchmarks/build_and_weight.py

# Lighthouse's mobile audit of every page (issue 11), pinned in benchmarks/package.json.
# Pass options with LIGHTHOUSE_ARGS, e.g. make lighthouse LIGHTHOUSE_ARGS="--pages book/glossary --runs 1"
LIGHTHOUSE_ARGS ?=
LH_STAMP := benchmarks/node_modules/.installed

$(LH_STAMP): benchmarks/package.json benchmarks/package-lock.json
	cd benchmarks && npm ci --no-audit --no-fund
	@touch $@

lighthouse: check-chromium html $(LH_STAMP)
	CHROME_PATH=$(CHROMIUM) $(BIN)/python benchmarks/lighthouse.py $(LIGHTHOUSE_ARGS)

clean:
	rm -rf _build
