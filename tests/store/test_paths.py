"""The data folder: the platform's per-user folder unless HOMECHECK_DATA_DIR says otherwise."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from homecheck.store import paths

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux XDG rule")


@linux_only
@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/anna"),
        ("/data/anna", "/home/anna"),
        ("", "/home/anna"),
        ("relative/path", "/home/anna"),  # not absolute: ignored, as the XDG spec says
        ("/data/with space", "/home/an na"),
    ],
)
def test_linux_folder_is_the_one_platformdirs_gives(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str
) -> None:
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    monkeypatch.setenv("HOME", home)
    expected = Path(platformdirs.user_data_dir("homecheck", False))
    assert paths._user_data_dir() == expected


@linux_only
def test_without_the_override_the_xdg_folder_is_made(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.database_path() == tmp_path / "xdg" / "homecheck" / paths.DB_NAME
    assert (tmp_path / "xdg" / "homecheck").stat().st_mode & 0o777 == 0o700
