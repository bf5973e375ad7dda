"""Child for the start-up failure tests: the real start-up (settings, data folder, store) with
dialogs that are recorded instead of shown; prints one JSON line with what happened."""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from homecheck.ui.main_window import create_main_window
from tests.ui.fakes import FakeDialogs


def main() -> int:
    dialogs = FakeDialogs()
    try:
        wizard = create_main_window(dialogs=dialogs)  # settings read from the data folder too
    except BaseException as exc:  # reported, so the test can show what escaped
        print(json.dumps({"escaped": f"{type(exc).__name__}: {exc}", "calls": dialogs.calls}))
        return 3
    result = {"window": wizard is not None, "calls": dialogs.calls}
    if wizard is not None:
        session = wizard.ctx.session
        result["read_only"] = bool(getattr(session.store, "read_only", False))
        result["checks"] = len(session.store.list_checks())
        session.close()
    print(json.dumps(result))
    return 0 if wizard is not None else 1


if __name__ == "__main__":
    sys.exit(main())
