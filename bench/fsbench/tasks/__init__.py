"""The tasks compared by the harness, and what a task module provides.

A task module (``sentences``, ``claims``, ``places``) defines:

* ``NAME``, ``TITLE``: its key and its heading.
* ``ENGINES``: factsift and each peer as an :class:`Engine`. ``make()`` builds the library's own
  call (what a user would time); it runs inside the engine's worker process, so it imports the
  library there and nowhere else.
* ``NOT_RUNNABLE``: peers that cannot run on this machine, each with the reason (verified by
  trying to install and run them; see ``bench/README.md``).
* ``corpus(eval_dir)``: the texts every engine is timed on, and a line describing them.
* ``accuracy(engine, eval_dir)``: the accuracy of one engine, computed by the scorers in
  ``eval_dir`` with their own adapter for that engine (the figures that ``score_*.py --peer NAME``
  or ``--extractor factsift_adapters:...`` print). Runs in the engine's worker.
* ``COLUMNS``: the accuracy columns of the results table, and ``HEADLINE``: the one on the chart.

Every module here imports only the standard library at import time: workers of engines that
live in another virtualenv (CQE) import them too.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from typing import Any, Callable

TASK_NAMES = ("sentences", "claims", "places")


@dataclass(frozen=True)
class Engine:
    """One tool in one task.

    ``make`` returns a callable ``text -> items``; ``dist`` is the distribution whose version
    is reported; ``venv`` names the virtualenv the worker runs in (``main`` is ``bench/.venv``,
    ``cqe`` is ``bench/.venv-cqe``, whose pins clash with quantulum3's); ``note`` says what is
    timed when that is not obvious from the name.
    """

    name: str
    label: str
    dist: str
    make: Callable[[], Callable[[str], Any]]
    venv: str = "main"
    note: str = ""


@dataclass(frozen=True)
class Column:
    """One accuracy column: ``key`` in the accuracy dict, its header, and its format."""

    key: str
    header: str
    fmt: str = "{:.1f}"


@dataclass
class Corpus:
    texts: list[str]
    description: str
    # Bytes of UTF-8, for MB/s.
    nbytes: int = field(init=False)

    def __post_init__(self) -> None:
        self.nbytes = sum(len(t.encode("utf-8")) for t in self.texts)


def get(name: str):
    """The task module called ``name``."""
    if name not in TASK_NAMES:
        raise SystemExit(f"unknown task {name!r}: use one of {', '.join(TASK_NAMES)}")
    return importlib.import_module(f"{__name__}.{name}")


def import_scorer(eval_dir: str, module: str):
    """A scorer module of ``eval_dir`` (read in place, never copied), and its adapters."""
    if eval_dir not in sys.path:
        sys.path.insert(0, eval_dir)
    return importlib.import_module(module)


def import_adapter(eval_dir: str, spec: str):
    """The function named by ``spec`` (``"module:function"``, as the scorers' command lines take
    it) from ``eval_dir``, e.g. ``"factsift_adapters:numbers"``."""
    module, _, function = spec.partition(":")
    return getattr(import_scorer(eval_dir, module), function)


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 in percent, from pooled counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": 100 * p, "R": 100 * r, "F1": 100 * f}
