"""Word tokens for matching and diffing: each keeps its surface (with the spaces and punctuation
after it, so texts rebuild exactly) and its matching keys.

Keys are lower-case, tone-canonical syllables; tier words (tỉnh, huyện, xã …) share one key so a
localised copy still matches; an abbreviation written in capitals (UBND, PCTNTC, or one the letter
defines itself: "phòng, chống tham nhũng, tiêu cực (PCTNTC)") expands to the keys of its long form.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from parsers.lexicon import ABBREVIATIONS
from parsers.normalise import matching_form, word_form

TIER_KEY = "§"
TIER_WORDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận"})
# Words an office swaps when it localises a text: tier and organisation heads.
LOCALISATION_WORDS = frozenset(
    TIER_WORDS | {"ủy", "trung", "ương", "tw", "tu", "hu", "đu", "bộ", "sở", "phòng", "cục", "vụ", "chi", "ban",
                  "thị", "thành", "phố", "trấn", "đặc", "khu", "đảng", "cấp", "địa", "phương", "các", "của"}
)
# Words include combining marks, so NFD text ("đ" + U+0300 …) is never cut inside a syllable.
_TOKEN_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+|[^\w\s\u0300-\u036f]+|_+")
_WORD_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")  # the word pieces of _TOKEN_RE
_DEFINITION_RE = re.compile(r"\(\s*(?P<abbr>[A-ZĐ][A-ZĐa-z]{1,11})\s*\)")


def _expansion_keys(words: list[str]) -> tuple[str, ...]:
    return tuple(TIER_KEY if w in TIER_WORDS else w for w in words)


_BUILTIN = {k: _expansion_keys(re.findall(r"\w+", v)) for k, v in ABBREVIATIONS.items()
            if re.fullmatch(r"[A-ZĐa-zđ]+", k)}


@dataclass(frozen=True)
class Token:
    surface: str  # the word and the white space / punctuation that follow it
    word: str  # the word as written
    keys: tuple[str, ...]  # matching keys (several for an expanded abbreviation)
    form: str  # matching form of the word (no tier mapping)


def defined_abbreviations(texts: Iterable[str]) -> dict[str, list[str]]:
    """Abbreviations a letter defines: "… phòng, chống tham nhũng, tiêu cực (PCTNTC)" → PCTNTC.

    The long form is the run of words just before the parenthesis whose initials spell the
    abbreviation, so nothing is guessed.
    """
    found: dict[str, list[str]] = {}
    for text in texts:
        for m in _DEFINITION_RE.finditer(text):
            abbr = m.group("abbr")
            letters = [ch for ch in abbr.upper()]
            words = re.findall(r"[^\W\d_]+", text[: m.start()])
            if len(words) < len(letters):
                continue
            tail = words[-len(letters) :]
            initials = [matching_form(w)[0].upper().replace("Đ", "D") for w in tail]
            if initials == [ch.replace("Đ", "D") for ch in letters]:
                found[abbr] = [matching_form(w) for w in tail]
    return found


def tokenize(text: str, abbreviations: dict[str, list[str]] | None = None) -> list[Token]:
    """Split display text into word tokens; `"".join(t.surface)` == text."""
    relevant = tuple(sorted((k, tuple(v)) for k, v in (abbreviations or {}).items() if k in text))
    return list(_tokenize(text, relevant))


@lru_cache(maxsize=65536)
def _tokenize(text: str, relevant: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[Token, ...]:
    """Cached: a parent letter's units are tokenized once for all of its children."""
    abbreviations = {k: list(v) for k, v in relevant}
    pieces = list(_TOKEN_RE.finditer(text))
    tokens: list[Token] = []
    lead = text[: pieces[0].start()] if pieces else text
    for k, m in enumerate(pieces):
        end = pieces[k + 1].start() if k + 1 < len(pieces) else len(text)
        piece = m.group(0)
        if not piece[0].isalnum():
            # punctuation rides on the previous word so word diffs never cut inside a syllable
            if tokens:
                prev = tokens[-1]
                tokens[-1] = Token(prev.surface + text[m.start() : end], prev.word, prev.keys, prev.form)
            else:
                lead += text[m.start() : end]
            continue
        form = word_form(piece)
        if piece in abbreviations:
            keys = _expansion_keys(abbreviations[piece])
        elif piece in _BUILTIN and piece.isupper():
            keys = _BUILTIN[piece]
        else:
            keys = (TIER_KEY if form in TIER_WORDS else form,)
        tokens.append(Token(text[m.start() : end], piece, keys, form))
    # "xã hội" is "society", not a commune: keep its own key so it never matches a tier word.
    for k in range(len(tokens) - 1):
        if tokens[k].keys == (TIER_KEY,) and tokens[k].form == "xã" and tokens[k + 1].form == "hội":
            t = tokens[k]
            tokens[k] = Token(t.surface, t.word, (t.form,), t.form)
    if lead:
        if tokens:
            first = tokens[0]
            tokens[0] = Token(lead + first.surface, first.word, first.keys, first.form)
        else:
            tokens.append(Token(lead, "", (), ""))
    return tuple(tokens)


def keys_of(tokens: list[Token]) -> list[str]:
    return [k for t in tokens for k in t.keys]


def keys_of_text(text: str) -> list[str]:
    """The matching keys of a text, as `tokenize` gives them (built-in abbreviations, "xã hội"), without
    building tokens and without the token cache: indexing a whole folder must not fill a cache meant
    for the units of one pair."""
    words = [w for w in _WORD_RE.findall(text) if w[0].isalnum()]
    keys: list[str] = []
    for k, word in enumerate(words):
        form = _form(word)
        if word in _BUILTIN and word.isupper():
            keys.extend(_BUILTIN[word])
        elif form in TIER_WORDS and not (form == "xã" and k + 1 < len(words) and _form(words[k + 1]) == "hội"):
            keys.append(TIER_KEY)
        else:
            keys.append(form)
    return keys


@lru_cache(maxsize=1 << 17)
def _form(word: str) -> str:
    return word_form(word)
