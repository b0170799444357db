"""The footer: "Nơi nhận" (cc) entries and the signature block (authority, position, signer)."""

import re
from collections.abc import Sequence

from models import Recipient, Signature
from parsers import patterns as P
from parsers.lines import LOWER_START_RE, SEGMENT_SPLIT_RE, Line, is_upper
from parsers.normalise import clean_text


def read_footer(lines: Sequence[Line]) -> tuple[list[Recipient], Signature | None, list[str]]:
    """cc entries, the signature, and footer text that is neither (kept so nothing is lost)."""
    cc: list[Recipient] = []
    heading_raw = ""
    sig_lines: list[tuple[str, str]] = []
    mode = "sig"
    cc_cell = None
    stray: list[str] = []
    for line in lines:
        for seg in SEGMENT_SPLIT_RE.split(line.raw) if line.table is None else [line.raw]:
            text = clean_text(seg)
            if not text:
                if mode == "sig" and sig_lines:
                    sig_lines.append(("", seg))
                elif seg.strip():
                    stray.append(seg)  # an export artefact alone in its column ("[bookmark: _GoBack]"): kept
                continue
            nn = P.NOI_NHAN_RE.match(text)
            if nn:
                mode, cc_cell = "cc", (line.table, line.cell)
                if nn.group("rest").strip():
                    cc.append(Recipient(text=nn.group("rest").strip().lstrip("-– "), raw=seg))
                else:
                    heading_raw = f"{heading_raw}\n{seg}" if heading_raw else seg
                continue
            other_cell = line.table is not None and cc_cell is not None and (line.table, line.cell) != cc_cell
            starts_sig = (P.SIGN_AUTH_RE.match(text) or P.POSITION_RE.match(text)) and is_upper(text)
            # In a two-column layout flattened to text, cc entries and signature lines alternate;
            # a "- …" entry never belongs to a signature.
            word_bullet = line.bullet and seg is line.raw
            if cc_cell is not None and not other_cell and not starts_sig and (P.BULLET_RE.match(text) or word_bullet):
                mode = "cc"
            if mode == "cc" and not other_cell and not starts_sig:
                b = P.BULLET_RE.match(text) or (text if word_bullet else None)
                archived = bool(cc) and re.match(r"^Lưu\b", cc[-1].text) is not None
                if b or not cc:
                    raw = f"{heading_raw}\n{seg}" if heading_raw else seg
                    entry = b.group("text") if isinstance(b, re.Match) else text
                    cc.append(Recipient(text=entry.strip(), raw=raw))
                    heading_raw = ""
                    continue
                if LOWER_START_RE.match(text) and not archived:  # an entry wrapped onto a second line
                    cc[-1] = Recipient(text=f"{cc[-1].text} {text}", raw=f"{cc[-1].raw}\n{seg}")
                    continue
                # "- Lưu …" closes the list; anything else is the signature column
                mode = "sig"
            mode = "sig" if (starts_sig or other_cell or mode == "sig") else mode
            sig_lines.append((text, seg))
    signature = _signature(sig_lines)
    leftovers = ([heading_raw] if heading_raw else []) + stray
    if signature is None:
        leftovers += [raw for text, raw in sig_lines if text]
    return cc, signature, leftovers


_NAME_RE = re.compile(r"[^\W\d_]{2}")  # a signer's name has letters; a stray ";" or "(20)" is not one


def _authority(m: re.Match[str]) -> str:
    auth = re.sub(r"\s+", "", m.group("auth"))
    return auth if "/" in auth else f"{auth}."


def _signature(lines: list[tuple[str, str]]) -> Signature | None:
    texts = [t for t, _ in lines if t and not P.SIGNED_NOTE_RE.match(t)]
    if not texts:
        return None
    authority = body = position = signer = None
    rest = texts
    m = P.SIGN_AUTH_RE.match(texts[0])
    if m:
        authority, body = _authority(m), m.group("rest").strip()
        rest = texts[1:]
        second = P.SIGN_AUTH_RE.match(rest[0]) if rest and is_upper(rest[0]) else None
        if second:
            # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the deputy signs (KT.) for the
            # head, on behalf of the collective named on the first line; `raw` keeps both lines.
            authority = _authority(second)
            rest = rest[1:]
    if authority is None and rest and is_upper(rest[0]) and not P.POSITION_RE.match(rest[0]):
        body = rest.pop(0)  # "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN" whose "TM." was lost: the body that signs
    uppers = []
    while rest and is_upper(rest[0]) and not P.END_MARK_RE.search(rest[0]):
        uppers.append(rest.pop(0))
    if uppers:
        position = " ".join(uppers)
    elif authority and body and P.POSITION_RE.match(body):
        position, body = body, None
    names = [t for t in rest if (not is_upper(t) or len(t.split()) <= 5) and _NAME_RE.search(t)]
    if names:
        signer = names[-1]
    if authority is None and body is None and position is None and signer is None:
        return None
    return Signature(authority=authority, body=body, position=position, signer=signer,
                     raw="\n".join(raw for _, raw in lines).strip("\n"))
