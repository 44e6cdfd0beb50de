"""``python -m factcheck_ext``: the ``sphinx-factcheck`` command."""

import sys

from .cli import main

sys.exit(main())
