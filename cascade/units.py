"""Flatten a letter's item tree into the units alignment works on (items' lead paragraphs and blocks)."""

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


def letter_units(letter: Letter) -> list[Unit]:
    out: list[Unit] = []

    def blocks(item: Item, bs: list[Block]) -> None:
        for b in bs:
            out.append(Unit(b.id, item.id, b.text, len(out), False))
            blocks(item, b.blocks)

    def items(its: list[Item]) -> None:
        for it in its:
            out.append(Unit(it.id, it.id, it.text, len(out), True))
            blocks(it, it.blocks)
            items(it.items)

    items(letter.items)
    return out
