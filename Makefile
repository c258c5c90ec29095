# The two commands of the README:   make run   and   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test system-deps bundle bundle-check bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

run: $(STAMP)
	$(BIN)/tempmail-desktop

test: system-deps $(STAMP)
	scripts/desktop-session.sh $(BIN)/python -m pytest $(PYTEST_ARGS)

# A double-clickable folder and its archive in dist/ (PyInstaller, one-folder).
bundle:
	PYTHON=$(PYTHON) packaging/build.sh

# Build, then check sizes against the budget and run the bundle's self-test
# against a real Secret Service.
bundle-check:
	packaging/selftest-ci.sh

bench: system-deps $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python scripts/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) build dist *.egg-info
