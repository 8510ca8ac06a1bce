"""``python -m tonecheck_server [options]``: the same as ``tonecheck serve [options]``."""

import sys

from tonecheck.cli import main

sys.exit(main(["serve", *sys.argv[1:]]))
