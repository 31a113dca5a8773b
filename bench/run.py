#!/usr/bin/env python3
"""factsift against its peers, in one run: ``make bench``, or this script from bench/.venv.

See ``bench/README.md`` and ``python bench/run.py --help``.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from fsbench.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
