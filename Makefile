# The two commands: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create .venv: install the Debian package python3-venv (apt-get install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/kiosk doctor --quiet
	$(BIN)/kiosk demo

lint: $(TEST_STAMP)
	$(BIN)/ruff check kiosk ui printing tests bench
	$(BIN)/ruff format --check kiosk ui printing tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Every bench runs even when one fails; the table of all their figures comes last.
BENCHES := queue.py ticket.py startup.py idle.py summary.py live.py
bench: $(TEST_STAMP)
	@results=$$(mktemp); status=0; \
	for b in $(BENCHES); do \
		KIOSK_BENCH_RESULTS=$$results $(BIN)/python bench/$$b || status=1; \
	done; \
	echo; $(BIN)/python bench/harness.py $$results; rm -f $$results; exit $$status

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
