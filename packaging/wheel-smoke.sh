#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment outside the checkout, and run the
# smoke steps (packaging/smoke.py) against its `homecheck` and `homecheck-app` programs.
#   bash packaging/wheel-smoke.sh [PYTHON]     PYTHON builds the wheel (default: .venv/bin/python)
# The fresh venv is made with the system's python3, as `pipx install homecheck` would.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
python="${1:-$root/.venv/bin/python}"
work=$(mktemp -d "${TMPDIR:-/tmp}/homecheck-wheel-XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$(date +%s)

"$python" -m build --wheel --no-isolation --outdir "$work/dist" "$root" >"$work/build.log" 2>&1 \
  || { tail -20 "$work/build.log"; echo "wheel-smoke: the wheel did not build"; exit 1; }
wheel=$(ls "$work"/dist/homecheck-*.whl)
echo "wheel-smoke: built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB)"

# A venv of the system's Python, away from the checkout, with nothing but the wheel and its
# dependencies (pip's cache makes this quick after the first time).
(cd "$work" && python3 -m venv "$work/venv")
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$wheel" \
  || { echo "wheel-smoke: the wheel did not install"; exit 1; }
for heavy in fhir.resources pydantic; do
  if "$work/venv/bin/python" -m pip show -q "$heavy" >/dev/null 2>&1; then
    echo "wheel-smoke: $heavy was installed with the wheel (it must not be a dependency)"; exit 1
  fi
done
# Printing needs pypdfium2 (with its PDFium library) and Qt's print support from the wheel's
# dependencies; the app's smoke test below prints a page with them.
"$work/venv/bin/python" -c "import pypdfium2, PySide6.QtPrintSupport" \
  || { echo "wheel-smoke: pypdfium2 or QtPrintSupport did not come with the wheel"; exit 1; }
echo "wheel-smoke: installed into a fresh venv ($(du -sm "$work/venv" | cut -f1) MB)"

# The smoke driver runs with the build Python (it may read the PDF with pypdf); the programs
# under test run with PATH cut down to the system's folders.
"$python" "$root/packaging/smoke.py" --cli "$work/venv/bin/homecheck" --app "$work/venv/bin/homecheck-app"
echo "wheel-smoke: passed in $(( $(date +%s) - started )) s"
