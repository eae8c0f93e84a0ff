# The two commands: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# The exact versions the tests passed with, with hashes (`make lock` refreshes them).
LOCK := requirements.lock
TEST_LOCK := requirements-test.lock
# The project itself: its dependencies come from the lock only; setuptools too (no isolated
# build environment that would fetch an unlocked one).
INSTALL_SELF := $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .

# The project's own bytecode. The kiosk runs as a user who cannot write into the checkout
# (README, kiosk.service), so Python could never keep what it compiles: without this, every
# start compiles the project's modules from source again. Redone after a `git pull`.
SOURCES := $(shell find kiosk ui printing -name '*.py' -not -path '*/__pycache__/*')
BYTECODE := $(VENV)/.compiled

.PHONY: install run test lint bench lock clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create .venv: install the Debian package python3-venv (apt-get install python3-venv)"; exit 1; }

$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(INSTALL_SELF)
	@touch $@

$(TEST_STAMP): pyproject.toml $(TEST_LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r $(TEST_LOCK)
	$(INSTALL_SELF)
	@touch $@ $(STAMP)

$(BYTECODE): $(SOURCES) | $(BIN)/python
	$(BIN)/python -m compileall -q kiosk ui printing
	@touch $@

# What a kiosk PC installs (README): the locked versions and the compiled code.
install: $(STAMP) $(BYTECODE)

run: install
	$(BIN)/kiosk doctor --quiet
	$(BIN)/kiosk demo

lint: $(TEST_STAMP)
	$(BIN)/ruff check kiosk ui printing tests bench .ci/lock.py
	$(BIN)/ruff format --check kiosk ui printing tests bench .ci/lock.py
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Every bench runs even when one fails; the table of all their figures comes last.
BENCHES := queue.py ticket.py startup.py idle.py summary.py live.py
bench: $(TEST_STAMP) $(BYTECODE)
	@results=$$(mktemp); status=0; \
	for b in $(BENCHES); do \
		KIOSK_BENCH_RESULTS=$$results $(BIN)/python bench/$$b || status=1; \
	done; \
	echo; $(BIN)/python bench/harness.py $$results; rm -f $$results; exit $$status

# Resolve new versions, soak them on every Python 3.11-3.13 found and run the tests; the lock
# files change only when all of that passes (see .ci/lock.py).
lock:
	$(PYTHON) .ci/lock.py refresh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
