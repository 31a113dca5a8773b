"""docs/RELIABILITY.md promises a test for every row of its tables: the tests it names must exist."""

from __future__ import annotations

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "RELIABILITY.md"


def table_rows() -> list[str]:
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    return [r for r in rows if not re.match(r"\|\s*-", r) and not r.startswith(("| input ", "| situation ",
                                                                              "| check ", "| target "))]


def defined_tests() -> set[str]:
    names = set()
    for path in [*ROOT.joinpath("tests", "python").glob("test_*.py"), *ROOT.joinpath("tests").glob("*.rs")]:
        names.update(re.findall(r"^\s*(?:async\s+)?(?:def|fn)\s+(test_\w+|\w+)\s*\(", path.read_text(), re.M))
    return names


def test_every_test_the_reliability_doc_names_exists():
    defined = defined_tests()
    cited = {name for row in table_rows() for name in re.findall(r"\b(test_\w+)", row)
             if not name.endswith("_py")}
    assert len(cited) > 20
    files = {p.stem for p in ROOT.joinpath("tests", "python").glob("test_*.py")}
    missing = sorted(cited - defined - files)
    assert not missing, f"docs/RELIABILITY.md names tests that do not exist: {missing}"


def test_every_row_of_the_reliability_tables_points_at_a_check():
    for row in table_rows():
        if "| target |" in row or re.match(r"\|\s*(sentences|claims|places|offsets|dates|facts)\s*\|", row):
            continue  # the fuzzing log
        shown_by = row.rstrip(" |").rsplit(" | ", 1)[-1]
        if shown_by.startswith("same"):
            continue  # the row above names the test
        assert re.search(r"`[^`]*(test_\w+|\.py|\.rs)[^`]*`", shown_by), f"no test named in: {row[:120]}"
