"""PyInstaller entry of the console program (homecheck): the command line, the app without one."""

import sys

from homecheck.app import main

if __name__ == "__main__":
    sys.exit(main())
