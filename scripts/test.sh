#!/usr/bin/env bash
# Set up a fresh machine for the tests and run them: the system tools the report and format tests
# drive (headless Chromium; LibreOffice Writer and Calc with its Python bridge, Writer also reading
# .doc/.odt/.rtf; Tesseract with its Vietnamese model for scans; the Liberation fonts, metric twins of
# Times New Roman and Arial, so LibreOffice renders Vietnamese letters as Word would) from Debian's
# packages, then the package with its test extras in .venv (Playwright drives Debian's Chromium; it
# downloads no browser of its own), then pytest. This is the README's test command and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
# LibreOffice's Python bridge: the redline test has LibreOffice itself accept and reject every change
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import uno" >/dev/null 2>&1 || need+=(python3-uno)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } || need+=(tesseract-ocr-vie)
{ command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q "Liberation Serif"; } || need+=(fonts-liberation2)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "note: ${need[*]} missing and not installable here (needs root and apt-get);" \
         "the browser, LibreOffice and OCR tests that need them will be skipped" >&2
  fi
fi
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
.venv/bin/python -m pytest -q
