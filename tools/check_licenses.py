#!/usr/bin/env python3
"""Check, offline, that everything shipped in the wheel has a licence compatible with MIT.

* Rust: every crate compiled into the extension (normal dependencies of `factsift-python`,
  transitively, for this platform) must carry an SPDX expression that an allowed licence satisfies.
  Read from `cargo metadata --offline`, which needs no network once the crates are fetched.
* Python: the package has no runtime dependencies; the optional extras (those of pyproject.toml's
  `optional-dependencies`, and the engines the helper modules drive: dask, distributed, polars,
  pyspark) and everything they require, transitively, are checked from their installed metadata
  when present.

Exit status 0 when everything is allowed; otherwise the offenders are listed.
"""

from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys
from importlib import metadata

ROOT = pathlib.Path(__file__).resolve().parents[1]

# Permissive licences whose terms an MIT-licensed wheel can meet by shipping notices.
ALLOWED = {
    "MIT", "MIT-0", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib", "0BSD",
    "Unicode-3.0", "Unicode-DFS-2016", "CC0-1.0", "Unlicense", "BSL-1.0", "Apache-2.0 WITH LLVM-exception",
}

# Python distributions the helper modules work with beyond the declared extras, and the words
# their licence metadata may use.
PYTHON_ENGINES = ("dask", "distributed", "numpy", "polars", "pyspark")
PYTHON_ALLOWED_WORDS = ("MIT", "BSD", "Apache", "MPL", "Mozilla", "ISC", "PSF",
                        "Python Software Foundation", "Unlicense", "CC0", "Zlib")


def spdx_ok(expression: str) -> bool:
    """True when some alternative of an SPDX `OR` expression is entirely allowed."""
    expression = expression.replace("/", " OR ")
    for alternative in re.split(r"\s+OR\s+", expression.strip("() ")):
        parts = [p.strip("() ") for p in re.split(r"\s+AND\s+", alternative)]
        if all(p in ALLOWED for p in parts):
            return True
    return False


def shipped_crates() -> list[dict]:
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--offline", "--locked",
         "--filter-platform", _host_triple()],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    meta = json.loads(out.stdout)
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = next(p["id"] for p in meta["packages"] if p["name"] == "factsift-python")
    seen, stack = set(), [root]
    while stack:
        node = nodes[stack.pop()]
        for dep in node["deps"]:
            # Only what is linked into the artifact: normal dependencies (no dev-dependencies);
            # build-dependencies run at build time and are not shipped.
            if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                stack.append(dep["pkg"])
    return [packages[i] for i in sorted(seen)]


def _host_triple() -> str:
    out = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True).stdout
    return next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("host:"))


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\s;\[<>=!~(]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def python_packages() -> list[str]:
    """The extras and engines, then everything they require (not their own extras), by name."""
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = pyproject["project"].get("optional-dependencies", {})
    todo = [_requirement_name(r) for reqs in extras.values() for r in reqs]
    todo += list(PYTHON_ENGINES)
    seen: list[str] = []
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.append(name)
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue
        todo += [_requirement_name(r) for r in requires if not re.search(r"\bextra\s*==", r)]
    return seen


def main() -> int:
    problems = []
    crates = shipped_crates()
    for p in crates:
        if p["source"] is None:  # our own crates
            continue
        licence = p.get("license") or ""
        if not licence or not spdx_ok(licence):
            problems.append(f"crate {p['name']} {p['version']}: {licence or 'no licence field'}")
    checked_py = []
    for name in python_packages():
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        fields = [dist.metadata.get("License-Expression") or "", dist.metadata.get("License") or ""]
        fields += [c for c in dist.metadata.get_all("Classifier") or [] if c.startswith("License")]
        text = " ".join(fields)
        checked_py.append(name)
        if not any(word in text for word in PYTHON_ALLOWED_WORDS):
            problems.append(f"python {name} {dist.version}: {text[:120] or 'no licence metadata'}")
    print(f"checked {len(crates)} crates and {len(checked_py)} installed Python packages "
          f"({', '.join(checked_py) or 'none installed'})")
    for line in problems:
        print("NOT ALLOWED:", line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
