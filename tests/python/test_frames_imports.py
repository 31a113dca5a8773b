"""``import factsift`` stays light: heavy libraries load only when a function needs them."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ["pandas", "pyarrow", "numpy", "tqdm", "dask", "distributed", "polars", "pyspark",
         "matplotlib", "cloudpickle"]


def modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in out.stdout.split()}


@pytest.mark.parametrize(
    "code",
    [
        "import factsift",
        "import factsift as fs; fs.analyze('Iraq. Syria.'); fs.analyze_many(['a. b.'] * 3)",
        "import factsift as fs; fs.table(['Iraq. Syria.', None], 'sentences')",
        "import factsift.spark, factsift.dask, factsift.display, factsift.frames",
        "import factsift as fs; fs.analyze('Iraq. Syria.')._repr_html_()",
    ],
)
def test_nothing_heavy_is_imported(code):
    loaded = modules_after(code)
    assert "factsift" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_the_functions_that_need_pandas_load_it():
    loaded = modules_after("import factsift as fs; fs.frame(['Iraq. Syria.'], 'sentences')")
    assert {"pandas", "pyarrow"} <= loaded
