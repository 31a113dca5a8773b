"""``bench/run.py``: run the comparison, the scaling curve, and write the results.

    make bench                                         # everything (sets up bench/.venv first)
    bench/.venv/bin/python bench/run.py                # the same, once the venvs exist
    bench/.venv/bin/python bench/run.py --tasks claims --engines factsift,quantulum3
    bench/.venv/bin/python bench/run.py --tasks scaling --scaling-max-mb 10

A full run (all tasks and the scaling curve) writes ``bench/results.md``, ``results.json``,
``results.png`` and ``scaling.png`` and rewrites the README's benchmark block. A partial run
prints its tables and writes nothing, unless ``--out`` says where.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time

from . import BENCH_DIR, DEFAULT_EVAL, ROOT
from .compare import Settings, run_task
from .machine import describe, scorer_versions
from .report import readme_block, results_markdown, task_rows, update_readme
from .tasks import TASK_NAMES

ALL = (*TASK_NAMES, "scaling")
CQE_VENV = BENCH_DIR / ".venv-cqe"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", default=",".join(ALL), help=f"comma list of {', '.join(ALL)}")
    ap.add_argument("--engines", help="only these engines (comma list, e.g. factsift,quantulum3)")
    ap.add_argument("--rounds", type=int, default=5, help="alternating rounds per task (default 5)")
    ap.add_argument("--round-seconds", type=float, default=1.0,
                    help="work per engine per round, in seconds (default 1)")
    ap.add_argument("--eval", default=str(DEFAULT_EVAL),
                    help="the shared evaluation folder (default ../shared/eval; used if present)")
    ap.add_argument("--no-eval", action="store_true", help="speed only, on generated texts")
    ap.add_argument("--scaling-max-mb", type=float, default=100.0)
    ap.add_argument("--scaling-rounds", type=int, default=3)
    ap.add_argument("--scaling-single-round-from-mb", type=float, default=10.0)
    ap.add_argument("--scaling-budget", type=float, default=480.0,
                    help="seconds the scaling curve may take; larger sizes are skipped "
                         "(default 480)")
    ap.add_argument("--out", help="write results.md/json and the PNGs here (default for a full "
                                  "run: bench/)")
    ap.add_argument("--readme", default=str(ROOT / "README.md"),
                    help="README whose benchmark block a full run rewrites ('' for none)")
    ap.add_argument("--log-dir", help="keep each worker's stderr here")
    ap.add_argument("--from-json", metavar="RESULTS_JSON",
                    help="measure nothing: write the report, charts and README block again "
                         "from the results.json of an earlier run")
    ap.add_argument("--quiet", action="store_true")
    return ap.parse_args(argv)


def run_scaling(a: argparse.Namespace) -> dict:
    cmd = [sys.executable, "-m", "fsbench.scaling", "--max-mb", str(a.scaling_max_mb),
           "--rounds", str(a.scaling_rounds),
           "--single-round-from-mb", str(a.scaling_single_round_from_mb),
           "--single-max-mb", str(min(10.0, a.scaling_max_mb)), "--budget", str(a.scaling_budget)]
    env = dict(os.environ, PYTHONPATH=str(BENCH_DIR))
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    tasks = [t.strip() for t in a.tasks.split(",") if t.strip()]
    unknown = [t for t in tasks if t not in ALL]
    if unknown:
        raise SystemExit(f"unknown task(s) {unknown}: use {', '.join(ALL)}")
    if a.from_json:
        with open(a.from_json, encoding="utf-8") as f:
            run = json.load(f)
        write(run, a.out or str(BENCH_DIR), a.readme if is_full(run) else "")
        return 0
    run = measure(a, tasks)
    full = is_full(run)
    out_dir = a.out or (str(BENCH_DIR) if full else None)
    if out_dir:
        write(run, out_dir, a.readme if full else "")
    print_tables(run)
    return 0


def is_full(run: dict) -> bool:
    """Every task with every engine, and the scaling curve: what the README block shows."""
    return ({t["task"] for t in run["tasks"]} == set(TASK_NAMES) and "scaling" in run
            and not run["settings"].get("engines"))


def measure(a: argparse.Namespace, tasks: list[str]) -> dict:
    """Runs the tasks and the scaling curve; returns everything as one JSON-able dict."""
    eval_dir = None if a.no_eval or not os.path.isdir(a.eval) else os.path.abspath(a.eval)

    import factsift

    started = time.perf_counter()
    settings = Settings(
        rounds=a.rounds, round_seconds=a.round_seconds, eval_dir=eval_dir,
        engines=a.engines.split(",") if a.engines else None,
        pythons={"main": sys.executable, "cqe": str(CQE_VENV / "bin" / "python")},
        env={"cqe": {"LOCPATH": str(CQE_VENV / "locale")}}
        if (CQE_VENV / "locale").is_dir() else {},
        log_dir=a.log_dir, quiet=a.quiet,
    )
    run = {
        "machine": describe(), "factsift_version": factsift.__version__,
        "scorers": scorer_versions(eval_dir), "eval_dir": eval_dir,
        "settings": {"rounds": a.rounds, "round_seconds": a.round_seconds,
                     "engines": a.engines},
        "tasks": [],
    }
    for name in tasks:
        if name != "scaling":
            run["tasks"].append(run_task(name, settings))
    if "scaling" in tasks:
        if not a.quiet:
            print("[scaling] analyze_many on 1 and 2 threads", file=sys.stderr, flush=True)
        run["scaling"] = run_scaling(a)
    run["load_average_end"] = round(os.getloadavg()[0], 2)
    run["wall_seconds"] = time.perf_counter() - started
    return run


def write(run: dict, out_dir: str, readme: str) -> None:
    """results.json, results.md, the PNGs (when matplotlib is there) and the README block."""
    os.makedirs(out_dir, exist_ok=True)
    run["charts"] = []
    if importlib.util.find_spec("matplotlib"):
        from . import charts

        if run["tasks"]:
            charts.throughput_accuracy(run, os.path.join(out_dir, "results.png"))
            run["charts"].append(("Throughput against accuracy, per task", "results.png"))
        if run.get("scaling"):
            charts.scaling(run, os.path.join(out_dir, "scaling.png"))
            run["charts"].append(("analyze_many: cost against input size", "scaling.png"))
    with open(os.path.join(out_dir, "results.json"), "w", encoding="utf-8") as f:
        json.dump(run, f, indent=1)
    with open(os.path.join(out_dir, "results.md"), "w", encoding="utf-8") as f:
        f.write(results_markdown(run))
    if readme:
        readme_run = dict(run, charts=[(alt, f"bench/{p}") for alt, p in run["charts"]])
        if not update_readme(readme, readme_block(readme_run)):
            print(f"{readme}: no benchmark markers; README left alone", file=sys.stderr)
    print(f"wrote {out_dir}/results.md", file=sys.stderr)


def print_tables(run: dict) -> None:
    for result in run["tasks"]:
        header, rows = task_rows(result)
        print(f"\n{result['title']}: {result['corpus']}")
        print("| " + " | ".join(header) + " |")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        for tool, why in result["not_runnable"].items():
            print(f"  not runnable: {tool}: {why}")
    if run.get("scaling"):
        for p in run["scaling"]["points"]:
            print(f"scaling {p['bytes'] / 1e6:g} MB: " + ", ".join(
                f"{t} thread(s) {v['mb_per_s']:.2f} MB/s" for t, v in p["threads"].items()))
