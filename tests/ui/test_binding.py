"""The installed Qt binding does not have PySide6 6.12.0's refcount bug in Signal.emit()."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_emit_keeps_the_reference_count_of_true(qapp) -> None:
    # 6.12.0 returns True from emit() without a new reference: 2000 emits take 2000 references
    # away, and the interpreter aborts ("bool_dealloc") soon after. pyproject pins it out.
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(2000):
        emitter.fired.emit()
    assert abs(sys.getrefcount(True) - before) < 200
