"""Local SQLite store for autosave, clients and their checks (no Qt)."""
