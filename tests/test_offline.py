"""Nothing in homecheck tries the network: every command works with socket creation failing."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from homecheck.cli import run
from tests.conftest import NetworkUsed

ROOT = Path(__file__).resolve().parent.parent


def test_the_guard_really_blocks_sockets(no_network: list[str]) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert len(no_network) == 2


def test_score_report_and_fhir_export_work_offline(
    no_network: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = str(ROOT / "docs/examples/therapist-visit.json")
    assert run(["score", example, "--json"]) == 0
    assert run(["report", example, "-o", str(tmp_path / "list.pdf")]) == 0
    assert run(["export-fhir", example, "-o", str(tmp_path / "fhir.json")]) == 0
    assert (tmp_path / "list.pdf").read_bytes().startswith(b"%PDF")
    assert no_network == []
    assert capsys.readouterr().err == ""
