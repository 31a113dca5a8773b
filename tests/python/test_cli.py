"""The `factsift` command: files or stdin in; a table, JSON Lines or CSV out."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from factsift import cli


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    out = subprocess.run(
        [sys.executable, "-m", "factsift", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return out.returncode, out.stdout, out.stderr


def test_table_for_a_person(capsys, article_path):
    assert cli.main(["--format", "table", str(article_path)]) == 0
    out = capsys.readouterr().out
    assert "17 sentences, 7 claims" in out
    for heading in ("SENTENCES (17)", "CLAIMS (7)", "PLACES", "DATES", "FACTS (7)"):
        assert heading in out
    assert "about 60 kilometers" in out and "Nineveh" in out


def test_jsonl_from_stdin_in_a_pipe(article):
    code, out, err = run("--kind", "claims", stdin=article)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 7
    assert {r["item"] for r in records} == {"claim"}
    assert all(r["file"] == "<stdin>" for r in records)
    first = records[0]
    assert article[first["start"]:first["end"]] == first["text"] == "2,250"


def test_places_keep_their_own_kind_field(capsys, article_path):
    assert cli.main(["--kind", "places", "--format", "jsonl", str(article_path)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["item"] for r in records} == {"place"}
    assert {"country", "admin1", "demonym"} <= {r["kind"] for r in records}


def test_facts_as_nested_json_and_flat_csv(capsys, article_path):
    args = ["--kind", "facts", "--reference-date", "2026-01-25", str(article_path)]
    assert cli.main([*args, "--format", "jsonl"]) == 0
    facts = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert facts[2]["claim"]["text"] == "2,250"
    assert facts[2]["date"]["earliest"] == "2026-01-23"
    assert facts[2]["source"]["name"] == "Saad Maan"
    assert cli.main([*args, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 7
    assert rows[2]["claim"] == "2,250" and rows[2]["source"] == "Saad Maan"
    assert rows[2]["date_earliest"] == "2026-01-23" and rows[2]["place"] == "Iraq"


def test_csv_of_every_kind_has_one_header(capsys, article_path):
    assert cli.main(["--format", "csv", str(article_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("file,item,")
    assert sum(1 for line in lines if line.startswith("file,item,")) == 1
    items = {row["item"] for row in csv.DictReader(io.StringIO("\n".join(lines)))}
    assert items == {"sentence", "claim", "place", "date", "fact"}


def test_several_files_and_other_languages(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Der Präsident kam am 12. Juni. Er sprach lange.", encoding="utf-8")
    b.write_text("今天下雨了。我们留在家里！", encoding="utf-8")
    code, out, err = run("--kind", "sentences", "--format", "jsonl", "--lang", "de", str(a))
    assert code == 0, err
    assert [json.loads(x)["text"] for x in out.splitlines()] == [
        "Der Präsident kam am 12. Juni.",
        "Er sprach lange.",
    ]
    code, out, _ = run("--kind", "sentences", "--format", "jsonl", "--lang", "zh", str(b), str(b))
    assert code == 0 and len(out.splitlines()) == 4


def test_errors_are_one_line_and_exit_1(tmp_path):
    code, out, err = run(str(tmp_path / "missing.txt"))
    assert code == 1 and out == ""
    assert err.startswith("factsift: ") and "missing.txt" in err
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("café".encode("latin-1"))
    code, _, err = run(str(bad))
    assert code == 1 and "utf-8" in err.lower()
    code, _, err = run("--reference-date", "yesterday", stdin="x")
    assert code == 1 and "reference_date" in err


def test_unknown_option_is_a_usage_error():
    code, _, err = run("--kind", "everything", stdin="x")
    assert code == 2 and "invalid choice" in err


def test_version():
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("factsift ")


@pytest.fixture
def article_path():
    from conftest import EXAMPLE

    return EXAMPLE
