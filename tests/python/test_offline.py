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


def test_analysis_works_with_sockets_disabled(article):
    # A fresh interpreter where creating any socket raises: import and analyse must still work.
    code = f"""
import socket
def refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import factsift as fs
doc = fs.analyze(open({str(PACKAGE.parents[1] / "examples" / "iraq_detainees.txt")!r}, encoding="utf-8").read())
print(len(doc.sentences))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "17"
