"""The spaCy pipeline: a blank Vietnamese `Language` with cascade's entity components.

Components (names start with `cascade_`) put spans in `doc.spans["dates" | "citations" |
"organisations"]`, their union in `doc.ents`, and the parsed references in `doc._.citations`, so
later stages can ask one `Doc` for every entity.

Tokens are syllables by default: pyvi's word segmentation splits symbols (`21 - KL / TW`) and
mis-segments this genre ("cấp | ủy", "Giao_Ban"), and our matchers work on characters anyway. Pass
`segmenter="pyvi"` for spaCy's own Vietnamese tokenizer (pyvi words) where word tokens are wanted.
"""

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from parsers.citations import CitationMatch, find_citations
from parsers.lexicon import ORGANISATION_RE
from parsers.normalise import normalise_tones
from parsers.patterns import DATE_RE

if not Doc.has_extension("citations"):
    Doc.set_extension("citations", default=None)


class SyllableTokenizer:
    """Split on syllables and punctuation, keeping whitespace so `doc.text == text`."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = _whitespace_doc(self.vocab, text)
        doc.user_data["cascade_text"] = text  # Doc.text re-joins every token on each access
        return doc

    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _bytes: bytes, **_: object) -> "SyllableTokenizer":
        return self


def _whitespace_doc(vocab: Vocab, text: str) -> Doc:
    """Tokens that keep every white-space character (spaCy holds extra spaces as tokens)."""
    words: list[str] = []
    spaces: list[bool] = []
    for m in re.finditer(r"\w+|[^\w\s]|\s+", text):
        tok = m.group(0)
        if tok == " " and words and not spaces[-1]:
            spaces[-1] = True
        else:
            words.append(tok)
            spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)


@spacy.registry.tokenizers("cascade.syllable_tokenizer.v1")
def create_syllable_tokenizer() -> object:
    def make(nlp: Language) -> SyllableTokenizer:
        return SyllableTokenizer(nlp.vocab)

    return make


def _text(doc: Doc) -> str:
    text = doc.user_data.get("cascade_text")
    return text if isinstance(text, str) else doc.text


def _spans(doc: Doc, ranges: list[tuple[int, int]], label: str) -> list[Span]:
    out = []
    for start, end in ranges:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


@Language.factory("cascade_dates")
class DateComponent:
    """Dates written "25/10/2021", "25-10-2021" or "ngày 22 tháng 5 năm 2024"."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["dates"] = _spans(doc, [m.span() for m in DATE_RE.finditer(_text(doc))], "DATE")
        return doc


@Language.factory("cascade_organisations")
class OrganisationComponent:
    """Party and state bodies from a lexicon, matched on tone-canonical text so "Uỷ" ≡ "Ủy"."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        canonical = normalise_tones(_text(doc))  # same length: only tone marks move
        found = [m.span() for m in ORGANISATION_RE.finditer(canonical)]
        doc.spans["organisations"] = _spans(doc, found, "ORG")
        return doc


@Language.factory("cascade_citations")
class CitationComponent:
    """References to other documents; `doc._.citations` holds them parsed (symbol, date, body…)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found: list[CitationMatch] = find_citations(_text(doc), with_roles=True)
        doc._.citations = found
        doc.spans["citations"] = _spans(doc, [(c.start, c.end) for c in found], "CITATION")
        groups = [*doc.spans["citations"], *doc.spans.get("dates", []), *doc.spans.get("organisations", [])]
        doc.ents = filter_spans(groups)
        return doc


@lru_cache(maxsize=2)
def load_pipeline(segmenter: str = "syllable") -> Language:
    """Build the pipeline once per process; `segmenter` is "syllable" or "pyvi"."""
    if segmenter == "syllable":
        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "cascade.syllable_tokenizer.v1"}}})
    elif segmenter == "pyvi":
        nlp = spacy.blank("vi")
    else:
        raise ValueError(f"segmenter must be one of ['syllable', 'pyvi'], got {segmenter!r}")
    nlp.add_pipe("cascade_dates")
    nlp.add_pipe("cascade_organisations")
    nlp.add_pipe("cascade_citations")
    return nlp


def citations_of(nlp: Language, texts: Iterable[str]) -> Iterator[list[CitationMatch]]:
    """`doc._.citations` of each text, in order. A text over spaCy's `max_length` (a paragraph of a
    million characters is no letter's, but a hostile file's) goes straight to the matcher the
    citations component runs, without a `Doc` and its memory."""
    texts = list(texts)
    short = [t for t in texts if len(t) <= nlp.max_length]
    docs = iter(nlp.pipe(short))
    for text in texts:
        if len(text) <= nlp.max_length:
            yield next(docs)._.citations
        else:
            yield find_citations(text, with_roles=True)
