"""What the Markdown and HTML link reports share: the parent-ordered walk over units and links."""

from dataclasses import dataclass
from pathlib import Path

from cascade.reports.labels import label
from cascade.units import Unit, letter_units
from models import Letter, Link, LinkResult, LinkSummary


@dataclass(frozen=True)
class Row:
    """One parent unit (or, with `parent` None, one local child unit) and what it became."""

    parent: Unit | None
    links: list[Link]
    child: Unit | None = None  # only for local additions
    framed: bool = False  # a parent unit that only frames the letter (lead-in, citation): neither carried nor dropped


def rows(result: LinkResult) -> list[Row]:
    by_parent: dict[str, list[Link]] = {}
    for link in result.links:
        by_parent.setdefault(link.parent, []).append(link)
    dropped = set(result.dropped)
    out = [Row(u, by_parent.get(u.id, []), framed=u.id not in dropped and u.id not in by_parent)
           for u in letter_units(result.parent)]
    added = set(result.added)
    out += [Row(None, [], u) for u in letter_units(result.child) if u.id in added]
    return out


def describe(letter: Letter, lang: str = "en") -> str:
    """A letter in one line, in the report language: file name, symbol, date, issuer, tier."""
    h = letter.header
    tier = f"{label('tier_word', lang)} {label(letter.tier.value, lang).lower()}"
    bits = [h.symbol or label("no_symbol", lang), h.date.isoformat() if h.date else label("no_date", lang),
            h.issuer or label("no_issuer", lang), tier]
    return f"{Path(letter.source.path).name} ({', '.join(bits)})"


def flags(link: Link, lang: str = "en") -> str:
    return ", ".join(label(f, lang) for f, on in (("split", link.split), ("merged", link.merged),
                                                  ("moved", link.moved)) if on)


def sentence_map(link: Link, parent_text: str, child_text: str, width: int = 90) -> list[tuple[str, str, float]]:
    """(parent sentence, child sentence, cosine) behind a link, each cut to `width` characters."""

    def cut(text: str) -> str:
        text = text.strip()
        return text if len(text) <= width else text[: width - 1].rstrip() + "…"

    return [(cut(parent_text[s.parent_start : s.parent_end]), cut(child_text[s.child_start : s.child_end]),
             s.similarity) for s in link.sentences]


def summary_figures(s: LinkSummary, lang: str) -> list[tuple[str, str]]:
    """The letter-level figures every link report shows, labelled in `lang`."""
    of = label("of", lang)
    return [
        (label("fig_carried", lang), f"{s.parent_items_carried} {of} {s.parent_items}"),
        (label("fig_kept", lang), str(s.parent_items_kept)),
        (label("fig_trimmed", lang), str(s.parent_items_trimmed)),
        (label("fig_dropped", lang), str(s.parent_items_dropped)),
        (label("fig_local", lang), f"{s.child_items_local} {of} {s.child_items}"),
        (label("fig_units_dropped", lang), f"{s.parent_units_dropped} {of} {s.parent_units}"),
        (label("fig_units_added", lang), f"{s.child_units_added} {of} {s.child_units}"),
        (label("fig_retention", lang), f"{s.retention:.1%}"),
        (label("fig_relations", lang),
         ", ".join(f"{label(k, lang)} {v}" for k, v in sorted(s.relations.items())) or "—"),
    ]
