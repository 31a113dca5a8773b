"""A cheap leak check: RSS does not climb over tens of thousands of calls."""

from __future__ import annotations

import gc
import pathlib
import sys

import pytest

import factsift as fs

STATUS = pathlib.Path("/proc/self/status")


def rss_mb() -> float:
    for line in STATUS.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_memory_is_flat_over_many_calls(article):
    text = article[:600]
    calls = [
        fs.claims,
        fs.places,
        fs.sentences,
        fs.analyze,
        lambda t: fs.analyze_many([t, t], n_threads=2),
        lambda t: fs.table([t, None], "sentences"),
        lambda t: fs.analyze(t).to_dict(),
    ]

    def run(n):
        for i in range(n):
            calls[i % len(calls)](text)
        gc.collect()

    run(5_000)  # warm up: default extractor, pools, allocator arenas
    before = rss_mb()
    run(35_000)
    after = rss_mb()
    # Each call allocates kilobytes (the objects of ~4 sentences); a leak of even 100 bytes per
    # call would show as 3.5 MB here. Allow some noise from the allocator.
    assert after - before < 3, f"RSS grew from {before:.1f} MB to {after:.1f} MB"
