"""Personal preferences (language, text size, high contrast) and the folder last used for each
kind of file, kept in a small JSON file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from homecheck.fileio import atomic_write
from homecheck.i18n import DEFAULT_LANGUAGE, LANGUAGES
from homecheck.store.paths import data_dir

FILE_NAME = "settings.json"
# Text sizes in points: 14 pt is the smallest we offer older readers, 20 pt the largest step.
TEXT_SIZES: tuple[int, ...] = (14, 16, 18, 20)
DEFAULT_TEXT_SIZE = TEXT_SIZES[0]


class FileKind(StrEnum):
    """The kinds of file a person opens or saves; each kind remembers its own folder (a
    therapist attaches photos from the camera's folder, and saves the lists somewhere else)."""

    PHOTOS = "photos"
    CHECK_FILES = "check_files"  # saved checks (.json with their photos), opened and saved
    ACTION_LISTS = "action_lists"  # PDFs: the action list and the paper checklist
    BACKUPS = "backups"
    RECORDS = "records"  # the FHIR export for a health record system


@dataclass
class Settings:
    """What the person chose last time; read at start-up, written after every change."""

    language: str = DEFAULT_LANGUAGE
    text_size: int = DEFAULT_TEXT_SIZE
    high_contrast: bool = False
    # The folder each kind of file was last opened from or saved to (FileKind value → path).
    folders: dict[str, str] = field(default_factory=dict)

    def folder(self, kind: FileKind) -> Path | None:
        """The folder last used for ``kind`` when it is still there (a USB stick taken out, a
        folder deleted: None, and the dialog starts elsewhere)."""
        remembered = self.folders.get(kind.value)
        if not remembered:
            return None
        path = Path(remembered)
        try:
            return path if path.is_absolute() and path.is_dir() else None
        except OSError:  # a drive that does not answer
            return None

    def remember(self, kind: FileKind, folder: Path) -> None:
        """Remember ``folder`` as the one last used for ``kind``."""
        self.folders[kind.value] = str(folder)

    def larger(self) -> bool:
        """Step the text size up; False when it is already the largest."""
        return self._step(+1)

    def smaller(self) -> bool:
        """Step the text size down; False when it is already the smallest."""
        return self._step(-1)

    def _step(self, direction: int) -> bool:
        index = TEXT_SIZES.index(self.text_size) + direction
        if not 0 <= index < len(TEXT_SIZES):
            return False
        self.text_size = TEXT_SIZES[index]
        return True


def settings_path() -> Path:
    """Return the settings file inside the (private) data folder."""
    return data_dir() / FILE_NAME


def desktop_language(ui_languages: Sequence[str]) -> str:
    """The first of the desktop's languages that homecheck speaks ("nl_BE", "en-US" …), else
    the default."""
    for name in ui_languages:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def load_settings(path: Path | None = None, default_language: str = DEFAULT_LANGUAGE) -> Settings:
    """Read the settings; a missing or unreadable file simply gives the defaults (the language:
    ``default_language``, the desktop's on a first start)."""
    try:  # the data folder itself may be unusable: start-up then says why (main_window)
        path = path or settings_path()
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings(language=default_language)
    if not isinstance(raw, dict):
        return Settings(language=default_language)
    settings = Settings(language=default_language)
    # Each value is checked on its own, so one bad entry never discards the others.
    if raw.get("language") in LANGUAGES:
        settings.language = raw["language"]
    if raw.get("text_size") in TEXT_SIZES and not isinstance(raw.get("text_size"), bool):
        settings.text_size = int(raw["text_size"])
    if isinstance(raw.get("high_contrast"), bool):
        settings.high_contrast = raw["high_contrast"]
    if isinstance(raw.get("folders"), dict):
        kinds = {kind.value for kind in FileKind}
        settings.folders = {
            kind: folder
            for kind, folder in raw["folders"].items()
            if kind in kinds and isinstance(folder, str) and folder
        }
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (OSError when the disk refuses)."""
    data = json.dumps(asdict(settings), indent=2).encode("utf-8")
    atomic_write(path or settings_path(), data)
