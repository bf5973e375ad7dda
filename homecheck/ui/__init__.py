"""The Qt wizard: shows the domain and writes answers into it."""

# Imported before anything here loads PySide6, on purpose: PySide6's import hook reads the
# source of every module imported after it (to look for `from __feature__ import ...`). Loading
# the Qt-free modules the wizard needs first saves a few ms of start-up (measured: about 5 ms).
import dataclasses  # noqa: F401
import datetime  # noqa: F401
import json  # noqa: F401
import sqlite3  # noqa: F401

import homecheck.domain.assessment
import homecheck.fileio
import homecheck.session.history
import homecheck.session.session
import homecheck.store.clients
import homecheck.store.paths
import homecheck.ui.hooks
import homecheck.ui.settings  # noqa: F401
