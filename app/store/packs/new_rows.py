"""Rows made offline (a task dispatched on the laptop, a person found door to door, an incident or drill) and their
ids.

A pack gives a new row the next id of its own table, which may be the id of another row at the centre or of a
row another laptop made. Ids are therefore remapped on sync: the centre inserts the row under an id of its own
(its sequence, on either backend), records it with the change's uuid in ``sync_applied.centre_id``, and every
later change of the pack that names the pack's id — an update of the new task, its audit events, the people it
is about, a warning's task, an incident's timeline, task links and improvements, a task's ``incident:N``, the
people an incident's plan names inside its JSON — is carried over to the centre's id before it is applied. Remapping keeps the integer keys every table, index and query
already uses; per-device id ranges would need a range for each copy of a pack file (two laptops may hold copies of
one pack) and UUID keys would change every table.

Which pack row an id names: the pack's new rows since its last pull (``PULLED_SEQ``; a pull replaces the pack's
copies of new rows by the centre's, under the centre's ids) — the latest new row of that table and id made before
the change; any other id is a centre id already.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select

from app.store.packs.journal import NEW_ROWS
from app.store.queries import task_writes as w
from app.store.tables import Base
from app.store.tables.persons import Person
from app.store.tables.sync import PackChange, SyncApplied

# the columns of carried rows that name a row of another table, by table
REFERENCES: dict[str, dict[str, str]] = {
    "tasks": {"parent_id": "tasks"},
    "task_events": {"task_id": "tasks"},
    "task_people": {"task_id": "tasks", "person_id": "persons"},
    "warnings": {"task_id": "tasks"},
    "incidents": {"case_person_id": "persons"},
    "incident_events": {"incident_id": "incidents"},
    "incident_tasks": {"incident_id": "incidents", "task_id": "tasks"},
    "incident_improvements": {"incident_id": "incidents"},
}
# text columns that name a row as ``prefix:id``: the tasks an incident's plan dispatched say which incident
TAGGED: dict[str, dict[str, tuple[str, str]]] = {"tasks": {"source_ref": ("incident:", "incidents")}}


def _plan_people(plan: dict[str, Any], person: Callable[[Any], Any]) -> None:
    """The people an incident's plan names (its case, contacts and the people of its items: the JSON of
    ``Plan.to_json``), carried over in place — a case may be a person found door to door offline."""
    if "case_person_id" in plan:
        plan["case_person_id"] = person(plan["case_person_id"])
    for contact in plan.get("contacts", ()):
        contact["person_id"] = person(contact.get("person_id"))
    for item in plan.get("items", ()):
        item["person_ids"] = [person(p) for p in item.get("person_ids", ())]


# JSON text columns that name rows inside them, and what carries those over
IN_JSON: dict[str, dict[str, tuple[str, Callable[[dict[str, Any], Callable[[Any], Any]], None]]]] = {
    "incidents": {"plan": ("persons", _plan_people)}}
NO_ID_HASH = "none:"  # the stand-in ``id_hash`` of a person in a pack that may not hold the real one


@dataclass(frozen=True)
class NewRow:
    seq: int
    uuid: str
    entity: str
    local_id: int


@dataclass
class LocalIds:
    """The pack's new rows since its last pull and the centre ids those already have."""

    rows: Sequence[NewRow]
    centre_ids: dict[str, int] = field(default_factory=dict)  # change uuid -> id at the centre

    def row_for(self, entity: str, local_id: int, seq: int) -> NewRow | None:
        """The pack's new row that ``entity`` ``local_id`` names in the change at ``seq``, if it is one."""
        found = None
        for row in self.rows:
            if row.seq > seq:
                break
            if row.entity == entity and row.local_id == local_id:
                found = row
        return found

    def centre_id(self, entity: str, value: Any, seq: int) -> Any:
        """``value`` as the centre knows it: the centre's id of a new row, else ``value`` itself. LookupError if
        it names a new row the centre has not taken (it was kept as a conflict)."""
        if value is None or entity not in NEW_ROWS:
            return value
        row = self.row_for(entity, int(value), seq)
        if row is None:
            return value
        if row.uuid not in self.centre_ids:
            raise LookupError(f"{entity} {value} was made offline and is not at the centre")
        return self.centre_ids[row.uuid]

    def carried(self, table: str, values: dict[str, Any], seq: int) -> dict[str, Any]:
        """``values`` of a row of ``table`` with every reference carried over to the centre's ids."""
        out = dict(values)
        for column, entity in REFERENCES.get(table, {}).items():
            if column in out:
                out[column] = self.centre_id(entity, out[column], seq)
        for column, (prefix, entity) in TAGGED.get(table, {}).items():
            value = out.get(column)
            if isinstance(value, str) and value.startswith(prefix) and value[len(prefix):].isdigit():
                out[column] = f"{prefix}{self.centre_id(entity, int(value[len(prefix):]), seq)}"
        for column, (entity, carry) in IN_JSON.get(table, {}).items():
            value = out.get(column)
            if isinstance(value, str) and value.strip():
                raw = json.loads(value)
                carry(raw, lambda v, entity=entity: self.centre_id(entity, v, seq))
                out[column] = json.dumps(raw, ensure_ascii=False)
        return out


def made_since(pack: Connection, after_seq: int) -> list[NewRow]:
    """The rows a pack made since its last pull (``after_seq``), which the centre takes under ids of its own."""
    c = PackChange.__table__
    query = (select(c.c.seq, c.c.uuid, c.c.entity, c.c.entity_id)
             .where(c.c.kind == "new", c.c.seq > after_seq, c.c.entity.in_(list(NEW_ROWS))).order_by(c.c.seq))
    return [NewRow(int(r.seq), r.uuid, r.entity, int(r.entity_id)) for r in pack.execute(query)]


def load_local_ids(centre: Connection, rows: Sequence[NewRow]) -> LocalIds:
    """The new rows with the centre ids an earlier (perhaps interrupted) sync gave them."""
    a = SyncApplied.__table__
    known: dict[str, int] = {}
    uuids = [r.uuid for r in rows]
    for start in range(0, len(uuids), 900):
        query = (select(a.c.uuid, a.c.centre_id)
                 .where(a.c.uuid.in_(uuids[start:start + 900]), a.c.centre_id.is_not(None)))
        known.update({u: int(i) for u, i in centre.execute(query)})
    return LocalIds(sorted(rows, key=lambda r: r.seq), known)


def insert_new(conn: Connection, entity: str, row: dict[str, Any]) -> int:
    """Insert a row made offline at the centre; returns its id there. A person whose identity hash the centre
    already holds is that person (found again door to door), not a second one."""
    values = {k: v for k, v in row.items() if k != "id"}
    if entity == "persons":
        p = Person.__table__
        if not str(values["id_hash"]).startswith(NO_ID_HASH):
            known = conn.scalar(select(p.c.id).where(p.c.id_hash == values["id_hash"]))
            if known is not None:
                return int(known)
        return int(conn.execute(insert(p).returning(p.c.id), [values]).scalar_one())
    if entity == "tasks":
        return w.insert_tasks(conn, [values])[0]
    table = Base.metadata.tables[entity]
    return int(conn.execute(insert(table).returning(table.c.id), [values]).scalar_one())
