# Slant: two commands for users.
#   make run   installs what is missing and opens the app on the demo articles
#   make test  installs what is missing and runs the whole test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.slant-installed

.PHONY: run test install sysdeps sysdeps-gui bench eval lock clean help
.DEFAULT_GOAL := help

help:
	@echo "make run    install what is missing, then open Slant on the demo articles"
	@echo "make test   install what is missing, then run the whole test suite"
	@echo "make bench  run the benchmarks in bench/ and print their figures"
	@echo "make eval   measure the analysis against annotated news (../shared/eval or \$$SLANT_EVAL_DIR)"
	@echo "make lock   re-pin requirements.lock from pyproject.toml (needs network)"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "Slant needs Python 3.11 or newer; '$(PYTHON)' is older. Run: make PYTHON=python3.11 ..."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian/Ubuntu run:"; \
	  echo "  sudo apt-get install -y python3-venv"; exit 1; }

# Installs exactly the hash-pinned tree in requirements.lock, then Slant itself (editable, no dependencies).
$(STAMP): requirements.lock pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

install: $(STAMP)

# System libraries Qt needs: installed when root, otherwise the exact apt-get line is printed.
sysdeps: $(STAMP)
	@$(PY) -m desktop.sysdeps offscreen

sysdeps-gui: $(STAMP)
	@$(PY) -m desktop.sysdeps gui

run: sysdeps-gui
	$(VENV)/bin/slant

test: sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto --dist loadfile $(PYTEST_ARGS)

bench: sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

# Not part of `make test`: reads the annotated corpora (never copied into the repository) and prints
# precision, recall and F1 per measure beside plain baselines. EVAL_ARGS="babe --limit 100 --json" etc.
eval: $(STAMP)
	$(PY) bench/eval/run.py $(EVAL_ARGS)

lock: | $(PY)
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra test --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
