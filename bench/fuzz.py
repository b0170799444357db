"""The long fuzz run by hand: mutated .docx and .txt letters (the strategies of
tests/fuzz_strategies.py) through `parsers.parse_letter`, each in a worker process with a time limit,
counting what the issue asks: inputs, uncaught exceptions, hangs, worker crashes and the peak RSS.

    .venv/bin/python bench/fuzz.py --docx 8000 --txt 4000 [--jobs 2] [--hang 10] [--save bench/out/fuzz]

An "uncaught exception" is anything parse_letter raises other than a CascadeError (or a
CascadeError whose message is not one line naming the file); a "hang" is an input still parsing
after --hang seconds (its worker is killed); RSS is each worker's peak (ru_maxrss), the largest
reported. Inputs that fail are saved under --save for a look.
"""

import argparse
import collections
import hashlib
import os
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from fuzz_strategies import docx_inputs, txt_inputs  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402


def fuzz_one(data: bytes, suffix: str) -> tuple[str, float, int, str]:
    """(outcome, seconds, worker peak RSS in KiB, detail) for one input, in a worker."""
    from models import CascadeError
    from parsers import parse_letter

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(data)
        start = time.perf_counter()
        try:
            letter = parse_letter(path)
            letter.model_dump_json().encode("utf-8")
            outcome, detail = "letter", ""
        except CascadeError as e:
            message = str(e)
            one_line = message.startswith(f"{path}: ") and "\n" not in message and "\r" not in message
            outcome, detail = ("refused", message[len(str(path)) + 2 :][:120]) if one_line else ("exception", message)
        except Exception as e:
            outcome, detail = "exception", f"{e.__class__.__name__}: {e}\n{traceback.format_exc()}"
        seconds = time.perf_counter() - start
    return outcome, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, detail


def _warm() -> None:
    from parsers.nlp import load_pipeline

    load_pipeline()


class Run:
    def __init__(self, jobs: int, hang: float, save: Path | None) -> None:
        from pebble import ProcessPool

        _warm()  # forked workers start with spaCy loaded
        self.pool = ProcessPool(max_workers=jobs)
        self.hang = hang
        self.save = save
        self.batch: list[tuple[bytes, str]] = []
        self.counts: collections.Counter[str] = collections.Counter()
        self.refusals: collections.Counter[str] = collections.Counter()
        self.kinds: collections.Counter[str] = collections.Counter()
        self.peak_kib = 0
        self.slowest = 0.0
        self.started = time.perf_counter()

    def add(self, data: bytes, suffix: str) -> None:
        self.batch.append((data, suffix))
        if len(self.batch) >= 256:
            self.flush()

    def flush(self) -> None:
        from concurrent.futures import TimeoutError

        from pebble import ProcessExpired

        futures = [(d, s, self.pool.schedule(fuzz_one, (d, s), timeout=self.hang)) for d, s in self.batch]
        self.batch = []
        for data, suffix, future in futures:
            self.kinds[suffix] += 1
            try:
                outcome, seconds, rss, detail = future.result()
            except TimeoutError:
                outcome, seconds, rss, detail = "hang", self.hang, 0, f"over {self.hang} s"
            except ProcessExpired as e:
                outcome, seconds, rss, detail = "crash", 0.0, 0, f"worker died: exit code {e.exitcode}"
            self.counts[outcome] += 1
            self.peak_kib = max(self.peak_kib, rss)
            self.slowest = max(self.slowest, seconds)
            if outcome == "refused":  # the reason up to its detail: "corrupt .docx (word/styles.xml: XMLSyntaxError"
                self.refusals[":".join(detail.split(":")[:2])[:70]] += 1
            if outcome in ("exception", "hang", "crash"):
                print(f"{outcome} ({suffix}): {detail[:2000]}", file=sys.stderr, flush=True)
                if self.save:
                    self.save.mkdir(parents=True, exist_ok=True)
                    name = hashlib.sha256(data).hexdigest()[:16]
                    (self.save / f"{outcome}-{name}{suffix}").write_bytes(data)
        done = sum(self.counts.values())
        print(f"  {done} inputs, {dict(self.counts)}, peak RSS {self.peak_kib / 1024:.0f} MiB, "
              f"{time.perf_counter() - self.started:.0f} s", file=sys.stderr, flush=True)

    def close(self) -> None:
        self.flush()
        self.pool.close()
        self.pool.join()


def feed(run: Run, strategy, suffix: str, count: int, seed: int) -> None:
    if count <= 0:
        return

    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(data=strategy)
    def draw(data: bytes) -> None:
        run.add(data, suffix)

    from hypothesis import seed as hypothesis_seed

    hypothesis_seed(seed)(draw)()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docx", type=int, default=8000)
    ap.add_argument("--txt", type=int, default=4000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--hang", type=float, default=10.0, help="seconds after which an input counts as a hang")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--save", type=Path, help="save failing inputs here")
    a = ap.parse_args()
    run = Run(a.jobs, a.hang, a.save)
    try:
        feed(run, docx_inputs(), ".docx", a.docx, a.seed)
        feed(run, txt_inputs(), ".txt", a.txt, a.seed + 1)
    finally:
        run.close()
    total = sum(run.counts.values())
    print(f"\ninputs: {total} ({run.kinds['.docx']} .docx, {run.kinds['.txt']} .txt) in "
          f"{time.perf_counter() - run.started:.0f} s with {a.jobs} workers")
    print(f"letters: {run.counts['letter']}, one-line refusals: {run.counts['refused']}")
    print(f"uncaught exceptions: {run.counts['exception']}, hangs over {a.hang:g} s: {run.counts['hang']}, "
          f"worker crashes: {run.counts['crash']}")
    print(f"peak RSS of a worker: {run.peak_kib / 1024:.0f} MiB; slowest input: {run.slowest:.2f} s")
    print("most common refusals:")
    for reason, n in run.refusals.most_common(12):
        print(f"  {n:6d}  {reason}")
    if run.counts["exception"] or run.counts["hang"] or run.counts["crash"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
