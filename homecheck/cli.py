"""Headless command line: checklist, validate, score and report (one-line errors, exit 2)."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from homecheck import __version__
from homecheck.app import STOPPED_BY_SIGNAL
from homecheck.domain import assessment as fmt
from homecheck.domain import person_summary
from homecheck.domain.actions import build_actions, open_counts
from homecheck.domain.content import Checklist, checklist
from homecheck.domain.scoring import score_home
from homecheck.domain.wording import action_texts, next_step_texts
from homecheck.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = STOPPED_BY_SIGNAL[0]  # Ctrl-C: 130, as the app and every shell command
EXIT_TERMINATED = STOPPED_BY_SIGNAL[1]  # SIGTERM (a logout or shutdown): 143, as the app


class UsageError(Exception):
    """Wrong words on the command line."""


class InputError(Exception):
    """A file given on the command line cannot be used; the message names file and reason."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports mistakes as one line instead of usage text plus exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def file_name(text: str) -> str:
    """A file or folder name given on the command line; an empty one is refused (Path("") is
    the current folder: `import ""` would store every check file there)."""
    if not text:
        raise argparse.ArgumentTypeError("an empty name is not a file name")
    try:
        os.fsencode(text)
    except UnicodeEncodeError:  # (a lone surrogate: no file on this system has that name)
        raise argparse.ArgumentTypeError(
            f"{text.encode('utf-8', 'backslashreplace').decode()}: not a file name on this system"
        ) from None
    return text


def _shown(path: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 become \\xNN escapes.

    (argv holds such bytes as lone surrogates, which a strict UTF-8 stdout cannot encode.)
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _load(path: str) -> tuple[Checklist, fmt.Assessment]:
    content = checklist()
    try:
        return content, fmt.read_file(Path(path), content)
    except fmt.FormatError as exc:
        raise InputError(f"{_shown(path)}: {exc}") from None


def _output(name: str, *inputs: str | None) -> Path:
    """The path to write to, after the checks that keep homecheck from replacing the wrong
    thing: not an input file (same file under any name), not a link, not a device, pipe or
    folder, and in a folder that exists."""
    from homecheck.fileio import check_output

    out = Path(name)
    problem = check_output(out, tuple(Path(i) for i in inputs if i is not None))
    if problem is not None:
        raise InputError(f"{_shown(name)}: {problem}")
    if str(out.parent) and not out.parent.is_dir():
        raise InputError(f"{_shown(name)}: the folder does not exist")
    return out


def cmd_checklist(args: argparse.Namespace) -> int:
    """Print the whole checklist, as text or JSON."""
    lang = args.lang
    t = catalogue(lang)
    content = checklist()
    if args.json:
        doc = {
            "areas": [
                {
                    "id": area.id,
                    "title": area.title(lang),
                    "items": [
                        {
                            "id": item.id,
                            "question": item.question(lang),
                            "why": item.why(lang),
                            "fix": item.fix(lang),
                            "severity": item.severity,
                            "helpers": list(item.helpers),
                            "sources": list(item.sources),
                            "groups": list(item.groups),
                            "until_then": item.until_then(lang) if item.until_then else None,
                        }
                        for item in area.items
                    ],
                }
                for area in content.areas
            ]
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return EXIT_OK
    for area in content.areas:
        print(f"{area.title(lang)} [{area.id}]")
        for item in area.items:
            print(f"  {item.id}  ({t('cli.severity', severity=item.severity)})")
            print(f"    {item.question(lang)}")
        print()
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Check an assessment file against the format."""
    _, assessment = _load(args.file)
    t = catalogue(assessment.language)
    print(
        t(
            "cli.valid",
            file=_shown(args.file),
            answers=len(assessment.answers),
            areas=len(assessment.areas),
        )
    )
    # Contradictory answers are accepted but said (exit status stays 0).
    for warning in person_summary.warning_texts(assessment.intake, t):
        print(t("person.warning_line", text=warning))
    return EXIT_OK


def _score_doc(content: Checklist, assessment: fmt.Assessment) -> dict[str, Any]:
    """The document of ``score --json``; texts in the file's language."""
    t = catalogue(assessment.language)
    home = score_home(content, assessment)
    actions = build_actions(content, assessment)
    return {
        "score": home.score,
        "hazards": home.hazards,
        "answered": home.answered,
        "unanswered": home.unanswered,
        "areas": [
            {
                "id": a.area_id,
                "score": a.score,
                "hazards": a.hazards,
                "answered": a.answered,
                "unanswered": a.unanswered,
            }
            for a in home.areas
        ],
        "actions": [
            {
                "item": a.item_id,
                "area": a.area_id,
                "priority": a.priority,
                "fix": action_texts(a, t, content, assessment.intake).fix,
                "reasons": list(a.reasons),
            }
            for a in actions
        ],
        "person": person_summary.person_json(assessment.intake, t),
        "counts": open_counts(content, assessment),
    }


def cmd_score(args: argparse.Namespace) -> int:
    """Print the home score, the per-area scores, the person's next step and the actions."""
    content, assessment = _load(args.file)
    doc = _score_doc(content, assessment)
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return EXIT_OK
    lang = assessment.language
    t = catalogue(lang)
    if doc["score"] is None:
        print(t("cli.score_none"))
    else:
        print(t("cli.score_line", score=doc["score"]))
    print(t("cli.counts", **{k: doc[k] for k in ("hazards", "answered", "unanswered")}))
    print()
    for area in doc["areas"]:
        score = t("cli.no_score") if area["score"] is None else area["score"]
        title = content.area(area["id"]).title(lang, assessment.role)
        counts = {k: area[k] for k in ("hazards", "answered", "unanswered")}
        print("  " + t("cli.area_line", title=title, score=score, **counts))
    print()
    step = doc["person"]["next_step"]
    step_text, _helpers = next_step_texts(
        step, t, assessment.role, nothing_to_do=not sum(doc["counts"].values())
    )
    print(f"{t('person.next_step_heading')}: {step_text}")
    for warning in doc["person"]["warnings"]:
        print(t("person.warning_line", text=warning))
    print()
    print(t("cli.actions_heading"))
    if not doc["actions"]:
        print("  " + t("cli.no_actions"))
    for action in build_actions(content, assessment):
        # Worded for who filled it in, as the next step above, the app and the PDF.
        texts = action_texts(action, t, content, assessment.intake, assessment.role)
        print(f"  [{t('priority.' + action.priority)}] {texts.fix}")
        if texts.raised:
            print(f"      {texts.raised}")
    return EXIT_OK


# Handled in homecheck.app before this parser: the desktop entry and the smoke test.
_EPILOG = """\
The store commands (list, export, import, backup, restore) use the app's own
data folder: {env} when it is set, else the platform's. Now:
  {folder}

Exit status: 0 when done; 2 for a problem with the input (a file, a name, an
option), with one line 'homecheck: error: ...'; 1 for a problem with the store
itself (damaged, made by a newer homecheck, not writable, or homecheck is open);
130 after Ctrl-C (143 after a logout or shutdown), with nothing left
half-written.

Also: 'homecheck --install-desktop-entry' (Linux: add homecheck to your menu;
--uninstall-desktop-entry removes it) and 'homecheck --smoke-test' (start the
app, quit once its first page shows)."""


def build_parser() -> argparse.ArgumentParser:
    """The homecheck command line (with no subcommand, the app opens)."""
    from homecheck.store.paths import ENV_DATA_DIR, data_dir_location

    parser = _Parser(
        prog="homecheck",
        description="Check a home for fall hazards and get a printable action list. "
        "Without a command the app opens.",
        epilog=_EPILOG.format(env=ENV_DATA_DIR, folder=_shown(str(data_dir_location()))),
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the epilog's paragraphs
    )
    parser.add_argument("--version", action="version", version=f"homecheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "checklist",
        help="print the whole checklist",
        description="Print every question of the checklist, area by area, with its id and "
        "severity (as text, or as JSON with the advice and the sources).",
    )
    p.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="nl (default) or en")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_checklist)

    p = sub.add_parser(
        "validate",
        help="check that an assessment file is valid",
        description="Check that FILE is a valid assessment file (a check saved by homecheck, "
        "version 1 or 2) and say how many answers it holds; contradictory answers are"
        " shown as warnings.",
    )
    p.add_argument("file", metavar="FILE", type=file_name, help="assessment JSON file")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser(
        "score",
        help="score an assessment file",
        description="Print the home's score, the score of each area, the person's next step and "
        "the actions, most urgent first, for the check in FILE.",
    )
    p.add_argument("file", metavar="FILE", type=file_name, help="assessment JSON file")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_score)

    from homecheck.cli_documents import add_document_commands

    add_document_commands(sub)  # report, blank, export-fhir
    from homecheck.cli_store import add_store_commands

    add_store_commands(sub)  # list, export, import, backup, restore
    return parser


def _fail(message: str) -> int:
    # One line, no traceback: the contract for every kind of bad input.
    print(f"homecheck: error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(argv: Sequence[str], extra: Callable[[argparse.ArgumentParser], None] | None = None) -> int:
    """Run one headless command and return its exit status."""
    from homecheck.cli_open import sigterm_as_ctrl_c

    parser = build_parser()
    if extra is not None:
        extra(parser)
    with sigterm_as_ctrl_c() as terminated:
        return _run(parser, argv, terminated)


def _run(parser: argparse.ArgumentParser, argv: Sequence[str], terminated: list[int]) -> int:
    try:
        args, unknown = parser.parse_known_args(list(argv))
        command = args.command
        if unknown:  # (argparse itself would point at the main help, not the command's)
            where = "homecheck" if command is None else f"homecheck {command}"
            raise UsageError(f"unrecognized arguments: {' '.join(unknown)} (see '{where} --help')")
        if command is None:
            raise UsageError("no command given (see 'homecheck --help')")
        code = int(args.func(args))
        sys.stdout.flush()  # a full disk shows here, not as a traceback when Python ends
        return code
    except (UsageError, InputError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (sigterm_as_ctrl_c)
        from homecheck.cli_open import Interrupted  # (it says what became of the store)

        _fail(str(exc) if isinstance(exc, Interrupted) else "interrupted")
        return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED
    except BrokenPipeError:  # `homecheck checklist | head`: the reader has what it wanted
        _drop_stdout()
        return EXIT_OK
    except OSError as exc:
        # Writing an -o file or the store is handled where it happens; a write error that gets
        # here is stdout's (a full disk, `> /dev/full`).
        if exc.errno not in _WRITE_ERRORS:
            raise
        _drop_stdout()
        return _fail(f"cannot write the output ({exc.strerror or exc})")


# Errors only a write gives: no space, over quota, file too large, an I/O error.
_WRITE_ERRORS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG, errno.EIO}


def _drop_stdout() -> None:
    """Send what is still buffered for stdout nowhere: flushing it again when Python ends would
    fail again, with a traceback."""
    with contextlib.suppress(OSError, ValueError):  # (a stdout without a file: nothing buffered)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
