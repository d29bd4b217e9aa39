"""The pack's change log, written by SQLite triggers so every write path of every service is recorded in the
same transaction as the write itself — no service needs to know it works on a pack.

Recorded: a change of a tracked row (its tracked fields before and after, and the version it was based on),
a row appended to an append-only log (task and incident events, an incident's task links and improvement
plan) and a row of the improvement plan taken out again. The author of a task change is the ``by`` of the audit event the dispatch service writes right after it;
the device and, for rows without an author of their own, the user come from ``jingkong_meta`` (set when the
console opens the pack).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

DEVICE_META = "pack_device"
USER_META = "pack_user"


@dataclass(frozen=True)
class Tracked:
    """A table whose rows a pack may change: the fields merged field by field, and its version column."""

    table: str
    fields: tuple[str, ...]
    version: str | None = None
    # bookkeeping that follows the fields it goes with: never a conflict of its own
    followers: frozenset[str] = frozenset({"updated_at", "closed_at"})


UPDATES = (
    Tracked("tasks", ("status", "claimed_by", "assignee_unit_id", "assignee_code", "assignee_role", "assignee_name",
                      "escalated_unit_id", "escalated_at", "title", "priority", "due_at", "closed_at", "updated_at"),
            "version"),
    Tracked("warnings", ("status", "reason", "task_id", "updated_at")),
    Tracked("incidents", ("dispatched_at", "closed_at", "plan", "speed"), followers=frozenset()),  # closing is news
)
# Appended rows: the table, its parent reference and the columns carried (the centre gives the row its own id).
INSERTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "task_events": ("task_id", ("task_id", "at", "by", "action", "from_status", "to_status", "note")),
    "incident_events": ("incident_id", ("incident_id", "at", "kind", "by", "note", "data")),
    "task_people": ("task_id", ("task_id", "person_id")),
    # an incident's links to the tasks its plan dispatched, and its after-action improvement plan
    "incident_tasks": ("incident_id", ("incident_id", "task_id", "action", "milestone", "quantity", "unit")),
    "incident_improvements": ("incident_id", ("incident_id", "milestone", "issue", "action", "owner", "due")),
}
# Rows removed offline: the table, its parent reference and the columns that find the row at the centre (by what
# it says, not its id: a row added offline has another id there, and one added and removed offline is no row yet).
DELETES: dict[str, tuple[str, tuple[str, ...]]] = {
    "incident_improvements": ("incident_id", ("incident_id", "milestone", "issue", "action", "owner", "due")),
}
# Rows made offline that the centre takes as new rows (the whole row travels; the centre gives it its own id and
# sync maps the pack's id onto it, see ``new_rows``); other new rows are logged and kept as conflicts.
NEW_ROWS: dict[str, tuple[str, ...]] = {
    "tasks": ("id", "kind", "source", "source_ref", "title", "priority", "status", "target_unit_id", "target_wkt",
              "assignee_unit_id", "assignee_code", "assignee_role", "assignee_name", "claimed_by",
              "escalated_unit_id", "escalated_at", "parent_id", "facility_id", "created_at", "due_at", "updated_at",
              "closed_at", "version"),
    "incidents": ("id", "mode", "name", "scenario", "case_person_id", "case_at", "started_at", "dispatched_at",
                  "closed_at", "speed", "seed", "plan", "created_by"),
    "persons": ("id", "kind", "id_hash", "id_masked", "name", "sex", "birth_day", "occupation", "health_code",
                "phone_masked", "home_grid_id", "current_city_id", "declared_return_at"),
}
BY_TABLE = {t.table: t for t in UPDATES}

_NOW = "CAST(strftime('%s', 'now') AS INTEGER)"
_UUID = "lower(hex(randomblob(16)))"
_DEVICE = f"(SELECT value FROM jingkong_meta WHERE key = '{DEVICE_META}')"
_USER = f"(SELECT value FROM jingkong_meta WHERE key = '{USER_META}')"


def _json(prefix: str, fields: tuple[str, ...]) -> str:
    return "json_object(" + ", ".join(f"'{f}', {prefix}.{f}" for f in fields) + ")"


def _update_trigger(t: Tracked) -> tuple[str, str]:
    name = f"pack_journal_{t.table}_update"
    changed = " OR ".join(f"NEW.{f} IS NOT OLD.{f}" for f in t.fields if f not in t.followers)
    # tasks get their author from the audit event that follows; other rows from the pack's user
    author = "NULL" if t.table == "tasks" else f"COALESCE({_USER}, 'offline')"
    base = f"OLD.{t.version}" if t.version else "NULL"
    return name, (
        f"CREATE TRIGGER {name} AFTER UPDATE ON {t.table} WHEN {changed} BEGIN "
        "INSERT INTO pack_changes (uuid, kind, entity, entity_id, base_version, before, after, author, device, at) "
        f"VALUES ({_UUID}, 'update', '{t.table}', NEW.id, {base}, {_json('OLD', t.fields)}, {_json('NEW', t.fields)}, "
        f"{author}, COALESCE({_DEVICE}, 'unknown'), {_NOW}); END")


def _insert_trigger(table: str, parent: str, columns: tuple[str, ...]) -> tuple[str, str]:
    name = f"pack_journal_{table}_insert"
    link = ("NULL" if table != "task_events" else
            "CASE WHEN NEW.action = 'note' THEN NULL ELSE (SELECT uuid FROM pack_changes WHERE entity = 'tasks' "
            "AND entity_id = NEW.task_id AND kind = 'update' ORDER BY seq DESC LIMIT 1) END")
    claim_author = ("UPDATE pack_changes SET author = NEW.by WHERE entity = 'tasks' AND entity_id = NEW.task_id "
                    "AND author IS NULL; " if table == "task_events" else "")
    author = "NEW.by" if "by" in columns else f"COALESCE({_USER}, 'offline')"
    return name, (
        f"CREATE TRIGGER {name} AFTER INSERT ON {table} BEGIN {claim_author}"
        "INSERT INTO pack_changes (uuid, kind, entity, entity_id, before, after, parent_uuid, author, device, at) "
        f"VALUES ({_UUID}, 'insert', '{table}', NEW.{parent}, '{{}}', {_json('NEW', columns)}, {link}, {author}, "
        f"COALESCE({_DEVICE}, 'unknown'), {_NOW}); END")


def _delete_trigger(table: str, parent: str, columns: tuple[str, ...]) -> tuple[str, str]:
    name = f"pack_journal_{table}_delete"
    return name, (
        f"CREATE TRIGGER {name} AFTER DELETE ON {table} BEGIN "
        "INSERT INTO pack_changes (uuid, kind, entity, entity_id, before, after, author, device, at) "
        f"VALUES ({_UUID}, 'delete', '{table}', OLD.{parent}, {_json('OLD', columns)}, '{{}}', "
        f"COALESCE({_USER}, 'offline'), COALESCE({_DEVICE}, 'unknown'), {_NOW}); END")


def _new_row_trigger(table: str) -> tuple[str, str]:
    """A row created offline: the whole row for the tables the centre takes new rows of, else only its id (logged
    so it is never lost, and kept as a conflict at the centre)."""
    name = f"pack_journal_{table}_new"
    row = _json("NEW", NEW_ROWS[table]) if table in NEW_ROWS else "'{}'"
    return name, (
        f"CREATE TRIGGER {name} AFTER INSERT ON {table} BEGIN "
        "INSERT INTO pack_changes (uuid, kind, entity, entity_id, before, after, author, device, at) "
        f"VALUES ({_UUID}, 'new', '{table}', NEW.id, '{{}}', {row}, COALESCE({_USER}, 'offline'), "
        f"COALESCE({_DEVICE}, 'unknown'), {_NOW}); END")


def _triggers() -> list[tuple[str, str]]:
    return ([_new_row_trigger(table) for table in ("tasks", "incidents", "persons")]
            + [_update_trigger(t) for t in UPDATES]
            + [_insert_trigger(table, parent, cols) for table, (parent, cols) in INSERTS.items()]
            + [_delete_trigger(table, parent, cols) for table, (parent, cols) in DELETES.items()])


def start_journal(conn: Connection) -> None:
    """Record every change of this store from now on (a pack's triggers)."""
    for _name, sql in _triggers():
        conn.exec_driver_sql(sql)


def stop_journal(conn: Connection) -> None:
    """Stop recording (while a pull writes the centre's picture into the pack, in the same transaction)."""
    for name, _sql in _triggers():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
