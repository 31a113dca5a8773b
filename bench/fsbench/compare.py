"""The parent side of a task: one worker process per engine, rounds alternated, medians taken.

All workers of a task are started, warmed up and calibrated first; then each round runs every
worker once, one at a time, in an order that rotates (and reverses every other round), so that
each engine meets the machine's changing load at every position. Throughput is the median over
rounds of the bytes of one round over its wall time; CPU time is kept beside it, since this
machine is shared and its other load shows in wall time only.
"""

from __future__ import annotations

import json
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

from . import BENCH_DIR
from .tasks import get

# Seconds a worker may take to answer, per request.
TIMEOUTS = {"ready": 600.0, "run": 300.0, "memory": 30.0, "score": 1200.0}


class WorkerFailed(Exception):
    pass


@dataclass
class Settings:
    rounds: int = 5
    round_seconds: float = 1.0
    eval_dir: str | None = None
    engines: list[str] | None = None  # None: all of the task's engines
    pythons: dict[str, str] = field(default_factory=dict)  # venv name -> interpreter
    env: dict[str, dict[str, str]] = field(default_factory=dict)  # venv name -> extra environ
    log_dir: str | None = None
    quiet: bool = False


class Worker:
    def __init__(self, task: str, engine, corpus_path: str, settings: Settings, log_dir: str):
        self.engine = engine
        python = settings.pythons.get(engine.venv)
        if not python or not os.path.exists(python):
            raise WorkerFailed(f"no interpreter for the {engine.venv!r} virtualenv "
                               f"({python or 'not configured'}); `make bench` creates it")
        cmd = [python, "-m", "fsbench.worker", task, engine.name, corpus_path,
               "--round-seconds", str(settings.round_seconds)]
        if settings.eval_dir:
            cmd += ["--eval", settings.eval_dir]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(BENCH_DIR), env.get("PYTHONPATH")) if p)
        env.update(settings.env.get(engine.venv, {}))
        self.log_path = os.path.join(log_dir, f"{task}-{engine.name}.log")
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, text=True, env=env)
        self.ready = self.read("ready")
        if "error" in self.ready:
            self.close()
            raise WorkerFailed(self.ready["error"])

    def read(self, what: str) -> dict:
        ready, _, _ = select.select([self.proc.stdout], [], [], TIMEOUTS[what])
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.close()
            raise WorkerFailed(f"the worker {'timed out' if not ready else 'died'} at {what!r}: "
                               f"{self.log_tail()}")
        return json.loads(line)

    def ask(self, op: str) -> dict:
        self.proc.stdin.write(json.dumps({"op": op}) + "\n")
        self.proc.stdin.flush()
        return self.read(op)

    def log_tail(self) -> str:
        self.log.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            lines = [line.strip() for line in f if line.strip()]
        return lines[-1][:300] if lines else "(no output)"

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write(json.dumps({"op": "stop"}) + "\n")
                self.proc.stdin.flush()
                self.proc.wait(timeout=30)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def say(settings: Settings, message: str) -> None:
    if not settings.quiet:
        print(message, file=sys.stderr, flush=True)


def run_task(name: str, settings: Settings) -> dict:
    """Times every engine of task ``name`` on the same corpus; returns the task's results."""
    task = get(name)
    corpus = task.corpus(settings.eval_dir)
    wanted = settings.engines or list(task.ENGINES)
    engines = [task.ENGINES[e] for e in wanted if e in task.ENGINES]
    result = {
        "task": name, "title": task.TITLE, "corpus": corpus.description,
        "corpus_mb": corpus.nbytes / 1e6, "rounds": settings.rounds,
        "round_seconds": settings.round_seconds, "engines": {},
        "not_runnable": dict(task.NOT_RUNNABLE),
    }
    with tempfile.TemporaryDirectory(prefix=f"fsbench-{name}-") as tmp:
        log_dir = settings.log_dir or tmp
        os.makedirs(log_dir, exist_ok=True)
        corpus_path = os.path.join(tmp, "corpus.json")
        with open(corpus_path, "w", encoding="utf-8") as f:
            json.dump(corpus.texts, f)
        workers: list[Worker] = []
        for engine in engines:
            say(settings, f"[{name}] starting {engine.label}")
            t0 = time.perf_counter()
            try:
                workers.append(Worker(name, engine, corpus_path, settings, log_dir))
            except WorkerFailed as e:
                result["not_runnable"][engine.label] = str(e)
                say(settings, f"[{name}]   {engine.label} cannot run here: {e}")
                continue
            say(settings, f"[{name}]   ready in {time.perf_counter() - t0:.1f} s")
        times: dict[str, list[dict]] = {w.engine.name: [] for w in workers}
        for r in range(settings.rounds):
            shift = r % len(workers) if workers else 0
            order = workers[shift:] + workers[:shift]
            if r % 2:
                order.reverse()
            for w in list(order):
                if w not in workers:
                    continue
                try:
                    times[w.engine.name].append(w.ask("run"))
                except WorkerFailed as e:
                    result["not_runnable"][w.engine.label] = str(e)
                    workers.remove(w)
            say(settings, f"[{name}] round {r + 1}/{settings.rounds} done")
        for w in list(workers):
            try:
                memory = w.ask("memory")
                accuracy = None
                if settings.eval_dir:
                    say(settings, f"[{name}] scoring {w.engine.label}")
                    accuracy = w.ask("score")
            except WorkerFailed as e:
                result["not_runnable"][w.engine.label] = str(e)
                continue
            finally:
                w.close()
            result["engines"][w.engine.name] = summarize(w, times[w.engine.name], memory, accuracy)
    return result


def summarize(w: Worker, rounds: list[dict], memory: dict, accuracy: dict | None) -> dict:
    nbytes, ntexts = w.ready["bytes_per_round"], w.ready["texts_per_round"]
    wall = [r["seconds"] for r in rounds]
    cpu = [r["cpu_seconds"] for r in rounds]
    median = statistics.median(wall)
    out = {
        "label": w.engine.label, "note": w.engine.note, "version": w.ready["version"],
        "python": w.ready["python"], "venv": w.engine.venv, "load_s": w.ready["load_s"],
        "texts_per_round": ntexts, "bytes_per_round": nbytes,
        "items_first_pass": w.ready["items_first_pass"],
        "seconds": wall, "cpu_seconds": cpu,
        "mb_per_s": nbytes / 1e6 / median,
        "mb_per_cpu_s": nbytes / 1e6 / statistics.median(cpu) if statistics.median(cpu) else None,
        "texts_per_s": ntexts / median,
        "peak_rss_mb": memory["peak_rss_mb"], "baseline_rss_mb": w.ready["baseline_rss_mb"],
    }
    if accuracy is not None:
        if "accuracy" in accuracy:
            out["accuracy"] = accuracy["accuracy"]
            out["accuracy_seconds"] = accuracy["seconds"]
        else:
            out["accuracy_error"] = accuracy["accuracy_error"]
    return out
