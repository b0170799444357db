"""Write a whole generated cascade for the scale benchmarks: 1 central → P provincial → D district
→ C commune letters plus unrelated ones, as .txt and .docx (Word automatic numbering), with gold.

    .venv/bin/python bench/scale_corpus.py OUT_DIR --provinces 10 --districts 10 --communes 10 --unrelated 0

Deterministic by seed (each province has its own generator, so provinces are written in parallel).
What each lower-tier letter gives to find its parent by follows bench/corpus.py's EVIDENCE_MIX
(citation 62%, near-miss citation 13%, header only 15%, neither 10%; a letter whose parent has no
header cannot cite it, so the folder's mix is a little harder); gold.json records each letter's class
as written. The gold (bench/out/.../gold.json) lists every letter's parent and the unit
links of every pair, from the generator's own operations (bench/corpus.py), never from the parser.
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO))

from bench.corpus import (  # noqa: E402
    CONTEXT_SENTENCES,
    EVIDENCE_MIX,
    LOCAL_SENTENCES,
    PROFILES,
    SIGNERS,
    Derived,
    derive,
    shuffled_parent,
    unique_names,
)
from models import Letter, Tier  # noqa: E402
from parsers import parse_letter  # noqa: E402

CENTRAL_RULES = [  # a provincial letter written up to the central level, for the corpus root
    (r"tỉnh hình", "tình hình"),
    (r"Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Trung ương"), (r"Tỉnh ủy", "Trung ương"),
    (r"tỉnh Bình Phước", "cả nước"), (r"Bình Phước", "Việt Nam"), (r"của tỉnh", "của cả nước"),
    (r"cấp tỉnh", "cấp Trung ương"), (r"\btỉnh\b", "cả nước"),
]


@dataclass
class Written:
    path: str
    tier: str
    parent: str | None
    links: list[tuple[str, str]] = field(default_factory=list)
    evidence: str | None = None  # what it gives to find its parent by: a key of EVIDENCE_MIX


def _central_text(rng: random.Random, scratch: Path) -> str:
    text, _ = shuffled_parent(rng, scratch)
    for pattern, repl in CENTRAL_RULES:
        text = re.sub(pattern, repl, text)
    lines = text.split("\n")
    # a central header in place of the provincial one
    head = ["\tBAN CHẤP HÀNH TRUNG ƯƠNG\t\t\tĐẢNG CỘNG SẢN VIỆT NAM", "   BAN TUYÊN GIÁO", "                 *",
            "    Số 8371-CV/BTGTW\t\t\tHà Nội, ngày 10 tháng 5 năm 2024", "",
            "    V/v tiếp tục đẩy mạnh công tác tuyên truyền", "\tKính gửi:", "- Các tỉnh ủy, thành ủy,",
            "- Các ban đảng Trung ương."]
    start = next(k for k, ln in enumerate(lines) if ln.strip() == "") + 1
    body_start = next(k for k, ln in enumerate(lines[start:], start) if ln.strip() == "" and k > start + 3)
    return "\n".join(head + lines[body_start:])


def _provincial_text(central: "Letter", rng: random.Random, k: int) -> tuple[str, list[tuple[str, str]]]:
    """A provincial letter citing the central one, and its gold links: the central body carried down
    with the generator's own operations (each province trims, reorders and adds differently), its
    district-level wording turned back to the province."""
    provinces = ("Bình Phước", "Đồng Nai", "Tây Ninh", "Lâm Đồng", "Gia Lai", "Đắk Lắk", "Khánh Hòa", "Quảng Ngãi",
                 "Nghệ An", "Thanh Hóa", "Hà Tĩnh", "Cà Mau")
    name = provinces[k % len(provinces)]
    derived = derive(central, rng, PROFILES["light"])
    text = derived.text.lstrip("\ufeff").replace("\r\n", "\n")
    for pattern, repl in ((r"Huyện ủy", "Tỉnh ủy"), (r"huyện ủy", "tỉnh ủy"), (r"\bhuyện\b", "tỉnh"),
                          (r"\bHuyện\b", "Tỉnh"), (r"Trung ương", "Tỉnh ủy"), (r"cả nước", f"tỉnh {name}")):
        text = re.sub(pattern, repl, text)
    number = 1100 + k
    day = 20 + rng.randint(0, 8)
    head = [f"\tTỈNH ỦY {name.upper()}\t\t\tĐẢNG CỘNG SẢN VIỆT NAM", "   BAN TUYÊN GIÁO", "                 *",
            f"    Số {number}-CV/BTGTU\t\t\t{name}, ngày {day} tháng 5 năm 2024", "",
            "    V/v tiếp tục đẩy mạnh công tác tuyên truyền", "\tKính gửi:",
            "- Các ban xây dựng Đảng Tỉnh ủy,", "- Ban tuyên giáo các huyện, thị, thành ủy,",
            "đảng ủy trực thuộc Tỉnh ủy.", "",
            "Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024 của Ban Tuyên giáo Trung ương về việc tiếp tục "
            "đẩy mạnh công tác tuyên truyền, Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan, đơn vị thực hiện tốt "
            "một số nội dung sau:"]
    lines = text.split("\n")
    first_item = next(k for k, ln in enumerate(lines) if re.match(r"^\s*1\.\s", ln))
    return "\n".join(head + lines[first_item:]), derived.links


def _unrelated_text(rng: random.Random, k: int) -> str:
    number = 200 + k
    sentences = list(LOCAL_SENTENCES) + list(CONTEXT_SENTENCES)
    rng.shuffle(sentences)
    body = []
    for n in range(1, 4):
        body.append(f"{n}. {sentences.pop()}")
        body += [f"- {sentences.pop()}" for _ in range(rng.randint(1, 3))]
    return "\n".join([
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH BÌNH PHƯỚC\tĐộc lập - Tự do - Hạnh phúc",
        f"Số: {number}/UBND-KT\tBình Phước, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm 2024",
        "V/v triển khai nhiệm vụ quản lý tài nguyên và môi trường", "", "Kính gửi: Các sở, ban, ngành tỉnh.", "",
        "Căn cứ tình hình thực tế của địa phương, Ủy ban nhân dân tỉnh chỉ đạo như sau:", *body, "",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT, KT.", "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", rng.choice(SIGNERS), ""])


_ITEM = re.compile(r"^\s*(?P<label>\d{1,2}(?:\.\d{1,2})?)\.\s+(?P<text>\S.*)$")


def to_docx(text: str, path: Path) -> None:
    """The same letter as a .docx: header and footer as two-column tables, numbered items with Word
    automatic numbering (labels only in numbering.xml), bullets as typed text."""
    from tests.docx_factory import OUTLINE, LetterDocx  # dev tooling: the test-suite's .docx builder

    letter = LetterDocx()
    num = letter.define_list(OUTLINE)
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    kg = next((k for k, ln in enumerate(lines) if "Kính gửi" in ln), 0)
    nn = next((k for k, ln in enumerate(lines) if ln.strip().startswith("Nơi nhận")), len(lines))
    left, right = [], []
    for ln in lines[:kg]:
        parts = [p.strip() for p in re.split(r"\t+", ln) if p.strip()]
        if not parts:
            continue
        left.append(parts[0])
        right += parts[1:]
    if left:
        letter.table([left or [""], right or [""]])
    for ln in lines[kg:nn]:
        if not ln.strip():
            continue
        m = _ITEM.match(ln)
        if m and "Kính gửi" not in ln:
            letter.numbered(m.group("text"), num, m.group("label").count("."))
        else:
            letter.para(ln.strip())
    footer = [ln.strip() for ln in lines[nn:] if ln.strip()]
    if footer:
        split = next((k for k, ln in enumerate(footer) if re.match(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.)", ln)), len(footer))
        letter.table([footer[:split] or [""], footer[split:] or [""]])
    letter.save(path)


def evidence_of(derived: Derived) -> str:
    """What the letter written gives to find its parent by (a parent with no symbol cannot be cited)."""
    status = derived.citation["status"]
    if status == "exact":
        return "citation"
    if status != "none":
        return "near-citation"
    return "neither" if derived.layout["header"] == "none" else "header-only"


def _saver(out: Path, rng: random.Random, docx_share: float):
    def save(rel: str, text: str) -> str:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rng.random() < docx_share:
            path = path.with_suffix(".docx")
            to_docx(text, path)
        else:
            path.write_text(text, encoding="utf-8")
        return path.relative_to(out).as_posix()

    return save


def _province(job: tuple) -> list[Written]:
    """One province's letter and everything under it, with its own generator (so provinces can be
    written in parallel and a seed still gives the same folder)."""
    out, central, central_letter, p, districts, communes, seed, docx_share = job
    rng = random.Random(f"{seed}:{p}")
    save = _saver(out, rng, docx_share)
    scratch = out / f".scratch-{p}.txt"
    written: list[Written] = []

    def evidence() -> str:
        return rng.choices(list(EVIDENCE_MIX), weights=list(EVIDENCE_MIX.values()))[0]

    p_text, p_links = _provincial_text(central_letter, rng, p)
    p_rel = save(f"tinh-{p:02d}/cong-van-tinh.txt", p_text)
    written.append(Written(p_rel, "province", central, p_links, "citation"))
    scratch.write_text(p_text, encoding="utf-8")
    p_letter = parse_letter(scratch)
    district_names = unique_names(rng, districts)
    for d in range(districts):
        prof = PROFILES[rng.choice(sorted(PROFILES))]
        derived = derive(p_letter, rng, prof, evidence(), district_names[d])
        d_rel = save(f"tinh-{p:02d}/huyen-{d:02d}/cong-van-huyen.txt", derived.text)
        written.append(Written(d_rel, "district", p_rel, derived.links, evidence_of(derived)))
        if not communes:
            continue
        scratch.write_text(derived.text.lstrip("\ufeff"), encoding="utf-8")
        d_letter = parse_letter(scratch).model_copy(update={"tier": Tier.DISTRICT})
        commune_names = unique_names(rng, communes)
        for c in range(communes):
            cprof = replace(PROFILES[rng.choice(sorted(PROFILES))])
            cd = derive(d_letter, rng, cprof, evidence(), commune_names[c])
            c_rel = save(f"tinh-{p:02d}/huyen-{d:02d}/xa-{c:02d}.txt", cd.text)
            written.append(Written(c_rel, "commune", d_rel, cd.links, evidence_of(cd)))
    scratch.unlink(missing_ok=True)
    return written


def write_corpus(out: Path, provinces: int, districts: int, communes: int, unrelated: int, seed: int = 0,
                 docx_share: float = 0.3, jobs: int | None = None) -> dict:
    """Write the cascade and gold.json into `out`; returns the gold. Provinces are written in `jobs`
    processes (default: one per core)."""
    from concurrent.futures import ProcessPoolExecutor

    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    scratch = out / ".scratch.txt"
    save = _saver(out, rng, docx_share)
    central_text = _central_text(rng, scratch)
    central = save("trung-uong/8371-CV-BTGTW.txt", central_text)
    written: list[Written] = [Written(central, "central", None)]
    scratch.write_text(central_text, encoding="utf-8")
    central_letter = parse_letter(scratch).model_copy(update={"tier": Tier.PROVINCE})
    scratch.unlink(missing_ok=True)
    work = [(out, central, central_letter, p, districts, communes, seed, docx_share) for p in range(provinces)]
    jobs = max(1, min(jobs or os.cpu_count() or 1, provinces))
    if jobs == 1:
        parts = list(map(_province, work))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(_province, work))
    for part in parts:
        written += part
    for u in range(unrelated):
        written.append(Written(save(f"khac/van-ban-{u:03d}.txt", _unrelated_text(rng, u)), "unknown", None))
    gold = {"seed": seed, "generated": dt.date.today().isoformat(),
            "evidence_mix": EVIDENCE_MIX,
            "letters": [{"path": w.path, "tier": w.tier, "parent": w.parent, "evidence": w.evidence, "links": w.links}
                        for w in written]}
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return gold


SHAPES = {  # size → (provinces, districts per province, communes per district, unrelated)
    100: (3, 4, 7, 3),
    1000: (10, 10, 10, 0),  # 1 + 10 + 100 + 1000: the 30-second target
    3000: (10, 10, 30, 0),  # 1 + 10 + 100 + 3000: a point between, for the growth curve (bench/scale_curve.py)
    10000: (10, 30, 33, 0),
    100000: (30, 33, 100, 0),  # 1 + 30 + 990 + 99,000
    # two tenth-size stand-ins for the 100k folder, one per thing that makes it hard: its 990 district
    # committees all writing "…-CV/HU" (near-miss citations collide), and its districts of 100 communes
    10900: (30, 33, 10, 0),  # 1 + 30 + 990 + 9,900
    3030: (3, 10, 100, 0),  # 1 + 3 + 30 + 3,000
}


def corpus(size: int, seed: int) -> Path:
    path = OUT / f"corpus-v2-{size}-seed{seed}"  # v2: the evidence mix of bench/corpus.py
    if not (path / "gold.json").exists():
        shutil.rmtree(path, ignore_errors=True)
        p, d, c, u = SHAPES[size]
        t = time.perf_counter()
        write_corpus(path, p, d, c, u, seed=seed)
        print(f"  generated {path.name} in {time.perf_counter() - t:.0f} s", flush=True)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--provinces", type=int, default=10)
    ap.add_argument("--districts", type=int, default=10)
    ap.add_argument("--communes", type=int, default=10)
    ap.add_argument("--unrelated", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--docx-share", type=float, default=0.3)
    a = ap.parse_args()
    gold = write_corpus(a.out, a.provinces, a.districts, a.communes, a.unrelated, a.seed, a.docx_share)
    print(f"{len(gold['letters'])} letters written to {a.out}")


if __name__ == "__main__":
    main()
