"""What linking a higher-tier letter to a lower-tier letter produces: unit links with their word diff,
item links, what was dropped and added, the citation check and letter-level figures.

This is the JSON contract `cascade link --format json` prints and shared/eval/score_links.py reads.
"""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from models.enums import PairWarningCode
from models.letter import SCHEMA_VERSION, Letter


class Relation(StrEnum):
    """How a child unit relates to its parent unit, judged from the word diff."""

    KEPT = "kept"  # same text up to orthography (tone placement, case, Unicode form, abbreviation)
    LOCALISED = "localised"  # only tier / place / organisation substitutions
    TRIMMED = "trimmed"  # parent words left out, nothing added
    EXPANDED = "expanded"  # local words added, nothing left out
    MODIFIED = "modified"  # both
    PARAPHRASED = "paraphrased"  # the same duty in other words: linked on shared key terms, few shared word runs


class Strength(StrEnum):
    """How strong the textual evidence of a link is, whatever its relation."""

    COPIED = "copied"  # the child's words are the parent's, up to orthography and localisation
    ADAPTED = "adapted"  # word runs carried down, with trims, additions or rewording around them
    PARAPHRASED = "paraphrased"  # key terms shared, word order and wording mostly the child's own
    # the parent item leaves this to the rules issued with it ("Theo Thể lệ ban hành kèm …") and the child
    # unit is the rules' heading naming what it settles: no words carried, the score is the share of the
    # heading's words the item holds (cascade/deferrals.py), not a similarity
    DEFERRED = "deferred"


class SpanKind(StrEnum):
    EQUAL = "equal"
    TRIMMED = "trimmed"  # parent words not carried down
    ADDED = "added"  # child words not in the parent
    LOCALISED = "localised"  # a substitution between tier or organisation names
    ORTHOGRAPHIC = "orthographic"  # same word up to tone placement, case, Unicode form or abbreviation


class CitationStatus(StrEnum):
    EXACT = "exact"  # the child cites the parent's symbol (and date, when both are known)
    NEAR = "near"  # same issuer and kind, number or date off: a typo or a sibling letter
    UNRELATED = "unrelated"  # the child cites something else
    NONE = "none"  # nothing to compare: the child cites nothing, or the parent has no symbol


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DiffSpan(_Model):
    """One run of the edit script; concatenating `parent` (or `child`) over all spans rebuilds that text."""

    kind: SpanKind
    parent: str = ""
    child: str = ""


class SentenceLink(_Model):
    """Which sentence of the parent unit went into which sentence of the child unit (character offsets
    into the units' display texts), so a long unit spread over several child units can be followed."""

    parent_start: int
    parent_end: int
    child_start: int
    child_end: int
    similarity: float = Field(description="Cosine of the two sentences' TF-IDF vectors (words and word pairs).")


class Link(_Model):
    parent: str = Field(description="Parent unit id.")
    child: str = Field(description="Child unit id.")
    relation: Relation
    split: bool = Field(default=False, description="The parent unit was split over several child units.")
    merged: bool = Field(default=False, description="The child unit merges several parent units.")
    moved: bool = Field(default=False, description="Out of the parent's order.")
    similarity: float = Field(description="Share of the child's weighted word pairs found in the parent unit.")
    kept_share: float = Field(description="Share of the parent unit's words carried into the child unit.")
    added_share: float = Field(description="Share of the child unit's words not from the parent unit.")
    score: float = Field(description="Confidence 0-1: the strongest of the link's similarity measures; for a "
                                     "`deferred` link, the share of the child heading's words the parent item holds.")
    strength: Strength
    sentences: list[SentenceLink] = Field(default_factory=list, description="Sentence pairs behind the link.")
    diff: list[DiffSpan]


class ItemLink(_Model):
    """Unit links rolled up to numbered items (`1.3/2` → `1.3`), at the level the child works at: a child
    item whose sub-items all implement one parent item is linked to it as a whole. A unit outside the
    numbered items (`body/2`) stands for itself."""

    parent_item: str
    child_item: str
    units: int = Field(description="How many unit links support this item link.")
    kept_share: float = Field(description="Share of the parent item's words carried into this child item.")
    relation: Relation
    score: float = Field(description="The best score among the unit links of its strength that it rolls up.")
    strength: Strength = Field(description="The strongest evidence among the unit links it rolls up.")


class CitationCheck(_Model):
    status: CitationStatus
    cited: str | None = Field(default=None, description="What the child says it implements, as written.")
    cited_symbol: str | None = None
    cited_date: str | None = None
    parent_symbol: str | None = None
    parent_date: str | None = None
    reasons: list[str] = Field(default_factory=list)


class LinkSummary(_Model):
    parent_items: int
    parent_items_carried: int = Field(description="Parent items with at least one unit carried down.")
    parent_items_kept: int = Field(description="Carried with every word (up to orthography/localisation).")
    parent_items_trimmed: int
    parent_items_dropped: int
    child_items: int
    child_items_local: int = Field(description="Child items with no unit from the parent.")
    parent_units: int
    parent_units_dropped: int
    child_units: int
    child_units_added: int
    retention: float = Field(description="Share of all parent words (in items) carried into the child.")
    relations: dict[str, int] = Field(description="Unit links per relation.")


class PairWarning(_Model):
    """Why a pair may not be a parent and its child: `unrelated` or `reversed`."""

    code: PairWarningCode
    message: str


class LinkResult(_Model):
    schema_version: str = SCHEMA_VERSION
    parent: Letter
    child: Letter
    links: list[Link]
    item_links: list[ItemLink]
    dropped: list[str] = Field(description="Parent unit ids not carried into the child.")
    added: list[str] = Field(description="Child unit ids with no parent unit (local additions).")
    citation_check: CitationCheck
    summary: LinkSummary
    warnings: list[PairWarning] = Field(default_factory=list)
