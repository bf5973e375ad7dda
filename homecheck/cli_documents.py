"""The documents from the command line: the PDF action list (report), the checklist on paper
(blank) and the FHIR export of a check file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from homecheck.cli import EXIT_OK, InputError, _load, _output, _shown, file_name
from homecheck.domain.content import checklist
from homecheck.i18n import DEFAULT_LANGUAGE, LANGUAGES


def cmd_report(args: argparse.Namespace) -> int:
    """Write the PDF action list for an assessment file (photos beside it, progress if asked)."""
    from homecheck.domain.followup import compare, same_client
    from homecheck.report.photos import existing_data_dir, photo_lookup

    content, assessment = _load(args.file)
    followup = None
    if args.previous is not None:
        _, previous = _load(args.previous)
        if not same_client(previous.client, assessment.client):
            raise InputError(
                f"{_shown(args.previous)}: this is a check of another client than "
                f"{_shown(args.file)}; give an earlier check of the same client with --previous"
            )
        if previous.date > assessment.date:
            raise InputError(
                f"{_shown(args.previous)}: this check ({previous.date}) is later than "
                f"{_shown(args.file)} ({assessment.date}); give the earlier check with --previous"
            )
        followup = compare(content, previous, assessment)
    out = _output(args.output, args.file, args.previous)
    photos = photo_lookup(Path(args.file), existing_data_dir())

    from homecheck.report.pdf import render_pdf

    data = render_pdf(
        content,
        assessment,
        language=args.lang or assessment.language,
        paper=PAPERS[args.paper] if args.paper else None,
        photos=photos,
        followup=followup,
        large_print=args.large_print,
    )
    _write_pdf(out, args.output, data)
    return EXIT_OK


def _write_pdf(out: Path, output: str, data: bytes) -> None:
    from homecheck.fileio import atomic_write

    try:
        atomic_write(out, data)
    except OSError as exc:
        reason = exc.strerror or exc
        raise InputError(f"{_shown(output)}: cannot write the PDF ({reason})") from None


def cmd_blank(args: argparse.Namespace) -> int:
    """Write the checklist on paper: every question with three boxes and a line for notes."""
    from homecheck.report.blank import UnknownArea, chosen_areas

    content = checklist()
    area_ids = None
    if args.areas is not None:
        area_ids = [part.strip() for part in args.areas.split(",") if part.strip()]
        if not area_ids:
            raise InputError("--areas: give one or more area ids, separated by commas")
    try:
        chosen_areas(content, area_ids)
    except UnknownArea as exc:
        raise InputError(f"--areas: {exc}") from None
    out = _output(args.output)

    from homecheck.report.blank import render_blank

    data = render_blank(
        content,
        args.lang,
        area_ids,
        paper=PAPERS[args.paper] if args.paper else None,
        large_print=args.large_print,
    )
    _write_pdf(out, args.output, data)
    return EXIT_OK


def cmd_export_fhir(args: argparse.Namespace) -> int:
    """Write the checklist and the check as a FHIR R4 Bundle (Questionnaire + response)."""
    from homecheck.fileio import atomic_write
    from homecheck.interop.fhir import bundle

    content, assessment = _load(args.file)
    out = _output(args.output, args.file)
    doc = bundle(content, assessment)
    data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise InputError(
            f"{_shown(args.output)}: cannot write the file ({exc.strerror or exc})"
        ) from None
    return EXIT_OK


# --paper on the command line, and the name page_size() knows it by.
PAPERS = {"a4": "A4", "letter": "letter"}


def _print_options(parser: argparse.ArgumentParser) -> None:
    """--paper and --large-print, as `report` and `blank` both have them."""
    parser.add_argument(
        "--paper", type=str.lower, choices=tuple(PAPERS),
        help="paper size (default: from the locale, A4 or Letter)",
    )
    parser.add_argument("--large-print", action="store_true", help="larger type on every page")


def add_document_commands(sub: argparse._SubParsersAction) -> None:
    """report, blank and export-fhir, on the main parser's subcommands."""
    p = sub.add_parser(
        "report",
        help="write the PDF action list of an assessment file",
        description="Write the printable action list of the check in FILE as a PDF: the fridge "
        "page first, then the full list. Photos come from the FILE.photos/ folder "
        "beside FILE.",
    )
    p.add_argument("file", metavar="FILE", type=file_name, help="assessment JSON file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", type=file_name,
                   help="where to save the PDF")  # fmt: skip
    p.add_argument("--lang", choices=LANGUAGES, help="language of the PDF (default: the file's)")
    p.add_argument(
        "--previous",
        metavar="PREV.json",
        type=file_name,
        help="an earlier check of the same client: the PDF then shows the progress since then",
    )
    _print_options(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "blank",
        help="write the checklist on paper (PDF) to fill in with a pen",
        description="Write the checklist on paper as a PDF, to fill in with a pen while walking "
        "through the home; the answers are typed into the app afterwards, in the same"
        " order.",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", type=file_name,
                   help="where to save the PDF")  # fmt: skip
    p.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="nl (default) or en")
    p.add_argument(
        "--areas",
        metavar="ID,...",
        help="only these areas (ids as `homecheck checklist` shows them); without it every area, "
        "the About you questions and the Short FES-I",
    )
    _print_options(p)
    p.set_defaults(func=cmd_blank)

    p = sub.add_parser(
        "export-fhir",
        help="write the check as a FHIR R4 Bundle (JSON)",
        description="Write the checklist and the check in FILE as a FHIR R4 Bundle (a "
        "Questionnaire and its QuestionnaireResponse, JSON), for health record "
        "systems.",
    )
    p.add_argument("file", metavar="FILE", type=file_name, help="assessment JSON file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json", type=file_name,
                   help="where to save it")  # fmt: skip
    p.set_defaults(func=cmd_export_fhir)
