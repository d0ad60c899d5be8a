# kg: two commands from a clone to a knowledge graph.
#   make demo   build the bundled seed articles, query them, write out/graph.ttl
#   make test   ruff and pytest
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  := out/kg-store

.PHONY: demo test venv lint clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

venv: $(BIN)/kg

demo: $(BIN)/kg
	@mkdir -p out
	rm -rf $(STORE)
	$(BIN)/kg build data/samples --store $(STORE)
	$(BIN)/kg query officials --store $(STORE)
	$(BIN)/kg query attendance --store $(STORE)
	$(BIN)/kg export --format turtle -o out/graph.ttl --store $(STORE)
	$(BIN)/kg network attendance --store $(STORE) -o out/attendance.html
	$(BIN)/kg network officials --store $(STORE) -o out/officials.png

lint: $(BIN)/kg
	$(BIN)/ruff check .

test: $(BIN)/kg
	@# The browser test of the network page needs Debian's chromium and chromium-driver;
	@# install them when missing and we are root, else that test skips with the reason.
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing chromium chromium-driver (for the network page test)"; \
	  ( apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium chromium-driver ) >/dev/null 2>&1 || echo "could not install chromium"; \
	fi
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

clean:
	rm -rf out kg-store
