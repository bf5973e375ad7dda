"""homecheck: a room-by-room fall-hazard check for the home, with a printable action list."""

__version__ = "0.1.0"
