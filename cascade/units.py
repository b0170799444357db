"""Flatten a letter's item trees into the units alignment works on (items' lead paragraphs and blocks).

A file with attachments (a Quyết định and the Kế hoạch it issues) gives the units of every part, in
document order; their ids are unique across parts (see README, "Parts"), so a link can reach any of them.
"""

from dataclasses import dataclass

from models import Block, Item, Letter


@dataclass(frozen=True)
class Unit:
    """One alignable unit: an item's lead paragraph or one block, with its place in the letter."""

    id: str
    item: str  # id of the numbered item it belongs to ("1.3/2/1" → "1.3")
    text: str
    order: int  # position in document order
    is_item: bool
    container: str | None  # id of the item or block it sits in; None at the top of the letter
    part: int = 0  # the document of the file it belongs to (Letter.parts): 0 the letter, 1… its attachments


def letter_units(letter: Letter) -> list[Unit]:
    out: list[Unit] = []

    def blocks(item: Item, bs: list[Block], container: str) -> None:
        for b in bs:
            out.append(Unit(b.id, item.id, b.text, len(out), False, container, item.part))
            blocks(item, b.blocks, b.id)

    def items(its: list[Item], container: str | None) -> None:
        for it in its:
            out.append(Unit(it.id, it.id, it.text, len(out), True, container, it.part))
            blocks(it, it.blocks, it.id)
            items(it.items, it.id)

    items(letter.items, None)
    return out
