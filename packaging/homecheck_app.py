"""PyInstaller entry of the windowed program (homecheck-app): the app, never the command line."""

import sys

from homecheck.app import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
