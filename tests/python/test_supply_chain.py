"""Supply chain: shipped licences are permissive; the core stays pure, safe Rust."""

from __future__ import annotations

import importlib.util
import pathlib
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
