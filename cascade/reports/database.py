"""cascade.db: the run as a SQLite database, for queries across letters and across runs
(`datasette cascade.db`, `sqlite-utils tables cascade.db`, or ATTACH two runs and compare).

Plain sqlite3 in sqlite-utils' conventions: one table per kind of thing with a primary key, foreign
keys declared (datasette links them), indexes on them, and full-text search over unit texts in
`units_fts` (an FTS5 table with `content=units`, the name sqlite-utils and datasette look for).
Rows are inserted as letters and pairs come and committed once at the end.

Tables: runs, letters, units, citations, parents (child → parent, evidence), pairs (one per linked
parent→child pair, with its figures), links (one per unit link, with its verdict), items (one per
parent item × child letter: its verdict and where it went)."""

import datetime as dt
import json
import sqlite3
from pathlib import Path

from cascade.analysis import Pair
from cascade.reports.sink import RunInfo
from cascade.units import letter_units
from cascade.verdicts import PairVerdicts
from models import Letter, LinkResult, NodeStatus
from models.corpus import LetterNode

SCHEMA = """
CREATE TABLE [runs] ([id] INTEGER PRIMARY KEY, [root] TEXT, [created] TEXT, [cascade_version] TEXT, [lang] TEXT,
  [letters] INTEGER, [failed] INTEGER, [pairs] INTEGER);
CREATE TABLE [letters] ([path] TEXT PRIMARY KEY, [status] TEXT, [error] TEXT, [sha256] TEXT, [format] TEXT,
  [symbol] TEXT, [date] TEXT, [issuer] TEXT, [parent_issuer] TEXT, [tier] TEXT, [system] TEXT, [subject] TEXT,
  [citation_status] TEXT, [cited] TEXT, [flags] TEXT);
CREATE TABLE [units] ([id] INTEGER PRIMARY KEY, [letter] TEXT REFERENCES [letters]([path]), [unit] TEXT,
  [item] TEXT, [kind] TEXT, [position] INTEGER, [text] TEXT, UNIQUE([letter], [unit]));
CREATE TABLE [citations] ([id] INTEGER PRIMARY KEY, [letter] TEXT REFERENCES [letters]([path]), [role] TEXT,
  [kind] TEXT, [number] TEXT, [symbol] TEXT, [doc_type] TEXT, [issuer_code] TEXT, [date] TEXT,
  [issuing_body] TEXT, [name] TEXT, [text] TEXT, [location] TEXT);
CREATE TABLE [parents] ([child] TEXT REFERENCES [letters]([path]), [parent] TEXT REFERENCES [letters]([path]),
  [evidence] TEXT, [confidence] REAL, [reasons] TEXT, PRIMARY KEY ([child], [parent]));
CREATE TABLE [pairs] ([id] INTEGER PRIMARY KEY, [parent] TEXT REFERENCES [letters]([path]),
  [child] TEXT REFERENCES [letters]([path]), [citation_check] TEXT, [retention] REAL, [parent_items] INTEGER,
  [items_carried] INTEGER, [items_dropped] INTEGER, [child_items_local] INTEGER, [item_relations] TEXT,
  [page] TEXT, [redline] TEXT, UNIQUE([parent], [child]));
CREATE TABLE [links] ([id] INTEGER PRIMARY KEY, [pair] INTEGER REFERENCES [pairs]([id]),
  [parent_unit] INTEGER REFERENCES [units]([id]), [child_unit] INTEGER REFERENCES [units]([id]),
  [parent_path] TEXT, [parent_unit_id] TEXT, [child_path] TEXT, [child_unit_id] TEXT, [relation] TEXT,
  [similarity] REAL, [kept_share] REAL, [added_share] REAL, [split] INTEGER, [merged] INTEGER, [moved] INTEGER,
  [strength] TEXT, [score] REAL);
CREATE TABLE [items] ([id] INTEGER PRIMARY KEY, [pair] INTEGER REFERENCES [pairs]([id]),
  [parent_unit] INTEGER REFERENCES [units]([id]), [parent_path] TEXT, [parent_item] TEXT, [child_path] TEXT,
  [relation] TEXT, [kept_share] REAL, [added_share] REAL, [child_items] TEXT);
CREATE INDEX [idx_units_letter] ON [units] ([letter]);
CREATE INDEX [idx_citations_letter] ON [citations] ([letter]);
CREATE INDEX [idx_parents_parent] ON [parents] ([parent]);
CREATE INDEX [idx_links_pair] ON [links] ([pair]);
CREATE INDEX [idx_links_parent_unit] ON [links] ([parent_unit]);
CREATE INDEX [idx_links_child_unit] ON [links] ([child_unit]);
CREATE INDEX [idx_items_pair] ON [items] ([pair]);
CREATE INDEX [idx_items_relation] ON [items] ([relation]);
"""


class Database:
    NAME = "cascade.db"

    def __init__(self, folder: Path) -> None:
        self.db = sqlite3.connect(folder / self.NAME)
        self.db.executescript(SCHEMA)
        self.units: dict[str, dict[str, int]] = {}  # letter → unit id → row id, for letters in pairs
        self._unit_ids = 0  # the last row id of `units`

    def add_letter(self, node: LetterNode, letter: Letter | None) -> None:
        h = letter.header if letter else None
        self.db.execute(
            "INSERT INTO letters VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (node.path, node.status, node.error, letter.source.sha256 if letter else None,
             letter.source.format.value if letter else None, node.symbol, node.date, node.issuer,
             h.parent_issuer if h else None, node.tier.value, letter.system.value if letter else None, node.subject,
             node.citation_status.value if node.status is NodeStatus.PARSED else None, ";".join(node.cited),
             ";".join(node.flags)))
        for p in node.parents:
            self.db.execute("INSERT INTO parents VALUES (?,?,?,?,?)",
                            (node.path, p.parent, p.evidence.value, p.confidence, "; ".join(p.reasons)))
        if letter is None:
            return
        # the row ids SQLite would give them one insert at a time (the table's largest id + 1 each), given
        # here so all of a letter's units go in one executemany
        rows = [(self._unit_ids + k, node.path, unit.id, unit.item,
                 unit.zone if unit.zone != "item" else ("item" if unit.is_item else "block"), unit.order, unit.text)
                for k, unit in enumerate(letter_units(letter), 1)]
        self.db.executemany("INSERT INTO units (id, letter, unit, item, kind, position, text) VALUES (?,?,?,?,?,?,?)",
                            rows)
        self._unit_ids += len(rows)
        if node.parents or node.children:
            self.units[node.path] = {row[2]: row[0] for row in rows}
        self.db.executemany("INSERT INTO citations (letter, role, kind, number, symbol, doc_type, issuer_code, date, "
                            "issuing_body, name, text, location) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                            [(node.path, c.role.value, c.kind, c.number, c.symbol, c.doc_type, c.issuer_code,
                              c.date.isoformat() if c.date else None, c.issuing_body, c.name, c.text, c.where)
                             for c in letter.citations])

    def add_pair(self, pair: Pair, result: LinkResult, verdicts: PairVerdicts) -> None:
        parent, child = pair
        counts = verdicts.item_counts()
        cur = self.db.execute(
            "INSERT INTO pairs (parent, child, citation_check, retention, parent_items, items_carried, items_dropped, "
            "child_items_local, item_relations) VALUES (?,?,?,?,?,?,?,?,?)",
            (parent, child, result.citation_check.status.value, verdicts.retention, len(verdicts.items),
             sum(1 for v in verdicts.items if v.child_items), counts.get("dropped", 0), len(verdicts.local_items),
             json.dumps(counts)))
        pair_id = cur.lastrowid
        p_ids, c_ids = self.units.get(parent, {}), self.units.get(child, {})
        self.db.executemany(
            "INSERT INTO links (pair, parent_unit, child_unit, parent_path, parent_unit_id, child_path, child_unit_id, "
            "relation, similarity, kept_share, added_share, split, merged, moved, strength, score) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(pair_id, p_ids.get(v.parent or ""), c_ids.get(v.child or ""), parent, v.parent, child, v.child,
              v.relation.value, v.similarity, v.kept_share, v.added_share, int(v.split), int(v.merged), int(v.moved),
              link.strength.value, link.score) for v, link in zip(verdicts.links, result.links, strict=True)])
        self.db.executemany(
            "INSERT INTO items (pair, parent_unit, parent_path, parent_item, child_path, relation, kept_share, "
            "added_share, child_items) VALUES (?,?,?,?,?,?,?,?,?)",
            [(pair_id, p_ids.get(v.item), parent, v.item, child, v.relation.value, v.kept_share, v.added_share,
              ";".join(v.child_items)) for v in verdicts.items])

    def finish(self, run: RunInfo) -> list[str]:
        for (parent, child), name in run.names.items():
            page = f"pairs/{name}.html" if "pairs" in run.formats else None
            redline = f"pairs/{name}.docx" if "docx" in run.formats else None
            self.db.execute("UPDATE pairs SET page = ?, redline = ? WHERE parent = ? AND child = ?",
                            (page, redline, parent, child))
        parsed = sum(1 for n in run.nodes.values() if n.status is NodeStatus.PARSED)
        pairs = self.db.execute("SELECT count(*) FROM pairs").fetchone()[0]
        self.db.execute("INSERT INTO runs (root, created, cascade_version, lang, letters, failed, pairs) "
                        "VALUES (?,?,?,?,?,?,?)",
                        (run.root, dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), run.version, run.lang,
                         parsed, len(run.nodes) - parsed, pairs))
        self.db.executescript("CREATE VIRTUAL TABLE [units_fts] USING FTS5 ([text], content=[units]);"
                              "INSERT INTO [units_fts] (rowid, [text]) SELECT rowid, [text] FROM [units];")
        self.db.commit()
        self.db.close()
        return [self.NAME]
