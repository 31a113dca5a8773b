"""examples/quickstart.ipynb runs top to bottom, so it cannot rot."""

from __future__ import annotations

import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"


def test_quickstart_notebook_runs_top_to_bottom():
    nb = nbformat.read(EXAMPLES / "quickstart.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.executable)"))
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    t0 = time.perf_counter()
    client.execute()  # raises CellExecutionError on the first failing cell
    elapsed = time.perf_counter() - t0
    print(f"quickstart.ipynb ran in {elapsed:.1f} s")

    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="factsift"' in h for h in html), "the highlighted view is shown"
    assert any("image/png" in o.get("data", {}) for o in outputs), "the map is drawn"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "3000 documents" in text
    # the kernel ran this interpreter, so it tested this build of factsift
    assert text.strip().splitlines()[-1] == sys.executable
