"""factsift's benchmark harness: factsift and its peers on the same inputs, in one run.

``make bench`` (or ``bench/.venv/bin/python bench/run.py``) runs every task and writes
``bench/results.md``, ``bench/results.json``, ``bench/results.png`` and ``bench/scaling.png``.

Modules, one job each:

* ``tasks/``   what is compared: per task (sentences, claims, places) its engines (factsift and
  each peer, as the library's own call), its inputs, and its accuracy through the scorers of
  ``../shared/eval``; peers that cannot run here are listed with the reason.
* ``corpora``  public inputs generated from the example article, for machines without
  ``../shared/eval`` (and for the scaling curve).
* ``worker``   one process per engine: load, warm up, calibrate a round, time rounds on request,
  report peak memory, then score accuracy.
* ``compare``  the parent side: start the workers, alternate their rounds, take medians.
* ``scaling``  ``analyze_many`` on 1 and 2 threads from 1 KB to 100 MB, in its own process.
* ``machine``  date, CPU, cores, RAM, load, versions.
* ``report``   ``results.md`` and the README block; ``charts``: the PNGs.
* ``cli``      the command line that ties them together.
"""

import pathlib

BENCH_DIR = pathlib.Path(__file__).resolve().parents[1]
ROOT = BENCH_DIR.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
