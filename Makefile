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

lint: $(BIN)/kg
	$(BIN)/ruff check .

test: $(BIN)/kg
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

clean:
	rm -rf out kg-store
