#!/usr/bin/env bash
# Set up a fresh machine for the tests and run them: the system tools the report tests drive
# (headless Chromium, LibreOffice Writer and Calc with its
# Python bridge) from Debian's packages, then the package with its
# test extras in .venv (Playwright drives Debian's Chromium; it downloads no browser of its own),
# then pytest. This is the README's test command and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
# LibreOffice's Python bridge: the redline test has LibreOffice itself accept and reject every change
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import uno" >/dev/null 2>&1 || need+=(python3-uno)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "note: ${need[*]} missing and not installable here (needs root and apt-get);" \
         "the browser and LibreOffice tests will be skipped" >&2
  fi
fi
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
.venv/bin/python -m pytest -q
