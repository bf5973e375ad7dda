"""Why the store cannot be used, in plain words: the errors every part of the store raises.

The two about schema versions (a store of a newer homecheck, a read-only store that needs an
upgrade) are in homecheck.store.migrations, beside the version they name.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The store cannot be used; the message says why in plain words."""


class StoreDamaged(StoreError):
    """The database file exists but is not a homecheck store we can read."""


class StoreGone(StoreError):
    """The store file was deleted or replaced by another process since it was opened."""


class StoreReadOnly(StoreError):
    """The store was opened read-only (its file or folder cannot be written): it can be read,
    nothing can be changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} can be read but not changed (the file or its folder is read-only); "
            "nothing was changed"
        )
