#!/usr/bin/env bash
# Build the homecheck bundle (PyInstaller, one folder) on this machine and smoke-test it.
#   bash packaging/build.sh [--skip-smoke]
# Steps: a build venv (build/venv) with homecheck installed from its wheel, PyInstaller and pypdf;
# PyInstaller with packaging/homecheck.spec into dist/homecheck (dist/homecheck.app too on macOS);
# then a copy of the bundle in a folder outside the checkout runs the smoke steps
# (packaging/smoke.py) with no virtual environment on PATH. Exits non-zero when a step fails; the
# last line printed is the bundle's absolute folder.
# Environment: PYTHON (the Python to build with, default python3; 3.11 or later).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
python="${PYTHON:-python3}"
skip_smoke=""
[ "${1:-}" = "--skip-smoke" ] && skip_smoke=1
started=$(date +%s)
say() { echo "build: $*" >&2; }

case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) bin=Scripts; exe=.exe ;;
  *) bin=bin; exe="" ;;
esac

venv="$root/build/venv"
if [ ! -x "$venv/$bin/python$exe" ]; then
  say "making the build venv ($venv)"
  "$python" -m venv "$venv"
fi
vpy="$venv/$bin/python$exe"
say "installing homecheck (from its wheel), PyInstaller and pypdf"
"$vpy" -m pip install -q --disable-pip-version-check --upgrade "pyinstaller>=6.10,<7" "pypdf>=4" >&2
# Not editable: the spec collects the resources from the installed package.
"$vpy" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$root" >&2
"$vpy" -m pip install -q --disable-pip-version-check "$root" >&2

say "running PyInstaller"
# From build/, not the checkout root: the spec's "import homecheck" must find the installed package.
t0=$(date +%s)
(cd "$root/build" && "$vpy" -m PyInstaller --noconfirm --log-level WARN --distpath "$root/dist" \
  --workpath "$root/build/pyinstaller" "$root/packaging/homecheck.spec" >&2)
bundle="$root/dist/homecheck"
say "PyInstaller took $(( $(date +%s) - t0 )) s; bundle $(du -sm "$bundle" | cut -f1) MB"

if [ -z "$skip_smoke" ]; then
  # The smoke test runs a copy outside the checkout: nothing may come from the source tree.
  outside=$(mktemp -d "${TMPDIR:-/tmp}/homecheck-bundle-XXXXXX")
  trap 'rm -rf "$outside"' EXIT
  cp -R "$bundle" "$outside/homecheck"
  say "smoke-testing the copy in $outside/homecheck"
  "$vpy" "$root/packaging/smoke.py" --cli "$outside/homecheck/homecheck$exe" \
    --app "$outside/homecheck/homecheck-app$exe" >&2
fi
say "done in $(( $(date +%s) - started )) s"
echo "$bundle"
