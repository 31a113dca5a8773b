"""What the numbers were measured on: date, CPU, cores, RAM, load, and software versions."""

from __future__ import annotations

import datetime
import hashlib
import os
import platform
import subprocess
import sys

from . import ROOT


def _first(path: str, key: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith(key):
                    return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1]
    except OSError:
        pass
    return None


def _run(cmd: list[str], cwd=None) -> str | None:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=cwd,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def describe() -> dict:
    """The machine and the build, as a flat dict of strings and numbers."""
    mem_kb = _first("/proc/meminfo", "MemTotal")
    os_name = _first("/etc/os-release", "PRETTY_NAME=")
    commit = _run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT)
    dirty = _run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT)
    try:
        cores_usable = len(os.sched_getaffinity(0))
    except AttributeError:
        cores_usable = os.cpu_count()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "cores_usable": cores_usable,
        "ram_gb": round(int(mem_kb.split()[0]) / 1024**2, 1) if mem_kb else None,
        "os": (os_name or platform.system()).strip().strip('"'),
        "kernel": platform.release(),
        "python": sys.version.split()[0],
        "rustc": _run(["rustc", "--version"]),
        "factsift_commit": (commit + ("+local changes" if dirty else "")) if commit else None,
        "load_average_start": round(os.getloadavg()[0], 2),
    }


def file_digest(path: str) -> str:
    """The first 12 hex digits of a file's SHA-256: which version of a scorer was used."""
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def scorer_versions(eval_dir: str | None) -> dict:
    if not eval_dir:
        return {}
    names = ["score_sentences.py", "score_numbers.py", "score_locations.py", "factsift_adapters.py"]
    return {n: file_digest(os.path.join(eval_dir, n)) for n in names
            if os.path.exists(os.path.join(eval_dir, n))}
