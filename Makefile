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

.PHONY: demo test test-rust test-python build bench-sentences bench-claims fuzz clean

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

# Speed against sentencex on ~10 MB (sentencex goes into its own bench/.venv).
bench-sentences: build
	$(PY) bench/bench_sentences.py

# Side-by-side speed against quantulum3 on the NewsQuant sentences of ../shared/eval. The peers
# live in their own virtualenv (bench/.venv), never in the test requirements.
BENCH_VENV := bench/.venv
bench-claims: build
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -r bench/requirements.txt
	VIRTUAL_ENV=$(abspath $(BENCH_VENV)) PATH=$(abspath $(BENCH_VENV))/bin:$$PATH maturin develop --release --locked --quiet
	$(BENCH_VENV)/bin/python bench/bench_claims.py

clean:
	rm -rf $(VENV) target
