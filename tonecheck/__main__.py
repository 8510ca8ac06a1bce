"""``python -m tonecheck``: the command line."""

import sys

from tonecheck.cli import main

sys.exit(main())
