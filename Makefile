# Two entry points for people (README quick start) and one for CI:
#   make guide   create .venv, install ragft with JupyterLab, open the first notebook
#   make test    install the test tools (pip, npm) and run lint, type checks and every test
#   make test-fast  the same without the browser, JupyterLab and notebook-executing tiers
#   make site    render the website into _site/ (needs Quarto >= 1.8); make preview serves it
#   make lite    build the in-browser course (JupyterLite, Pyodide) into _site/lite
# Other targets: notebooks (re-execute and store outputs), export, bench, site-data.
VENV ?= .venv
LITE_VENV ?= .venv-lite
PY := $(VENV)/bin/python
PYTHON ?= python3
# JupyterLab refuses to run as root (containers, CI images) unless told to.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
LAB_FLAGS ?=

.PHONY: guide test test-fast lint typecheck pytest notebooks export bench site preview lite clean

$(VENV)/.guide: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[guide]"
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.guide
	$(PY) -m pip install -q -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: accessibility tests will skip (apt-get install npm)"; fi

# tools/guide_setup.py: JupyterLab in this venv saves widget state; the notebooks are trusted.
# tools/guide_lab.py: JupyterLab, plus notebook 00's address for when no browser opens.
guide: $(VENV)/.guide
	$(PY) tools/guide_setup.py
	$(PY) tools/guide_lab.py $(ROOT_FLAG) $(LAB_FLAGS) notebooks/00_start_here.ipynb

test: $(VENV)/.test node_modules/.installed $(LITE_VENV)/.installed lint typecheck pytest

lint: $(VENV)/.test
	$(VENV)/bin/ruff check .

typecheck: $(VENV)/.test
	$(VENV)/bin/mypy

pytest: $(VENV)/.test
	$(PY) -m pytest

# For development: about two minutes, no browser. CI runs `make test`, which runs everything.
FAST := not browser and not jupyterlab and not notebooks and not quarto and not lite
test-fast: $(VENV)/.test lint typecheck
	$(PY) -m pytest -m "$(FAST)"

# The in-browser course (JupyterLite, Pyodide) into _site/lite, built by its own environment.
$(LITE_VENV)/.installed: lite/tools.txt
	$(PYTHON) -m venv $(LITE_VENV)
	$(LITE_VENV)/bin/python -m pip install -q --upgrade pip
	$(LITE_VENV)/bin/python -m pip install -q -r lite/tools.txt
	touch $@

lite: $(LITE_VENV)/.installed node_modules/.installed
	$(LITE_VENV)/bin/python tools/lite_build.py

notebooks: $(VENV)/.test
	$(PY) tools/execute_notebooks.py

export: $(VENV)/.guide
	$(VENV)/bin/ragft export site-data --force

bench: $(VENV)/.test
	$(PY) benchmarks/run.py

# Quarto runs the pre-render step (site/prerender.py, which imports ragft) with QUARTO_PYTHON,
# else the first python3 on PATH: both name this venv, so no activation is needed first.
QUARTO ?= quarto
SITE_ENV = PATH="$(abspath $(VENV))/bin:$$PATH" QUARTO_PYTHON="$(abspath $(PY))"

.PHONY: have-quarto
have-quarto:
	@command -v $(QUARTO) >/dev/null || { echo "$(QUARTO) not found: install Quarto >= 1.8 \
	(https://quarto.org/docs/get-started/), or use the conda environment (environment-dev.yml)"; exit 1; }

site: have-quarto $(VENV)/.guide
	$(SITE_ENV) $(QUARTO) render
	@echo "site rendered into _site/; add the in-browser course with: make lite"

preview: have-quarto $(VENV)/.guide
	$(SITE_ENV) $(QUARTO) preview

clean:
	rm -rf $(VENV) $(LITE_VENV) build/lite node_modules _site .quarto site-data
