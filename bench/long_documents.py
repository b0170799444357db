#!/usr/bin/env python3
"""Sweep real documents through the parser (a benchmark, not a test): per file the parts, items, `~2`
duplicate ids, deepest nesting and parse time per KB; and the parse time of a generated 100 KB decree.

    .venv/bin/python bench/long_documents.py                       # ../shared/eval/real (documents, letters, pairs)
    .venv/bin/python bench/long_documents.py DIR_OR_FILE ... [--show-duplicates] [--json OUT]

Times are one warm run per file (spaCy is loaded before the first one), wall clock and CPU time of this
process (the machine is shared: CPU time is the steadier figure); the summary gives ms per 100 KB over all
files, the slowest file, and the median of three parses of the generated decree. A JSON copy goes to
bench/out/long_documents.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from models import Item, Letter  # noqa: E402
from parsers import parse_letter  # noqa: E402

DEFAULT_ROOT = REPO.parent / "shared" / "eval" / "real"


def _depth(items: list[Item]) -> int:
    """Deepest item nesting (1 = top-level items only), walked without recursion."""
    best = 0
    stack = [(it, 1) for it in items]
    while stack:
        it, d = stack.pop()
        best = max(best, d)
        stack.extend((sub, d + 1) for sub in it.items)
    return best


def _stats(letter: Letter) -> dict:
    walked = letter.walk_items()
    ids = [it.id for it in walked]
    parts = getattr(letter, "parts", None) or []
    return {
        "parts": len(parts) or 1,
        "items": len(ids),
        "headings": sum(1 for it in walked if getattr(it, "heading", False)),
        "duplicates": [i for i in ids if "~" in i],
        "depth": _depth(letter.items),
        "warnings": sorted({w.code for w in letter.warnings}),
    }


def _files(targets: list[Path]) -> list[Path]:
    out: list[Path] = []
    for t in targets:
        if t.is_dir():
            out += sorted(p for p in t.rglob("*.txt") if p.is_file())
        elif t.suffix.lower() in (".txt", ".docx"):
            out.append(t)
    return out


def generated_decree(target_bytes: int = 100_000, seed: int = 0) -> str:
    """A decree-shaped text of about `target_bytes` (Chương / Mục / Điều / khoản / điểm, bullets), its
    sentences drawn from a fixed list, for timing only."""
    rnd = random.Random(seed)
    words = [w for phrase in ("tổ chức thực hiện nghiêm túc các nhiệm vụ được giao bảo đảm tiến độ chất lượng",
                              "phối hợp chặt chẽ với các cơ quan đơn vị liên quan báo cáo kết quả định kỳ",
                              "đẩy mạnh chuyển đổi số khoa học công nghệ đổi mới sáng tạo trong toàn hệ thống")
             for w in phrase.split(" ")]

    def sentence() -> str:
        n = rnd.randint(14, 40)
        s = " ".join(rnd.choice(words) for _ in range(n))
        return s[0].upper() + s[1:] + "."

    head = ("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 01/2025/NĐ-CP\n"
            "Hà Nội, ngày 01 tháng 01 năm 2025\n\nNGHỊ ĐỊNH\nQuy định chi tiết một số điều\n\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\n")
    out = [head]
    size = len(head.encode())
    article = chapter = 0
    ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    roman = [t + o for t in ("", "X", "XX") for o in ones][1:]
    while size < target_bytes and chapter < len(roman):
        chapter += 1
        block = [f"\nChương {roman[chapter - 1]}\nQUY ĐỊNH VỀ NỘI DUNG THỨ {chapter}\n"]
        for section in range(1, 3):
            block.append(f"\nMục {section}. NHÓM QUY ĐỊNH {section}\n")
            for _ in range(3):
                article += 1
                block.append(f"\nĐiều {article}. {sentence()}\n")
                for k in range(1, 4):
                    block.append(f"{k}. {sentence()}\n")
                    for letter in "abc"[: rnd.randint(0, 3)]:
                        block.append(f"{letter}) {sentence()}\n")
                        if rnd.random() < 0.3:
                            block.append(f"- {sentence()}\n")
        text = "".join(block)
        out.append(text)
        size += len(text.encode())
    out.append("\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nNguyễn Văn A\n")
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("targets", nargs="*", type=Path, help="folders or files (default: ../shared/eval/real)")
    ap.add_argument("--show-duplicates", action="store_true", help="list the duplicate ids of every file")
    ap.add_argument("--json", type=Path, default=REPO / "bench" / "out" / "long_documents.json")
    args = ap.parse_args()
    files = _files(args.targets or [DEFAULT_ROOT])
    if not files:
        raise SystemExit("no .txt/.docx files found")
    parse_letter(files[0])  # spaCy loads once, outside the timings

    rows = []
    failed = []
    for path in files:
        kb = path.stat().st_size / 1024
        t, c = time.perf_counter(), time.process_time()
        try:
            letter = parse_letter(path)
        except Exception as e:  # a benchmark lists failures and goes on
            failed.append((path, f"{type(e).__name__}: {e}"))
            continue
        ms, cpu = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
        rows.append({"file": str(path.relative_to(path.parents[1])), "kb": round(kb, 1), "ms": round(ms, 1),
                     "cpu_ms": round(cpu, 1), **_stats(letter)})

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "decree_100kb.txt"
        big.write_text(generated_decree(), encoding="utf-8")
        parse_letter(big)
        times, cpus = [], []
        for _ in range(3):
            t, c = time.perf_counter(), time.process_time()
            decree = parse_letter(big)
            times.append((time.perf_counter() - t) * 1000)
            cpus.append((time.process_time() - c) * 1000)
        big_kb = big.stat().st_size / 1024
        big_row = {"kb": round(big_kb, 1), "ms": round(sorted(times)[1], 1), "cpu_ms": round(sorted(cpus)[1], 1),
                   **_stats(decree)}

    name_w = max(len(r["file"]) for r in rows)
    print(f"{'file':<{name_w}} {'KB':>6} {'parts':>5} {'items':>5} {'head':>4} {'dup':>4} {'depth':>5} "
          f"{'ms/KB':>6} {'cpu/KB':>6}")
    for r in rows:
        print(f"{r['file']:<{name_w}} {r['kb']:6.1f} {r['parts']:5d} {r['items']:5d} {r['headings']:4d} "
              f"{len(r['duplicates']):4d} {r['depth']:5d} {r['ms'] / max(r['kb'], 0.1):6.1f} "
              f"{r['cpu_ms'] / max(r['kb'], 0.1):6.1f}")
        if args.show_duplicates and r["duplicates"]:
            print("    ~ " + ", ".join(r["duplicates"]))
    total_kb = sum(r["kb"] for r in rows)
    total_ms = sum(r["ms"] for r in rows)
    total_cpu = sum(r["cpu_ms"] for r in rows)
    with_dups = [r for r in rows if r["duplicates"]]
    slowest = max(rows, key=lambda r: r["ms"])
    summary = {
        "files": len(rows), "failed": len(failed), "items": sum(r["items"] for r in rows),
        "headings": sum(r["headings"] for r in rows), "multi_part_files": sum(1 for r in rows if r["parts"] > 1),
        "duplicate_ids": sum(len(r["duplicates"]) for r in rows), "files_with_duplicates": len(with_dups),
        "max_depth": max(r["depth"] for r in rows), "ms_per_100kb": round(total_ms / total_kb * 100, 1),
        "cpu_ms_per_100kb": round(total_cpu / total_kb * 100, 1),
        "slowest": {"file": slowest["file"], "kb": slowest["kb"], "ms": slowest["ms"], "cpu_ms": slowest["cpu_ms"]},
        "generated_decree": big_row | {"duplicates": len(big_row["duplicates"])},
    }
    print()
    for k, v in summary.items():
        print(f"{k}: {v}")
    for path, why in failed:
        print(f"FAILED {path}: {why}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"summary": summary, "files": rows}, ensure_ascii=False, indent=1),
                         encoding="utf-8")


if __name__ == "__main__":
    main()
