"""Supply chain: shipped licences are permissive; the core stays pure, safe Rust."""

from __future__ import annotations

import importlib.util
import pathlib
import re
import subprocess
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_licenses", ROOT / "tools" / "check_licenses.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_spdx_expressions_are_judged_correctly():
    check = _load_checker()
    assert check.spdx_ok("MIT OR Apache-2.0")
    assert check.spdx_ok("(MIT OR Apache-2.0) AND Unicode-3.0")
    assert check.spdx_ok("MIT/Apache-2.0")
    assert not check.spdx_ok("GPL-3.0")
    assert not check.spdx_ok("MIT AND GPL-2.0-only")
    assert not check.spdx_ok("")


def test_every_shipped_crate_and_extra_has_an_allowed_licence(capsys):
    check = _load_checker()
    status = check.main()
    out = capsys.readouterr().out
    assert status == 0, out
    assert "checked" in out


def test_core_is_pure_safe_rust():
    manifest = tomllib.loads((ROOT / "Cargo.toml").read_text())
    assert "pyo3" not in manifest["dependencies"]
    assert "#![forbid(unsafe_code)]" in (ROOT / "src" / "lib.rs").read_text()
    for path in (ROOT / "src").rglob("*.rs"):
        assert "pyo3" not in path.read_text(), f"{path} mentions pyo3"


def test_the_check_covers_every_crate_linked_into_the_extension():
    # Cross-check with cargo's own view of what the extension links: every crate in
    # `cargo tree -e normal` (offline) must be among those whose licence was checked.
    check = _load_checker()
    checked = {(p["name"], p["version"]) for p in check.shipped_crates()}
    tree = subprocess.run(
        ["cargo", "tree", "-e", "normal", "-p", "factsift-python", "--offline", "--locked",
         "--prefix", "none", "--target", check._host_triple()],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    linked = set()
    for line in tree.splitlines():
        m = re.match(r"(\S+) v(\S+)", line)
        if m and "(" + str(ROOT) not in line and "(/" not in line:
            linked.add((m.group(1), m.group(2)))
    assert len(linked) > 30
    assert linked <= checked, f"not checked: {sorted(linked - checked)}"


def test_the_python_check_follows_the_extras_and_what_they_require():
    check = _load_checker()
    names = check.python_packages()
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    for requirement in (r for reqs in extras.values() for r in reqs):
        assert check._requirement_name(requirement) in names
    if importlib.util.find_spec("pandas") is not None:
        assert "tzdata" in names or "python-dateutil" in names  # pandas' own requirements


NETWORK_CRATES = ("reqwest", "hyper", "ureq", "curl", "tokio", "mio", "socket2", "h2", "rustls",
                  "native-tls", "openssl", "attohttpc", "isahc", "surf")


def test_nothing_shipped_can_reach_the_network():
    # No crate that opens connections is linked in, and no Rust source of ours names std::net.
    check = _load_checker()
    shipped = {p["name"] for p in check.shipped_crates()}
    assert not shipped & set(NETWORK_CRATES), shipped & set(NETWORK_CRATES)
    for path in [*(ROOT / "src").rglob("*.rs"), *(ROOT / "bindings").rglob("*.rs")]:
        source = path.read_text()
        for word in ("std::net", "TcpStream", "UdpSocket", "TcpListener", "ToSocketAddrs"):
            assert word not in source, f"{path.relative_to(ROOT)} mentions {word}"

