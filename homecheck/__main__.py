"""`python -m homecheck` runs the same entry point as the `homecheck` command."""

import sys

from homecheck.app import main

sys.exit(main())
