"""Score our parse of the real documents in shared/eval/real/documents against their INDEX.json.

The 74 documents (Politburo, National Assembly Party delegation, Government, Youth Union Central Committee;
Markdown transcriptions and PDF-to-text with its quirks) stand in for real letters the parser has not seen.
Per file INDEX.json gives, read by hand: tier, sector, issuer, kind, symbol (as printed), date.

Measured: own symbol (compared without spaces and dashes, since the index keeps the PDF's lost hyphens
and doubled spaces as printed), own date, tier, system (the Youth Union writes in the Party's format, so
its sector counts as `party`), how many were accepted, and the forms given.

    python -m bench.real_documents [../shared/eval/real/documents] [--verbose]
"""

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from models import CascadeError
from parsers import parse_letter

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "real" / "documents"


def symbol_key(symbol: str | None) -> str | None:
    if not symbol:
        return None
    return re.sub(r"[\s\-\u2010-\u2015]", "", symbol).upper().replace("Ð", "Đ")


def system_of(sector: str) -> str:
    return "party" if sector in ("party", "youth-union") else sector


def score(folder: Path, verbose: bool = False) -> dict[str, object]:
    index = json.loads((folder / "INDEX.json").read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    misses: list[str] = []
    for entry in index:
        path = folder / entry["path"]
        counts["documents"] += 1
        try:
            letter = parse_letter(path)
        except CascadeError as e:
            misses.append(f"{entry['file'][:40]}: refused: {e}")
            continue
        counts["accepted"] += 1
        form = getattr(letter, "form", None)  # absent before letters had a form (baseline runs)
        forms[form.value if form else "-"] += 1
        h = letter.header
        problems = []
        if entry.get("symbol"):
            counts["symbol_n"] += 1
            if symbol_key(h.symbol) == symbol_key(entry["symbol"]):
                counts["symbol_ok"] += 1
            else:
                problems.append(f"symbol {h.symbol!r} != {entry['symbol']!r}")
        if entry.get("date"):
            counts["date_n"] += 1
            if h.date and h.date.isoformat() == entry["date"]:
                counts["date_ok"] += 1
            else:
                problems.append(f"date {h.date} != {entry['date']}")
        if entry.get("tier"):
            counts["tier_n"] += 1
            if letter.tier.value == entry["tier"]:
                counts["tier_ok"] += 1
            else:
                problems.append(f"tier {letter.tier.value} != {entry['tier']}")
        if entry.get("sector"):
            counts["system_n"] += 1
            if letter.system.value == system_of(entry["sector"]):
                counts["system_ok"] += 1
            else:
                problems.append(f"system {letter.system.value} != {system_of(entry['sector'])}")
        if problems:
            misses.append(f"{entry['file'][:40]}: {'; '.join(problems)}")
        if verbose:
            shown = form.value if form else "-"
            print(f"{entry['file'][:44]:<44} {shown:<15} {h.symbol or '-':<22} {letter.tier.value:<9} "
                  f"{letter.system.value:<7} {'; '.join(problems)}")

    def share(ok: str, n: str) -> list[int]:
        return [counts[ok], counts[n]]

    return {
        "documents": counts["documents"], "accepted": counts["accepted"],
        "own_symbol": share("symbol_ok", "symbol_n"), "own_date": share("date_ok", "date_n"),
        "tier": share("tier_ok", "tier_n"), "system": share("system_ok", "system_n"),
        "forms": dict(forms), "missed": misses,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--verbose", "-v", action="store_true", help="one line per document")
    args = ap.parse_args(argv)
    result = score(args.folder, args.verbose)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
