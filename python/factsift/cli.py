"""The ``factsift`` command: sentences, claims and places of files or stdin.

    factsift article.txt                      # a table for a person
    factsift --format jsonl *.txt > out.jsonl # one JSON object per item, for a pipe
    cat article.txt | factsift --kind claims --format csv

Without ``--format``, output is a table on a terminal and JSON Lines in a pipe.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from typing import IO, Iterable, Iterator

from factsift._factsift import LANGUAGES, Document, Extractor
from factsift.errors import FactsiftError

KINDS = ("sentences", "claims", "places", "dates", "facts")

# Columns of the table view, per kind: (header, attribute or callable).
_TABLE_COLUMNS = {
    "sentences": [("#", "index"), ("start", "start"), ("end", "end"), ("sentence", "text")],
    "claims": [
        ("#", "sentence"),
        ("claim", "text"),
        ("value", lambda c: _fmt_value(c)),
        ("unit", "unit"),
        ("bound", "bound"),
        ("change", "change"),
        ("concept", "concept"),
    ],
    "places": [
        ("#", "sentence"),
        ("place", "text"),
        ("kind", "kind"),
        ("name", "name"),
        ("cc", "country_code"),
        ("admin1", "admin1"),
        ("lat,lon", lambda p: "" if p.lat is None else f"{p.lat:.3f},{p.lon:.3f}"),
        ("modifier", "modifier"),
    ],
    "dates": [
        ("#", "sentence"),
        ("date", "text"),
        ("kind", "kind"),
        ("relation", "relation"),
        ("earliest", "earliest"),
        ("latest", "latest"),
    ],
    "facts": [
        ("#", "sentence"),
        ("claim", lambda f: f.claim.text),
        ("place", lambda f: f.place.name if f.place else "; ".join(p.name for p in f.places)),
        ("date", lambda f: "" if f.date is None else f.date.text
         + (f" ({f.date.earliest})" if f.date.earliest else "")),
        ("source", lambda f: f.source.name if f.source else ""),
    ],
}


def _fmt_value(c) -> str:
    if c.value is not None:
        v = c.value
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"
    if c.low is not None or c.high is not None:
        return f"{'' if c.low is None else f'{c.low:g}'}–{'' if c.high is None else f'{c.high:g}'}"
    return ""


def _cell(item, getter) -> str:
    value = getter(item) if callable(getter) else getattr(item, getter)
    if value is None:
        return ""
    return str(value).replace("\n", " ")


def _table(rows: list[list[str]], headers: list[str], width: int) -> Iterator[str]:
    """A plain-text table; the last column is cut to fit the terminal width."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    fixed = sum(widths[:-1]) + 2 * (len(widths) - 1)
    widths[-1] = max(10, min(widths[-1], width - fixed))

    def line(cells: list[str]) -> str:
        parts = []
        for i, cell in enumerate(cells):
            w = widths[i]
            if len(cell) > w:
                cell = cell[: w - 1] + "…"
            parts.append(cell.ljust(w))
        return "  ".join(parts).rstrip()

    yield line(headers)
    yield line(["─" * w for w in widths])
    for row in rows:
        yield line(row)


def _print_table(name: str, doc: Document, kinds: Iterable[str], out: IO[str]) -> None:
    width = shutil.get_terminal_size((120, 24)).columns
    out.write(f"{name}: {len(doc.sentences)} sentences, {len(doc.claims)} claims, "
              f"{len(doc.places)} places\n")
    for kind in kinds:
        items = getattr(doc, kind)
        out.write(f"\n{kind.upper()} ({len(items)})\n")
        if not items:
            continue
        columns = _TABLE_COLUMNS[kind]
        rows = [[_cell(item, getter) for _, getter in columns] for item in items]
        for line in _table(rows, [h for h, _ in columns], width):
            out.write(line + "\n")
    out.write("\n")


def _records(
    name: str, doc: Document, kinds: Iterable[str], *, flat: bool = False
) -> Iterator[dict]:
    """One record per item; facts nest their claim, places, date and source unless ``flat``."""
    from factsift.frames import fact_record

    for kind in kinds:
        for item in getattr(doc, kind):
            if kind == "facts" and flat:
                fields = fact_record(item, doc.sentences[item.sentence].text)
            else:
                fields = item.to_dict()
            yield {"file": name, "item": kind[:-1], **fields}


def _read(path: str) -> tuple[str, str]:
    if path == "-":
        return "<stdin>", sys.stdin.read()
    with open(path, encoding="utf-8") as f:
        return path, f.read()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factsift",
        description="Sentences, numeric claims and places from news text.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="UTF-8 text files to analyse ('-' or nothing: stdin)")
    parser.add_argument("--kind", choices=(*KINDS, "all"), default="all",
                        help="what to report (default: all)")
    parser.add_argument("--format", choices=("table", "jsonl", "csv"), default=None,
                        help="output format (default: table on a terminal, jsonl in a pipe)")
    parser.add_argument("--lang", default="en", choices=LANGUAGES, metavar="LANG",
                        help="language code of the texts (default: en)")
    parser.add_argument("--reference-date", metavar="YYYY-MM-DD", default=None,
                        help="the date the texts were written, to resolve 'on Friday', 'last week'")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    out = sys.stdout
    if args.version:
        from factsift import __version__

        out.write(f"factsift {__version__}\n")
        return 0
    fmt = args.format or ("table" if out.isatty() else "jsonl")
    kinds = KINDS if args.kind == "all" else (args.kind,)
    try:
        extractor = Extractor(lang=args.lang, reference_date=args.reference_date)
        writer = None
        for path in args.files or ["-"]:
            name, text = _read(path)
            doc = extractor.analyze(text)
            if fmt == "table":
                _print_table(name, doc, kinds, out)
            elif fmt == "jsonl":
                for record in _records(name, doc, kinds):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                for record in _records(name, doc, kinds, flat=True):
                    if writer is None:
                        writer = _csv_writer(out, kinds)
                    writer.writerow(record)
    except (OSError, UnicodeDecodeError, FactsiftError) as err:
        sys.stderr.write(f"factsift: {err}\n")
        return 1
    except BrokenPipeError:  # pragma: no cover - `factsift big.txt | head`
        return 0
    return 0


def _csv_writer(out: IO[str], kinds: Iterable[str]) -> csv.DictWriter:
    from factsift.frames import schema

    fields = ["file", "item"]
    for kind in kinds:
        fields += [f for f in schema(kind) if f != "doc_id" and f not in fields]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    return writer


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
