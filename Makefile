# Quick start:  make demo   (analyse the example article)
#               make test   (build, then run every Rust and Python test)
# Both create and fill their own virtualenv in .venv; nothing needs to be installed by hand
# beyond Python 3.10+ and a Rust toolchain.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DEPS   := $(VENV)/.deps-installed
export VIRTUAL_ENV := $(abspath $(VENV))
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: demo test test-rust test-python build bench clean

demo: build
	$(PY) -m factsift --format table examples/iraq_detainees.txt

test: test-rust test-python

test-rust:
	cargo test --locked --all-targets
	cargo test --locked --doc

test-python: build
	$(PY) -m pytest tests/python

build: $(DEPS)
	maturin develop --release --locked --quiet

$(PY):
	$(PYTHON) -m venv $(VENV)

$(DEPS): requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Side-by-side speed against quantulum3 on the NewsQuant sentences of ../shared/eval. The peers
# live in their own virtualenv (bench/.venv), never in the test requirements.
BENCH_VENV := bench/.venv
bench:
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -r bench/requirements.txt
	VIRTUAL_ENV=$(abspath $(BENCH_VENV)) PATH=$(abspath $(BENCH_VENV))/bin:$$PATH maturin develop --release --locked --quiet
	$(BENCH_VENV)/bin/python bench/bench_claims.py

clean:
	rm -rf $(VENV) target
