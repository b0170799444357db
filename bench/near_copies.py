"""How `cascade analyse` scales on a folder of near-copies: one provincial letter and N district
letters of the same issuer that differ by a few words, each citing the provincial letter and a
district letter that is not in the folder (so every one is checked as a near-miss citation against
all letters of its issuer), and all siblings of one parent (so every pair of them is compared for
copied local text).

    .venv/bin/python bench/near_copies.py --sizes 125,250,500 [--baseline main] [--jobs 2] [--keep DIR]

Prints, per size, the wall time of the whole `cascade analyse` (every report, no cache), the size of
the reports and of the largest letters.csv row; with --baseline REF the same for the code of git REF
(exported with `git archive` to a temporary folder, run with this environment), interleaved in the
same run so both see the same machine.
"""

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from letter_factory import LOCAL, A, B, C, D, child_text, parent_text  # noqa: E402

WORDS = ("cơ sở", "thôn", "ấp", "khu phố", "tổ dân phố", "đơn vị", "cơ quan", "trường học", "doanh nghiệp")


def write_folder(folder: Path, n: int, seed: int = 0) -> None:
    rnd = random.Random(seed)
    folder.mkdir(parents=True)
    body = ["1. " + A, "- " + B, "2. " + C, "3. " + D]
    (folder / "tinh_12-CV-BTGTU.txt").write_text(parent_text(body), encoding="utf-8")
    for k in range(1, n + 1):
        header = ("HUYỆN ỦY BÙ ĐĂNG", "*", f"Số {100 + k}-CV/HU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  "Bù Đăng, ngày 30 tháng 5 năm 2024", "V/v tiếp tục đẩy mạnh công tác tuyên truyền")
        preamble = ("Thực hiện Công văn số 12-CV/BTGTU, ngày 22/5/2024 của Ban Tuyên giáo Tỉnh ủy và Căn cứ Công "
                    "văn số 9-CV/HU ngày 28/5/2024 của Huyện ủy, Ban Thường vụ Huyện ủy đề nghị:")
        local = LOCAL.replace("cơ sở", rnd.choice(WORDS)) + f" Áp dụng cho {rnd.choice(WORDS)} số {k}."
        child_body = ["1. " + A.replace("các cấp", f"các cấp {rnd.choice(WORDS)}"), "- " + B, "2. " + C,
                      "3. " + local]
        (folder / f"huyen_{100 + k}-CV-HU.txt").write_text(child_text(child_body, header=header, preamble=preamble),
                                                            encoding="utf-8")


def measure(code: Path, folder: Path, out: Path, jobs: int) -> dict[str, float]:
    """`cascade analyse` of the code in `code`, in a fresh process."""
    run = f"import sys; sys.path.insert(0, {str(code)!r}); sys.argv[0] = 'cascade'; from cli import app; app()"
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", run, "analyse", str(folder), "-o", str(out), "--no-cache",
                           "--jobs", str(jobs)], capture_output=True, text=True, cwd=code)
    wall = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"analyse failed ({code}):\n{done.stderr}")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    row = max(len(line) for line in (out / "letters.csv").read_text(encoding="utf-8-sig").splitlines())
    return {"wall": wall, "reports_mb": size / 1e6, "row_kb": row / 1e3}


def export(ref: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", ref], cwd=REPO, capture_output=True, check=True).stdout
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="125,250,500")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--baseline", help="a git ref to measure too (e.g. main)")
    ap.add_argument("--keep", type=Path, help="keep the folders and reports here")
    a = ap.parse_args()
    base = a.keep or Path(tempfile.mkdtemp(prefix="near-copies-"))
    base.mkdir(parents=True, exist_ok=True)
    versions = {"this tree": REPO}
    if a.baseline:
        code = base / "baseline"
        shutil.rmtree(code, ignore_errors=True)
        versions = {a.baseline: export(a.baseline, code), **versions}
    print("| near-copies | code | analyse wall | reports | largest letters.csv row |")
    print("|---|---|---|---|---|")
    try:
        for n in (int(s) for s in a.sizes.split(",")):
            folder = base / f"in-{n}"
            if folder.exists():
                shutil.rmtree(folder)
            write_folder(folder, n)
            for name, code in versions.items():
                out = base / f"out-{n}-{'base' if code != REPO else 'new'}"
                shutil.rmtree(out, ignore_errors=True)
                m = measure(code, folder, out, a.jobs)
                print(f"| {n} | {name} | {m['wall']:.1f} s | {m['reports_mb']:.1f} MB | {m['row_kb']:.1f} KB |",
                      flush=True)
    finally:
        if a.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
