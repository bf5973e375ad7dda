"""The session's store, opened again after "delete all data", and the one rule for writes:
nothing is written when the store is read-only or was deleted by another homecheck."""

from __future__ import annotations

from collections.abc import Callable

from homecheck.store.db import Store
from homecheck.store.errors import StoreGone, StoreReadOnly


class StoreGuard:
    """Holds the store a session writes to and refuses writes it cannot take."""

    def __init__(self, store: Store | None, opener: Callable[[], Store] | None = None) -> None:
        self._store = store
        # After "delete all data" the store is opened again only when something is written,
        # so the data folder stays empty until then.
        self._opener = opener

    @property
    def store(self) -> Store:
        """The open store (opened again on first use after everything was deleted)."""
        if self._store is None:
            if self._opener is None:
                raise RuntimeError("the store was closed and cannot be opened again")
            self._store = self._opener()
        return self._store

    @property
    def is_open(self) -> bool:
        """False after everything was deleted and nothing has been written since."""
        return self._store is not None

    @property
    def read_only(self) -> bool:
        """True when nothing can be changed: the store can only be read (its file or folder
        is read-only), or it was deleted by another homecheck since it was opened."""
        return self._store is not None and (self._store.read_only or self._store.gone)

    @property
    def store_gone(self) -> bool:
        """True once a write found the store deleted or replaced by another homecheck."""
        return self._store is not None and self._store.gone

    def _refuse_if_read_only(self) -> None:
        """Before any change: StoreReadOnly (or StoreGone) when nothing can be written, so
        the answers on screen stay what is stored. The window disables what would write;
        this is the rule behind it."""
        store = self._store
        if store is None or not (store.read_only or store.gone):
            return
        if store.gone:
            raise StoreGone(f"{store.path} was deleted or replaced by another homecheck window")
        raise StoreReadOnly(store.path)

    def check_can_write(self) -> None:
        """Before work that writes files of its own (a photo, a check file to store): the same
        refusal as any write (StoreReadOnly, or StoreGone when another homecheck deleted the
        store), so nothing is written beside a store that cannot take it."""
        self._refuse_if_read_only()
        if self._store is not None:
            self._store.ensure_present()

    def close(self) -> None:
        """Close the store, if it is open."""
        if self._store is not None:
            self._store.close()
            self._store = None
