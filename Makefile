# One virtual environment for everything; `make test` is what CI runs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install test unit demo lint bench bench-peers clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,spark]'
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

unit: $(STAMP)
	$(BIN)/python -m pytest -q tests/unit

demo: $(STAMP)
	$(BIN)/piigate demo

lint: $(STAMP)
	$(BIN)/ruff check piigate classifiers approval_ui functions tests bench
	$(BIN)/mypy piigate classifiers approval_ui

bench: $(STAMP)
	$(BIN)/python bench/tokenize_employees.py

# floor, ours and the peers (pganonymize, pynonymizer: their own venv, bench/.venv-peers)
bench-peers: $(STAMP)
	$(BIN)/python bench/tokenize_employees.py --engine all --reuse-data --keep-data \
	    --contenders floor,ours,copy,ours-update,ours-names,pganonymize,pynonymizer

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
