"""``python -m factsift``: the same as the ``factsift`` command."""

import sys

from factsift.cli import main

sys.exit(main())
