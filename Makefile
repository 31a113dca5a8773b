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

.PHONY: demo test test-rust test-python build bench bench-setup bench-sentences bench-claims bench-places bench-scaling fuzz clean

demo: build
	$(PY) -m factsift --format table examples/iraq_detainees.txt

test: test-rust test-python

test-rust:
	cargo test --locked --all-targets
	cargo test --locked --doc
	cargo check --locked --quiet --manifest-path fuzz/Cargo.toml   # fuzz targets must keep compiling

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

# Fuzz one target (needs `cargo install cargo-fuzz`; RUSTC_BOOTSTRAP lets the stable toolchain
# accept the sanitizer flags):  make fuzz FUZZ_TARGET=claims FUZZ_SECONDS=600
# Targets: sentences claims places offsets dates facts. Optimised with overflow checks on; no
# sanitizer, as the core forbids unsafe code (FUZZ_FLAGS="-O -a" brings AddressSanitizer back).
# An input taking over FUZZ_TIMEOUT seconds counts as a hang.
FUZZ_TARGET  ?= sentences
FUZZ_SECONDS ?= 300
FUZZ_TIMEOUT ?= 10
FUZZ_FLAGS   ?= -O -a -s none
fuzz:
	mkdir -p fuzz/corpus/$(FUZZ_TARGET)
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run $(FUZZ_FLAGS) $(FUZZ_TARGET) corpus/$(FUZZ_TARGET) seeds/$(FUZZ_TARGET) \
		-- -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -print_final_stats=1

# Benchmarks: factsift against every peer, speed and accuracy, in one run (not part of `make test`).
#   make bench                  everything: writes bench/results.md|json|png, bench/scaling.png and
#                               the README's benchmark block (~15 min on 2 cores)
#   make bench-sentences        one task (also bench-claims, bench-places, bench-scaling): prints
#                               its tables, writes nothing
#   make bench BENCH_ARGS="--rounds 9"   any option of bench/run.py (see --help)
# The peers live in bench/.venv (CQE in bench/.venv-cqe), never in the test requirements; factsift
# is built into bench/.venv too, so every worker runs from the same interpreter.
BENCH_VENV := bench/.venv
BENCH_PY   := $(BENCH_VENV)/bin/python
CQE_VENV   := bench/.venv-cqe
BENCH_ARGS ?=

bench: bench-setup
	$(BENCH_PY) bench/run.py $(BENCH_ARGS)

bench-sentences bench-claims bench-places bench-scaling: bench-%: bench-setup
	$(BENCH_PY) bench/run.py --tasks $* $(BENCH_ARGS)

bench-setup: $(BENCH_VENV)/.installed $(CQE_VENV)/.installed
	VIRTUAL_ENV=$(abspath $(BENCH_VENV)) PATH=$(abspath $(BENCH_VENV))/bin:$$PATH \
		maturin develop --release --locked --quiet

$(BENCH_VENV)/.installed: bench/requirements.txt
	test -x $(BENCH_PY) || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_PY) -m pip install --quiet --upgrade pip
	$(BENCH_PY) -m pip install --quiet -r bench/requirements.txt
	touch $@

# CQE is optional: when its virtualenv cannot be made, the results list it as not runnable.
# It reads numbers under the en_US.UTF-8 locale, built here with localedef (no root needed).
$(CQE_VENV)/.installed: bench/requirements-cqe.txt
	( test -x $(CQE_VENV)/bin/python || $(PYTHON) -m venv $(CQE_VENV) ) && \
	$(CQE_VENV)/bin/python -m pip install --quiet --upgrade pip && \
	$(CQE_VENV)/bin/python -m pip install --quiet -r bench/requirements-cqe.txt && \
	$(CQE_VENV)/bin/python -m pip install --quiet --no-deps cqe==2.0.3 && \
	mkdir -p $(CQE_VENV)/locale && \
	localedef -i en_US -f UTF-8 $(CQE_VENV)/locale/en_US.UTF-8 && \
	touch $@ || echo "bench: CQE could not be set up; it will be listed as not runnable"

clean:
	rm -rf $(VENV) target
