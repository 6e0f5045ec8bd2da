# Development and CI entry points for leadership-xblocks.
#
#   make workbench            set everything up, then serve the workbench at http://127.0.0.1:8000
#   make workbench PY=3.11    ... with Python 3.11 (.venv/py3.11)
#   make workbench VERBOSE=1  ... printing Django's debug output, SQL included (quiet: requests and warnings)
#   make test                 set everything up, then run pytest under the pins of each Open edX
#                             release (teak, ulmo, verawood); browser tests under one release only
#   make test RELEASES=verawood   ... under one release only
#   make test PYTEST_ARGS='-k packaging -x'
#   make fuzz                 the long property-based run of every handler (20,000 calls) for before a release
#   make test-fast            unit and integration tests only (no browser, MariaDB or slow ones), PY only
#   make lint                 ruff check, ruff format --check and eslint (both test targets run it first)
#   make format               apply ruff format and ruff's safe fixes
#   make extract_translations compile_translations   after adding or changing a string
#   make check_translations   what CI checks: catalogues complete and compiled (README, "Translations")
#
# Both targets install what is missing (Debian packages, the venvs, MariaDB running) and
# are quick when everything is already there. A venv is reinstalled when pyproject.toml, a
# requirements or constraints file or the package layout (its modules and folders) changes.
# The release venvs are .venv/teak, .venv/ulmo and .venv/verawood (requirements/constraints/);
# .venv/py3.11 and .venv/py3.12 are the development venvs, on Ulmo's and Verawood's pins.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.SUFFIXES:

PY ?= 3.12
RELEASES ?= teak ulmo verawood
# The release whose pins also run the browser tests (the others run everything else).
BROWSER_RELEASE ?= verawood
# Each release's Python, and the release whose pins each development venv uses.
PYTHON_teak := 3.11
PYTHON_ulmo := 3.11
PYTHON_verawood := 3.12
RELEASE_3.11 := ulmo
RELEASE_3.12 := verawood
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
VERBOSE ?=
FUZZ_CALLS ?= 20000
PYENV_ROOT ?= $(HOME)/.pyenv
VENV_DIR := .venv
ARTIFACTS := artifacts

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# What building mysqlclient needs, and what the browser tests need on top.
APT_BUILD := gcc pkg-config libmariadb-dev
APT_BROWSER := chromium chromium-driver fonts-liberation fonts-dejavu-core
MARIADB_PING = { command -v mariadb-admin >/dev/null && mariadb-admin --protocol=tcp -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; } || { ! command -v mariadb-admin >/dev/null && (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; }

# $(call apt_ensure,packages): apt-get only when one of them is not installed.
define apt_ensure
missing=""; \
for p in $(1); do \
  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  echo "==> apt-get install$$missing"; \
  $(SUDO) apt-get update -qq; \
  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
fi
endef

.PHONY: help workbench test test-one fuzz lint format apt-build apt-test mariadb clean distclean FORCE

help:
	@awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' Makefile

# ---------------------------------------------------------------------------------------
# System packages and services

apt-build:
	@$(call apt_ensure,$(APT_BUILD))

apt-test:
	@$(call apt_ensure,$(APT_BUILD) $(APT_BROWSER))

mariadb:
	@if ! { $(MARIADB_PING); }; then \
	  if [ ! -x /usr/sbin/mariadbd ]; then $(call apt_ensure,mariadb-server mariadb-client); fi; \
	  echo "==> starting MariaDB"; \
	  $(SUDO) mkdir -p /run/mysqld; $(SUDO) chown mysql:mysql /run/mysqld 2>/dev/null || true; \
	  $(SUDO) start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd; \
	  for i in $$(seq 60); do { $(MARIADB_PING); } && break; sleep 1; done; \
	  { $(MARIADB_PING); } || { echo "MariaDB did not answer on 127.0.0.1:3306 within 60 s" >&2; exit 1; }; \
	fi
	@if command -v mariadb >/dev/null; then \
	  mariadb --protocol=tcp -h 127.0.0.1 -P 3306 -u root -e 'CREATE DATABASE IF NOT EXISTS test CHARACTER SET utf8mb4'; \
	fi

# ---------------------------------------------------------------------------------------
# Virtual environments: .venv/py3.11, .venv/py3.12, ...

# Regenerated on every run but only rewritten when the package layout changes, so the
# editable install (which maps the packages and data folders found when it ran) is redone
# when a module, a package or a data folder of leadership_xblocks/ (a block's public/static/ or
# templates/, translations/, scenarios/) appears or goes.
$(VENV_DIR)/layout.txt: FORCE
	@mkdir -p $(VENV_DIR)
	@{ find leadership_xblocks -name '*.py' -not -path '*/__pycache__/*' 2>/dev/null | sort; \
	   find leadership_xblocks -type d -not -name '__pycache__' -not -name '.*' 2>/dev/null | sort; \
	 } > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

# $(call make_venv,venv dir,python version,constraints file): create the venv with that Python
# if it is missing, then install the package (editable, with its dev extras) under the pins.
define make_venv
@py=""; \
for c in $$(ls -d $(PYENV_ROOT)/versions/$(2).*/bin/python 2>/dev/null | sort -V -r) $$(command -v python$(2) || true); do \
  if "$$c" -c 'import sys; sys.exit(sys.version_info[:2] != tuple(map(int, "$(2)".split("."))))' 2>/dev/null; then \
    py="$$c"; break; \
  fi; \
done; \
if [ -z "$$py" ]; then echo "No Python $(2) found (looked in $(PYENV_ROOT)/versions and PATH)" >&2; exit 1; fi; \
if ! $(1)/bin/python -c 'import sys' 2>/dev/null; then \
  echo "==> creating $(1) with $$py"; rm -rf $(1); "$$py" -m venv $(1); \
  $(1)/bin/python -m pip install -q --disable-pip-version-check --upgrade pip; \
fi
@echo "==> installing into $(1) (pins: $(3))"
@$(1)/bin/python -m pip install --disable-pip-version-check -e '.[dev]' -r requirements/py$(2).txt -c $(3) \
  > $(1)/install.log 2>&1 \
  || { tail -n 60 $(1)/install.log; echo "pip install failed: see $(1)/install.log" >&2; exit 1; }
@touch $(1)/.installed
endef

$(VENV_DIR)/py%/.installed: pyproject.toml requirements/test.txt requirements/py%.txt requirements/constraints/*.txt $(VENV_DIR)/layout.txt | apt-build
	$(call make_venv,$(VENV_DIR)/py$*,$*,requirements/constraints/$(RELEASE_$*).txt)

# One release's venv: `make .venv/teak/.installed`.
$(VENV_DIR)/%/.installed: pyproject.toml requirements/test.txt requirements/py3.11.txt requirements/py3.12.txt requirements/constraints/%.txt $(VENV_DIR)/layout.txt | apt-build
	$(call make_venv,$(VENV_DIR)/$*,$(PYTHON_$*),requirements/constraints/$*.txt)

# ---------------------------------------------------------------------------------------
# User-facing targets

workbench: apt-build $(if $(filter mariadb mysql,$(LEADERSHIP_DB)),mariadb) $(VENV_DIR)/py$(PY)/.installed
	$(VENV_DIR)/py$(PY)/bin/python devserver/manage.py migrate --run-syncdb -v 0
	@echo "==> workbench on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	LEADERSHIP_VERBOSE=$(VERBOSE) $(VENV_DIR)/py$(PY)/bin/python devserver/manage.py runserver $(HOST):$(PORT)

# ---------------------------------------------------------------------------------------
# Lint and format gate: ruff (settings in pyproject.toml, installed from requirements/test.txt)
# and eslint (eslint.config.js, installed by npm from package-lock.json into node_modules/).
# `make test` runs it with ruff from the browser release's venv, `make test-fast` from PY's.

LINT_VENV ?= $(VENV_DIR)/py$(PY)
# The real files only (each block's `public/static/` also holds symlinks to the shared scripts),
# without the generated catalogues `i18n-*.js`.
JS_SOURCES := $(shell find leadership_xblocks -path '*/public/static/*.js' -type f -not -name 'i18n-*.js' | sort)

# `npm ci` on a fresh checkout or when the lock file changes.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "make lint needs node and npm on PATH" >&2; exit 1; }
	@echo "==> npm ci (eslint)"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lint: $(LINT_VENV)/.installed node_modules/.installed
	$(LINT_VENV)/bin/ruff check .
	$(LINT_VENV)/bin/ruff format --check .
	node_modules/.bin/eslint $(JS_SOURCES)

format: $(LINT_VENV)/.installed
	$(LINT_VENV)/bin/ruff check --fix .
	$(LINT_VENV)/bin/ruff format .

# Lints first (fail fast), then runs every release even when one fails, and fails if any
# did. The last line adds up the JUnit reports of all releases.
test: apt-test mariadb
	@$(MAKE) --no-print-directory lint LINT_VENV=$(VENV_DIR)/$(BROWSER_RELEASE)
	@failed=""; \
	for r in $(RELEASES); do \
	  echo "==================== Open edX $$r ===================="; \
	  $(MAKE) --no-print-directory test-one R=$$r || failed="$$failed $$r"; \
	done; \
	if [ -n "$$failed" ]; then echo "make test: FAILED under$$failed"; else echo "make test: passed under $(RELEASES)"; fi; \
	python=""; \
	for r in $(RELEASES); do if [ -x $(VENV_DIR)/$$r/bin/python ]; then python=$(VENV_DIR)/$$r/bin/python; fi; done; \
	if [ -n "$$python" ]; then \
	  "$$python" tests/support/junit_total.py $(foreach r,$(RELEASES),$(ARTIFACTS)/junit-$(r).xml) || true; \
	fi; \
	[ -z "$$failed" ]

# One release: `make test-one R=teak` (what `make test` runs for each); the browser tests run
# only under $(BROWSER_RELEASE).
test-one: $(VENV_DIR)/$(R)/.installed
	@mkdir -p $(ARTIFACTS); rm -f $(ARTIFACTS)/junit-$(R).xml
	@rc=0; $(VENV_DIR)/$(R)/bin/python -m pytest -p no:cacheprovider \
	  --junitxml=$(ARTIFACTS)/junit-$(R).xml $(if $(filter $(R),$(BROWSER_RELEASE)),,--ignore=tests/browser) \
	  $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "Open edX $(R): pytest collected no tests (counts as a failure)" >&2; fi; \
	exit $$rc

# The suite's fuzz test (tests/test_fuzz.py) with a release-sized budget; counts in artifacts/fuzz.json.
fuzz: $(VENV_DIR)/py$(PY)/.installed
	@mkdir -p $(ARTIFACTS)
	LEADERSHIP_FUZZ_CALLS=$(FUZZ_CALLS) $(VENV_DIR)/py$(PY)/bin/python -m pytest -p no:cacheprovider -q \
	  tests/test_fuzz.py $(PYTEST_ARGS)
# The quick loop while coding: everything but the tests marked browser, mariadb or slow
# (tests/conftest.py), on one Python, with no Chromium, MariaDB or sudo. `make test` and CI
# still run every test. FAST_WORKERS pytest-xdist processes share the tests (0: one process).
FAST_MARKERS := not browser and not mariadb and not slow
FAST_WORKERS ?= 2

.PHONY: test-fast

test-fast: lint $(VENV_DIR)/py$(PY)/.installed
	$(VENV_DIR)/py$(PY)/bin/python -m pytest -p no:cacheprovider -m '$(FAST_MARKERS)' -n $(FAST_WORKERS) $(PYTEST_ARGS)

# ---------------------------------------------------------------------------------------
# Translations: Babel extracts, merges and compiles, django-statici18n writes the JS
# catalogues; tools/i18n/catalogues.py chains them (README, "Translations").

I18N_TOOL = $(VENV_DIR)/py$(PY)/bin/python tools/i18n/catalogues.py

.PHONY: extract_translations compile_translations check_translations

extract_translations: $(VENV_DIR)/py$(PY)/.installed
	$(I18N_TOOL) extract

compile_translations: $(VENV_DIR)/py$(PY)/.installed
	$(I18N_TOOL) compile

check_translations: $(VENV_DIR)/py$(PY)/.installed
	$(I18N_TOOL) check

clean:
	rm -rf var artifacts build dist *.egg-info

distclean: clean
	rm -rf $(VENV_DIR)

FORCE:
