"""CPU of linking alone: every parent→child pair of a generated folder linked in this process, in the
order a folder run's workers link them (by child path), with the letters parsed and the pairs detected
once and kept in bench/out/link-pairs-<folder>.pickle.

    .venv/bin/python bench/link_profile.py bench/out/corpus-v2-1000-seed0            # CPU seconds, 1 run
    .venv/bin/python bench/link_profile.py bench/out/corpus-v2-1000-seed0 --profile  # top functions
    .venv/bin/python bench/link_profile.py FOLDER --dump out/links-a                 # each pair's JSON

`--fresh` opens each pair's two letters anew (unpickled), as a worker whose store has let them go
would, so nothing is remembered across pairs by the letters' identity; by default the pairs share the
live letters, as a worker's store keeps a parent open while its children come one after another.
The cycle collector is set as in a link worker (`cascade.gc_pause.settle_worker`).
"""

import argparse
import cProfile
import io
import pickle
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from cascade.corpus import detect_parents  # noqa: E402
from cascade.gc_pause import settle_worker  # noqa: E402
from cascade.linking import link_letters  # noqa: E402
from parsers.batch import discover, parse_many  # noqa: E402


def load(folder: Path) -> tuple[dict, list[tuple[str, str]]]:
    cached = REPO / "bench" / "out" / f"link-pairs-{folder.name}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    outcomes = parse_many(discover(folder), folder, 2)
    letters = {o.relative: o.letter for o in outcomes if o.letter is not None}
    letters = dict(sorted(letters.items()))
    nodes = detect_parents(letters)
    pairs = [(link.parent, child) for child, node in sorted(nodes.items()) for link in node.parents]
    cached.write_bytes(pickle.dumps((letters, pairs)))
    return letters, pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--limit", type=int, default=None, help="the first N pairs only")
    ap.add_argument("--fresh", action="store_true", help="each pair's letters unpickled anew")
    ap.add_argument("--dump", type=Path, default=None, help="write each pair's link JSON here")
    a = ap.parse_args()
    letters, pairs = load(a.folder)
    pairs = pairs[: a.limit]
    packed = {p: pickle.dumps(letter) for p, letter in letters.items()} if a.fresh else None
    settle_worker()  # the collector as a link worker has it: its start-up heap set aside

    def run() -> list:
        out = []
        for parent, child in pairs:
            if packed is not None:
                p, c = pickle.loads(packed[parent]), pickle.loads(packed[child])
            else:
                p, c = letters[parent], letters[child]
            result = link_letters(p, c)
            if a.dump is not None:
                out.append(result.model_dump_json(exclude={"parent", "child"}))
        return out

    profiler = cProfile.Profile() if a.profile else None
    t, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    dumped = run()
    if profiler:
        profiler.disable()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - t
    print(f"{len(pairs)} pairs: {cpu:.2f} s CPU, {wall:.2f} s wall{' (profiled)' if profiler else ''}", flush=True)
    if a.dump is not None:
        a.dump.mkdir(parents=True, exist_ok=True)
        for k, text in enumerate(dumped):
            (a.dump / f"{k:05d}.json").write_text(text, encoding="utf-8")
    if profiler:
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats(a.sort).print_stats(a.top)
        print(buffer.getvalue())


if __name__ == "__main__":
    main()
