"""Parents found by content alone among real documents gathered from different sources: the generated
folders have no unrelated letters, so they cannot show a parent invented from shared stock phrases.

The 307 documents (../shared/eval/real/documents and letters, the held-out halves of bench/heldout, each
half from hosts no other half used) hold few true parent → child pairs, and those cite each other;
every parent placed by content alone is listed so a reader can judge it. Parsed once, cached in bench/out.

    .venv/bin/python bench/false_parents.py                                  # the defaults
    .venv/bin/python bench/false_parents.py "{}" "{'unit_content_min': 0.0}"   # settings compared
"""

import argparse
import ast
import dataclasses
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from cascade.corpus import DEFAULT_CORPUS_SETTINGS, build_index, detect_parents  # noqa: E402
from models import Letter  # noqa: E402

OUT = REPO / "bench" / "out"
SHARED = REPO.parent / "shared" / "eval" / "real"
ROOTS = (SHARED / "documents", SHARED / "letters", REPO / "bench" / "heldout")


def real_letters() -> dict[str, Letter]:
    from parsers.batch import discover, parse_many, relative_path

    cache = OUT / "letters-real-mix.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    letters = {}
    for root in ROOTS:
        for o in parse_many(discover(root), root):
            if o.letter is not None:
                letters[f"{root.name}/{relative_path(o.path, root)}"] = o.letter
    OUT.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(letters, protocol=pickle.HIGHEST_PROTOCOL))
    return letters


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("settings", nargs="*", default=["{}"], help="CorpusSettings overrides, as Python dicts")
    ap.add_argument("--quiet", action="store_true", help="counts only")
    a = ap.parse_args()
    letters = real_letters()
    index = build_index(letters)
    for overrides in a.settings:
        settings = dataclasses.replace(DEFAULT_CORPUS_SETTINGS, **ast.literal_eval(overrides))
        nodes = detect_parents(letters, settings, index)
        by_content = [(p, n.parents[0]) for p, n in sorted(nodes.items())
                      if n.parents and n.parents[0].evidence.value == "content"]
        cited = sum(1 for n in nodes.values() if n.parents and n.parents[0].evidence.value != "content")
        print(f"{overrides}: {len(letters)} documents, parents by citation {cited}, by content alone "
              f"{len(by_content)}", flush=True)
        if not a.quiet:
            for path, link in by_content:
                print(f"    {path} ← {link.parent} (confidence {link.confidence:.2f}; {link.reasons[0]})")


if __name__ == "__main__":
    main()
