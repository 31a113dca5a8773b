"""Shared fixtures: the example article and the evaluation sets beside the repository."""

from __future__ import annotations

import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "iraq_detainees.txt"
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def article() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def eval_dir() -> pathlib.Path:
    """``../shared/eval`` — the tests that need it skip cleanly when it is absent."""
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is not present beside the repository")
    return EVAL


def read_jsonl(path: pathlib.Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
