"""Run homecheck from a source checkout: `python main.py` does what `homecheck` does."""

import sys

from homecheck.app import main

if __name__ == "__main__":
    sys.exit(main())
