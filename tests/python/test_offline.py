"""factsift never touches the network: not at import, not at run time."""

from __future__ import annotations

import pathlib
import subprocess
import sys

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "python" / "factsift"

NETWORK_MODULES = ("socket", "urllib", "http.client", "requests", "httpx", "ftplib", "aiohttp")


def test_no_network_module_is_imported_by_the_package_source():
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for module in NETWORK_MODULES:
            assert f"import {module}" not in source, f"{path.name} imports {module}"
            assert f"from {module}" not in source, f"{path.name} imports from {module}"


def test_every_api_works_with_sockets_disabled(article):
    # A fresh interpreter where creating any socket, resolving a name or opening a URL raises:
    # import, every function, the batch APIs (threads), frames, tables, HTML and the CLI work.
    code = f"""
import socket, sys, urllib.request
def refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.gethostbyname = refuse
urllib.request.urlopen = refuse
import factsift as fs
import factsift.pandas
path = {str(PACKAGE.parents[1] / "examples" / "iraq_detainees.txt")!r}
text = open(path, encoding="utf-8").read()
doc = fs.analyze(text, reference_date="2026-01-25")
assert fs.split_sentences(text) and fs.claims(text) and fs.places(text)
assert fs.dates(text) and fs.facts(text)
assert fs.analyze_many([text] * 8, n_threads=2)[0] == fs.analyze(text)
for kind in ("sentences", "claims", "places", "dates", "facts"):
    assert len(fs.frame([text], kind)) == fs.table([text], kind).num_rows > 0
assert doc._repr_html_() and doc.to_displacy()
sys.argv = ["factsift", "--format", "jsonl", path]
from factsift.cli import main
main()
print(len(doc.sentences), file=sys.stderr)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().splitlines()[-1] == "17"
    assert out.stdout.count("\n") > 10  # the CLI printed its rows
