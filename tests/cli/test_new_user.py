"""The command line read as a new user reads it: what each command's help says, and mistakes
any new user makes (an empty name, a huge ID, an extra word) give one line, exit 2 and change
nothing (issue 14 item 5, issue 17's contract)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from homecheck.cli import build_parser, run

PREFIX = "homecheck: error: "
EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
FILE = str(EXAMPLES / "full-check.json")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_exit_2(code: int, out: str, err: str) -> str:
    assert code == 2 and out == "", (code, out, err)
    assert err.startswith(PREFIX) and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return list(sub.choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("command", _commands())
def test_every_command_help_says_what_it_does(capsys, command: str) -> None:
    with pytest.raises(SystemExit):
        run([command, "--help"])
    out = capsys.readouterr().out
    _usage, _, rest = out.partition("\n\n")
    # A sentence or more under the usage line, before the list of arguments and options.
    description = rest.split("\n\n")[0]
    assert not description.startswith(("positional arguments", "options")), out
    assert len(description.split()) >= 6, out


def test_the_main_help_gives_the_exit_statuses_and_the_data_folder(capsys) -> None:
    with pytest.raises(SystemExit):
        run(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "HOMECHECK_DATA_DIR" in out
    assert "exit status" in out.lower() and " 1 " in out and " 2 " in out


@pytest.mark.parametrize(
    "argv",
    [
        ("validate", ""),
        ("score", ""),
        ("report", "", "-o", "{tmp}/r.pdf"),
        ("report", FILE, "-o", ""),
        ("report", FILE, "-o", "{tmp}/r.pdf", "--previous", ""),
        ("export-fhir", FILE, "-o", ""),
        ("blank", "-o", ""),
        ("export", "1", "-o", ""),
        ("import", ""),
        ("import", "{tmp}/a.json", ""),
        ("backup", "-o", ""),
        ("restore", ""),
    ],
)
def test_an_empty_name_is_refused_and_never_means_this_folder(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
) -> None:
    # "" was read as ".": `import ""` stored every check file in the current folder.
    work = tmp_path / "cwd"
    work.mkdir()
    (work / "visit.json").write_bytes((EXAMPLES / "full-check.json").read_bytes())
    monkeypatch.chdir(work)
    before = sorted(os.listdir(work))
    err = _one_line_exit_2(*_run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in argv)))
    assert "empty" in err
    assert sorted(os.listdir(work)) == before and not list(tmp_path.glob("r.pdf"))
    # Nothing was stored (the data folder holds no store with checks).
    code, out, _ = _run(capsys, "list", "--json")
    assert (code, out.strip()) == (0, "[]")


@pytest.mark.parametrize("check_id", ["99999999999999999999", str(2**63), "-5", "0"])
def test_an_id_that_cannot_exist_is_an_unknown_id(capsys, tmp_path: Path, check_id: str) -> None:
    assert _run(capsys, "import", FILE)[0] == 0  # a store with one check
    target = tmp_path / "x.json"
    err = _one_line_exit_2(*_run(capsys, "export", check_id, "-o", str(target)))
    assert f"no check with ID {check_id}" in err
    assert list(tmp_path.iterdir()) == [tmp_path / "homecheck-data"]


def test_an_extra_word_names_the_command_whose_help_to_read(capsys, tmp_path: Path) -> None:
    err = _one_line_exit_2(*_run(capsys, "export", "1", "2", "-o", str(tmp_path / "x.json")))
    assert "unrecognized arguments: 2" in err and "'homecheck export --help'" in err
    err = _one_line_exit_2(*_run(capsys, "list", "extra"))
    assert "'homecheck list --help'" in err


@pytest.mark.parametrize("where", ["is_a_file", "inside_a_file"])
def test_a_data_folder_that_cannot_be_used_is_said_once(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    folder = blocker if where == "is_a_file" else blocker / "homecheck"
    monkeypatch.setenv("HOMECHECK_DATA_DIR", str(folder))
    for argv in (["list"], ["list", "--json"], ["import", FILE], ["backup", "-o", "b.zip"],
                 ["restore", FILE]):  # fmt: skip
        code, out, err = _run(capsys, *argv)
        assert code == 1 and out == "" and err.count("\n") == 1, (argv, err)
        assert err.startswith(PREFIX) and str(folder) in err
        # One plain sentence, not the same thing said twice in brackets.
        assert err.count("data folder") <= 1, err
    assert blocker.read_text() == "not a folder"


@pytest.mark.parametrize(
    "argv",
    [("validate", "\ud800"), ("import", "\ud800"), ("export", "1", "-o", "\ud800"),
     ("report", FILE, "-o", "\ud800.pdf"), ("restore", "\ud800"), ("backup", "-o", "\ud800")],
)  # fmt: skip
def test_a_name_no_file_can_have_is_refused(capsys, argv: tuple[str, ...]) -> None:
    # A lone surrogate (possible in argv on Windows, or from a script) used to end in a
    # UnicodeEncodeError traceback.
    err = _one_line_exit_2(*_run(capsys, *argv))
    assert "\\ud800" in err and ": not a file name on this system" in err


def test_export_where_its_photos_folder_would_be_is_a_file_says_so(
    capsys, tmp_path: Path
) -> None:
    from PIL import Image

    from homecheck.domain.assessment import Answer, Assessment
    from homecheck.store.db import Store
    from homecheck.store.paths import data_dir, database_path
    from homecheck.store.photos import import_photo

    Image.new("RGB", (30, 20), (200, 10, 10)).save(tmp_path / "p.png")
    photo = import_photo(tmp_path / "p.png", data_dir())
    store = Store(database_path())
    check_id = store.create_check(Assessment(
        areas=["stairs"], answers={"stairs.rail_both_sides": Answer("hazard", photos=[photo])}))
    store.close()
    (tmp_path / "visit.photos").write_text("mine")
    err = _one_line_exit_2(*_run(capsys, "export", str(check_id), "-o",
                                 str(tmp_path / "visit.json")))  # fmt: skip
    # Before: "visit.json: cannot write the file (File exists)", which named the wrong file.
    assert f"{tmp_path / 'visit.photos'}: is a file" in err
    assert (tmp_path / "visit.photos").read_text() == "mine"
    assert not (tmp_path / "visit.json").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "argv", [("checklist", "--json"), ("validate", FILE), ("score", FILE), ("list", "--json")]
)
def test_a_full_disk_on_stdout_is_one_line_not_a_traceback(
    tmp_path: Path, argv: tuple[str, ...]
) -> None:
    import subprocess
    import sys

    root = Path(__file__).parents[2]
    env = {**os.environ, "HOMECHECK_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(root)}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "homecheck", *argv],
            stdout=full, stderr=subprocess.PIPE, text=True, env=env, cwd=root, timeout=120,
        )  # fmt: skip
    # Before: a traceback ending in "OSError: [Errno 28] No space left on device", exit 1.
    assert done.returncode == 2
    assert done.stderr == "homecheck: error: cannot write the output (No space left on device)\n"
