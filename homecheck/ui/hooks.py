"""Plain Python callbacks for our own widget events, instead of PySide Signal.emit().

PySide6 6.12.0's ``Signal.emit()`` returns ``True`` without a new reference; every call
from Python lowers True's reference count by one, and after a few hundred answers the
interpreter aborts at exit ("bool_dealloc"). Our own events therefore use this hook.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Hook(Generic[T]):
    """A list of callbacks with one argument; ``connect`` like a Qt signal, call to fire."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], object]] = []

    def connect(self, callback: Callable[[T], object]) -> None:
        """Call ``callback(value)`` each time the hook fires."""
        self._callbacks.append(callback)

    def __call__(self, value: T) -> None:
        for callback in list(self._callbacks):
            callback(value)


class Trigger:
    """A hook without an argument."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[], object]] = []

    def connect(self, callback: Callable[[], object]) -> None:
        """Call ``callback()`` each time the trigger fires."""
        self._callbacks.append(callback)

    def __call__(self) -> None:
        for callback in list(self._callbacks):
            callback()
