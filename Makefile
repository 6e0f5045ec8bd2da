# Development and CI entry points for leadership-xblocks.
#
#   make workbench            set everything up, then serve the workbench at http://127.0.0.1:8000
#   make workbench PY=3.11    ... with Python 3.11 (.venv/py3.11)
#   make test                 set everything up, then run pytest on Python 3.11 and 3.12
#   make test PYTHONS=3.12    ... on one version only
#   make test PYTEST_ARGS='-k packaging -x'
#   make test-fast            unit and integration tests only (no browser, MariaDB or slow ones), PY only
#   make extract_translations compile_translations   after adding or changing a string
#   make check_translations   what CI checks: catalogues complete and compiled (README, "Translations")
#
# Both targets install what is missing (Debian packages, the venvs, MariaDB running) and
# are quick when everything is already there. The venv is reinstalled when setup.py, a
# requirements file or the package layout (block modules, data folders) changes.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.SUFFIXES:

PY ?= 3.12
PYTHONS ?= 3.11 3.12
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
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

.PHONY: help workbench test test-one apt-build apt-test mariadb clean distclean FORCE

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
# editable install (whose entry points setup.py computes from the files present) is redone
# when a block module, an optional package or a data folder appears or goes.
$(VENV_DIR)/layout.txt: FORCE
	@mkdir -p $(VENV_DIR)
	@{ ls leadership_xblocks/blocks/*.py 2>/dev/null; \
	   find leadership_xblocks static scenarios -type d -not -name '__pycache__' -not -name '.*' 2>/dev/null | sort; \
	 } > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(VENV_DIR)/py%/.installed: setup.py requirements/test.txt requirements/py%.txt $(VENV_DIR)/layout.txt | apt-build
	@py=""; \
	for c in $$(ls -d $(PYENV_ROOT)/versions/$*.*/bin/python 2>/dev/null | sort -V -r) $$(command -v python$* || true); do \
	  if "$$c" -c 'import sys; sys.exit(sys.version_info[:2] != tuple(map(int, "$*".split("."))))' 2>/dev/null; then \
	    py="$$c"; break; \
	  fi; \
	done; \
	if [ -z "$$py" ]; then echo "No Python $* found (looked in $(PYENV_ROOT)/versions and PATH)" >&2; exit 1; fi; \
	if ! $(VENV_DIR)/py$*/bin/python -c 'import sys' 2>/dev/null; then \
	  echo "==> creating $(VENV_DIR)/py$* with $$py"; rm -rf $(VENV_DIR)/py$*; "$$py" -m venv $(VENV_DIR)/py$*; \
	  $(VENV_DIR)/py$*/bin/python -m pip install -q --disable-pip-version-check --upgrade pip; \
	fi
	@echo "==> installing into $(VENV_DIR)/py$*"
	@$(VENV_DIR)/py$*/bin/python -m pip install --disable-pip-version-check -e '.[dev]' -r requirements/py$*.txt \
	  > $(VENV_DIR)/py$*/install.log 2>&1 \
	  || { tail -n 60 $(VENV_DIR)/py$*/install.log; echo "pip install failed: see $(VENV_DIR)/py$*/install.log" >&2; exit 1; }
	@touch $@

# ---------------------------------------------------------------------------------------
# User-facing targets

workbench: apt-build $(if $(filter mariadb mysql,$(LEADERSHIP_DB)),mariadb) $(VENV_DIR)/py$(PY)/.installed
	$(VENV_DIR)/py$(PY)/bin/python devserver/manage.py migrate --run-syncdb -v 0
	@echo "==> workbench on http://$(HOST):$(PORT)/ (Ctrl-C stops it)"
	$(VENV_DIR)/py$(PY)/bin/python devserver/manage.py runserver $(HOST):$(PORT)

# Runs every version even when one fails, then fails if any did. The last line adds up
# the JUnit reports of all versions.
test: apt-test mariadb
	@failed=""; \
	for v in $(PYTHONS); do \
	  echo "==================== Python $$v ===================="; \
	  $(MAKE) --no-print-directory test-one V=$$v || failed="$$failed $$v"; \
	done; \
	if [ -n "$$failed" ]; then echo "make test: FAILED on Python$$failed"; else echo "make test: passed on Python $(PYTHONS)"; fi; \
	python=""; \
	for v in $(PYTHONS); do if [ -x $(VENV_DIR)/py$$v/bin/python ]; then python=$(VENV_DIR)/py$$v/bin/python; fi; done; \
	if [ -n "$$python" ]; then \
	  "$$python" tests/support/junit_total.py $(foreach v,$(PYTHONS),$(ARTIFACTS)/junit-py$(v).xml) || true; \
	fi; \
	[ -z "$$failed" ]

# One version: `make test-one V=3.12` (what `make test` runs for each).
test-one: $(VENV_DIR)/py$(V)/.installed
	@mkdir -p $(ARTIFACTS); rm -f $(ARTIFACTS)/junit-py$(V).xml
	@rc=0; $(VENV_DIR)/py$(V)/bin/python -m pytest -p no:cacheprovider \
	  --junitxml=$(ARTIFACTS)/junit-py$(V).xml $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "Python $(V): pytest collected no tests (counts as a failure)" >&2; fi; \
	exit $$rc

# The quick loop while coding: everything but the tests marked browser, mariadb or slow
# (tests/conftest.py), on one Python, with no Chromium, MariaDB or sudo. `make test` and CI
# still run every test. FAST_WORKERS pytest-xdist processes share the tests (0: one process).
FAST_MARKERS := not browser and not mariadb and not slow
FAST_WORKERS ?= 2

.PHONY: test-fast

test-fast: $(VENV_DIR)/py$(PY)/.installed
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
