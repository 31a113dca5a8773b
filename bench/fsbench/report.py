"""``results.md`` and the README's benchmark block, from the results of one run."""

from __future__ import annotations

import math
import re

from .tasks import get

README_BEGIN = ("<!-- bench:begin (written by `make bench`: edit bench/fsbench/report.py, "
                "not this) -->")
README_END = "<!-- bench:end -->"


def sig(x: float | None) -> str:
    """A throughput with three significant digits (no exponent): 141, 65.7, 0.135, 0.00312."""
    if x is None or not math.isfinite(x):
        return "–"
    if x >= 100:
        return f"{x:,.0f}"
    if x <= 0:
        return "0"
    decimals = max(0, 2 - math.floor(math.log10(x)))
    return f"{x:.{decimals}f}"


def ratio(factsift: float | None, other: float | None) -> str:
    if not factsift or not other:
        return "–"
    r = factsift / other
    return f"{r:,.0f}×" if r >= 10 else f"{r:.2f}×"


def _cell(value, fmt: str) -> str:
    if value is None:
        return "–"
    try:
        return fmt.format(value)
    except (ValueError, TypeError):
        return str(value)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(r) + " |" for r in rows)]


def by_speed(engines: dict) -> list[tuple[str, dict]]:
    """factsift first, then the others, fastest first."""
    return sorted(engines.items(), key=lambda kv: (kv[0] != "factsift", -kv[1]["mb_per_s"]))


def task_rows(result: dict) -> tuple[list[str], list[list[str]]]:
    task = get(result["task"])
    engines = result["engines"]
    base = engines.get("factsift", {}).get("mb_per_s")
    has_accuracy = any("accuracy" in e for e in engines.values())
    header = ["tool", "version", "MB/s", "MB per CPU-s", "texts/s", "factsift ÷ tool",
              "peak RSS MB (before import)"]
    if has_accuracy:
        header += [c.header for c in task.COLUMNS]
    rows = []
    for name, e in by_speed(engines):
        label = f"**{e['label']}**" if name == "factsift" else e["label"]
        row = [label, e["version"], sig(e["mb_per_s"]), sig(e.get("mb_per_cpu_s")),
               f"{e['texts_per_s']:,.0f}" if e["texts_per_s"] >= 10 else f"{e['texts_per_s']:.1f}",
               "1" if name == "factsift" else ratio(base, e["mb_per_s"]),
               f"{e['peak_rss_mb']:,.0f} ({e['baseline_rss_mb']:.0f})"]
        if has_accuracy:
            accuracy = e.get("accuracy") or {}
            row += [_cell(accuracy.get(c.key), c.fmt) for c in task.COLUMNS]
        rows.append(row)
    return header, rows


def machine_lines(run: dict) -> list[str]:
    m = run["machine"]
    header = ["date", "CPU", "cores", "RAM", "OS", "Python", "Rust", "factsift"]
    row = [m["date"], m["cpu"], f"{m['cores']} ({m['cores_usable']} usable)",
           f"{m['ram_gb']} GiB", f"{m['os']}, Linux {m['kernel']}", m["python"],
           (m["rustc"] or "?").replace("rustc ", ""),
           f"{run['factsift_version']} ({m['factsift_commit']})"]
    return _table(header, [row])


def not_runnable_rows(run: dict) -> list[list[str]]:
    rows = []
    for result in run["tasks"]:
        for tool, reason in result["not_runnable"].items():
            rows.append([tool, result["task"], reason])
    return rows


def versions_line(run: dict) -> str:
    seen = {}
    for result in run["tasks"]:
        for e in result["engines"].values():
            seen[e["label"]] = (f"{e['label']} {e['version']} "
                                f"(Python {e['python']}, {e['venv']} venv)")
    return "; ".join(seen.values())


def scaling_lines(scaling: dict) -> list[str]:
    threads = [str(t) for t in scaling["threads"]]
    header = ["input", "texts", "rounds"]
    header += [f"{t} thread{'s' if t != '1' else ''}: MB/s (MB per CPU-s)" for t in threads]
    header += [f"seconds, {t} thread{'s' if t != '1' else ''}" for t in threads]
    rows = []
    for p in scaling["points"]:
        row = [human_bytes(p["bytes"]), f"{p['docs']:,}", str(p["rounds"])]
        row += [f"{sig(p['threads'][t]['mb_per_s'])} ({sig(p['threads'][t]['mb_per_cpu_s'])})"
                for t in threads]
        row += [f"{p['threads'][t]['seconds']:.3g}" for t in threads]
        rows.append(row)
    lines = _table(header, rows)
    if scaling["single_document"]:
        lines += ["", "One document of that size, `analyze()` (1 thread):", ""]
        lines += _table(["input", "rounds", "MB/s", "MB per CPU-s", "seconds"], [
            [human_bytes(s["bytes"]), str(s["rounds"]), sig(s["mb_per_s"]),
             sig(s["bytes"] / 1e6 / s["cpu_seconds"]) if s["cpu_seconds"] else "–",
             f"{s['seconds']:.3g}"] for s in scaling["single_document"]])
    largest = scaling["points"][-1] if scaling["points"] else None
    two = largest and largest["threads"].get("2")
    if two and two["cpu_seconds"]:
        busy = two["cpu_seconds"] / two["seconds"]
        line = (f"At {human_bytes(largest['bytes'])}, the 2-thread run kept {busy:.2f} cores "
                "busy on average")
        if busy < 1.5:
            line += (": a second thread only speeds things up when a second core is idle, and "
                     "with the other jobs on this machine (load average above) none was")
        lines += ["", line + "."]
    comp = scaling.get("components")
    if comp and comp["extractors"]:
        lines += ["", f"Each extractor alone on the {human_bytes(comp['bytes'])} input "
                      f"({comp['docs']:,} texts, one call each, 1 thread): what `analyze` spends "
                      "its time on.", ""]
        names = list(comp["extractors"])
        lines += _table(["", *[f"`{n}`" for n in names]], [
            ["MB/s", *[sig(comp["extractors"][n]["mb_per_s"]) for n in names]],
            ["MB per CPU-s", *[sig(comp["extractors"][n]["mb_per_cpu_s"]) for n in names]]])
    for s in scaling["skipped"]:
        what = "one document" if s.get("single") else "analyze_many"
        lines += ["", f"Skipped ({what}): {human_bytes(s['bytes'])}, projected "
                      f"{s['projected_s']:.0f} s, beyond the curve's budget of "
                      f"{scaling['budget_s']:.0f} s."]
    return lines


def human_bytes(n: float) -> str:
    for unit, size in (("MB", 1e6), ("KB", 1e3)):
        if n >= size * 0.95:
            return f"{n / size:.3g} {unit}"
    return f"{n:.0f} B"


def results_markdown(run: dict) -> str:
    s = run["settings"]
    out = [
        "# factsift benchmark results",
        "",
        "Written by `make bench` (`bench/run.py`); do not edit by hand, run it again. Raw figures: "
        "`bench/results.json`.",
        "",
        "## Machine",
        "",
        *machine_lines(run),
        "",
        f"Load average (1 min) at the start: {run['machine']['load_average_start']}, at the end: "
        f"{run['load_average_end']}. This machine is shared with other jobs, so wall-clock "
        "throughput moves with their load: every figure below is the **median of "
        f"{s['rounds']} alternating rounds** (scaling: "
        f"{run['scaling']['rounds'] if run.get('scaling') else '–'} rounds, one for the largest "
        "inputs), and CPU time (MB per CPU-second) is shown "
        "beside wall time because the load of other jobs does not count in it.",
        "",
        "## How it is measured",
        "",
        f"- Each tool runs in **its own worker process** (`bench/fsbench/worker.py`), from "
        "`bench/.venv` (CQE: `bench/.venv-cqe`, whose pins clash with quantulum3's). A worker "
        "builds the tool, warms it up, and calibrates a round: the task's texts, cycled, for "
        f"about {s['round_seconds']} s of work. Then the parent runs **{s['rounds']} rounds**; in "
        "each, every worker runs its round once, one worker at a time, in an order that rotates "
        "and reverses every other round. Throughput = UTF-8 bytes of a round / its median wall "
        "time. `factsift ÷ tool` is factsift's MB/s over the tool's.",
        "- What is timed is each library's **own call**, one call per text, as a user would "
        "write it (factsift: `fs.split_sentences`, `fs.claims`, `fs.places`); see the notes "
        "under each table.",
        "- **Peak RSS** is the worker's `ru_maxrss` after the timed rounds (before scoring); in "
        "brackets, the RSS before the tool was imported (the interpreter and the texts).",
        "- **Accuracy** comes from the scorers in `../shared/eval` (read in place, never copied), "
        "each tool through the scorer's own adapter (`--peer NAME`; factsift through "
        "`factsift_adapters`), scored in the same worker after the timing. Scorer versions "
        "(SHA-256 prefix): "
        + (", ".join(f"`{k}` {v}" for k, v in run["scorers"].items()) or
           "none: `../shared/eval` was not there, so only speed was measured, on public "
           "generated texts") + ".",
        "",
    ]
    for result in run["tasks"]:
        task = get(result["task"])
        header, rows = task_rows(result)
        out += [f"## {result['title']}", "",
                f"Texts: {result['corpus']} ({result['corpus_mb']:.2f} MB).", "",
                *_table(header, rows), ""]
        notes = [f"{e['label']}: {e['note']}" for e in result["engines"].values() if e["note"]]
        if notes:
            out += ["Timed calls: " + "; ".join(notes) + ".", ""]
        if any("accuracy" in e for e in result["engines"].values()):
            out += [f"Chart axis: {task.HEADLINE.header}.", ""]
        errors = [f"{e['label']}: {e['accuracy_error']}" for e in result["engines"].values()
                  if "accuracy_error" in e]
        if errors:
            out += ["Scoring failed: " + "; ".join(errors) + ".", ""]
    rows = not_runnable_rows(run)
    if rows:
        out += ["## Not runnable here", "", *_table(["tool", "task", "why"], rows), ""]
    if run.get("scaling"):
        sc = run["scaling"]
        out += ["## Scaling: `analyze_many`", "",
                "Inputs: news-like documents generated from the example article "
                "(`bench/fsbench/corpora.py`), adding up to each size; `Extractor.analyze_many` on "
                f"1 and 2 threads, alternating, median of {sc['rounds']} rounds "
                f"(one round from {human_bytes(sc['single_round_from'])}). Linear cost shows as a "
                "flat MB per CPU-second across sizes.", "",
                *scaling_lines(sc), ""]
    if run.get("charts"):
        out += ["## Charts", ""]
        out += [f"![{alt}]({path})" for alt, path in run["charts"]]
        out += [""]
    out += ["## Versions", "", versions_line(run) + ".", "",
            "## Reproduce", "",
            "```sh",
            "make bench    # makes bench/.venv and .venv-cqe, builds factsift, runs bench/run.py",
            "bench/.venv/bin/python bench/run.py --from-json bench/results.json  # re-render only",
            "```", "",
            f"`bench/run.py` itself took {run.get('wall_seconds', 0) / 60:.1f} minutes in this run "
            "(setting up the virtualenvs and building factsift come on top, the first time).", ""]
    return "\n".join(out)


def readme_block(run: dict) -> str:
    m = run["machine"]
    rows = []
    for result in run["tasks"]:
        task = get(result["task"])
        engines = result["engines"]
        base = engines.get("factsift", {}).get("mb_per_s")
        for name, e in by_speed(engines):
            accuracy = (e.get("accuracy") or {}).get(task.HEADLINE.key)
            rows.append([result["title"], f"**{e['label']}**" if name == "factsift" else e["label"],
                         sig(e["mb_per_s"]),
                         "1" if name == "factsift" else ratio(base, e["mb_per_s"]),
                         f"{e['peak_rss_mb']:,.0f}",
                         _cell(accuracy, task.HEADLINE.fmt) if accuracy is not None else "–"])
    lines = [
        README_BEGIN,
        f"Measured {m['date']} on {m['cpu']} ({m['cores']} cores, {m['ram_gb']} GiB, shared and "
        f"loaded: load average {m['load_average_start']}), factsift {run['factsift_version']} "
        f"({m['factsift_commit']}); median of {run['settings']['rounds']} alternating rounds. "
        "Accuracy: sentences = boundary F1 on UD GUM + EWT test; claims = NewsQuant value F1; "
        "places = exact-span F1 on GeoWebNews + TR-News + GeoVirus.",
        "",
        *_table(["task", "tool", "MB/s", "factsift ÷ tool", "peak RSS MB", "accuracy %"], rows),
        "",
    ]
    runnable_not = not_runnable_rows(run)
    if runnable_not:
        lines += ["Not runnable here (reasons in [bench/results.md](bench/results.md)): "
                  + ", ".join(f"{r[0]} ({r[1]})" for r in runnable_not) + ".", ""]
    if run.get("scaling") and run["scaling"]["points"]:
        pts = [p for p in run["scaling"]["points"] if p["threads"].get("1")]
        lines += ["`analyze_many`, 1 thread, MB per CPU-second by input size (flat means linear "
                  "cost): " + " · ".join(
                      f"{human_bytes(p['bytes'])} {sig(p['threads']['1']['mb_per_cpu_s'])}"
                      for p in pts)
                  + ". Wall times, 2 threads and each extractor alone: "
                  "[bench/results.md](bench/results.md).", ""]
    lines += [f"![{alt}]({path})" for alt, path in run.get("charts", [])]
    lines += ["", README_END]
    return "\n".join(lines)


def update_readme(path: str, block: str) -> bool:
    """Replaces the text between the README's bench markers; False if the markers are missing."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    pattern = re.compile(re.escape(README_BEGIN) + r".*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        return False
    with open(path, "w", encoding="utf-8") as f:
        f.write(pattern.sub(lambda _: block, text, count=1))
    return True
