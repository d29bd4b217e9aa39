"""The triggers a store's guarantees rest on, by name, for each backend; :func:`ensure` re-creates missing ones.

- ``task_events``, ``audit_log`` and ``sync_applied`` (the centre's ledger of pack changes applied, which makes
  sync exactly-once) are append-only (UPDATE, DELETE, TRUNCATE refused);
- every task event is copied into the audit trail (on PostgreSQL at commit, by a deferred constraint
  trigger: the chain's lock is then always the last one a transaction takes, so it cannot join a deadlock);
- every change to the data the indicators are built from that new row ids do not reveal — a record or person
  deleted or changed in place (a sample getting its result aside: the engine follows those), a record put in
  below the highest id, any change to units, places, risk areas and cities — counts in ``jingkong_data_changes``
  (a console's saved indicators are used only while that count is what they were built at);
- on PostgreSQL a trigger chains each new audit entry to the one before (the application never chooses a hash),
  and changes to tasks, warnings, trips, transfers and incidents are announced with NOTIFY to every listening
  console.

:meth:`Store.open` calls :func:`ensure`, so dropping a trigger only lasts until the store is next opened by
its owner — and a login that may not re-create it is refused rather than let work on unguarded.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from app.store.errors import StoreError

CHANGES_CHANNEL = "jingkong_changes"
NOTIFIED_TABLES = ("tasks", "warnings", "trips", "transfers", "incidents", "incident_events")
_AUDIT_LOCK = 72620417  # pg_advisory_xact_lock key of the audit chain's head

_FIELD = "length(coalesce({0}, ''))::text || ':' || coalesce({0}, '')"
_HASHED = ("NEW.id::text", "NEW.at::text", "NEW.db_user", "NEW.actor", "NEW.action", "NEW.subject", "NEW.detail",
           "NEW.prev_hash")

# The data the indicator engine reads (app.store.queries.indicators, indicator_statics) that it cannot follow by
# new ids alone; the other tables it reads (cameras, facilities, grid leaders, tasks, warnings) it re-reads whole.
COUNTED_BY_ID = ("scans", "test_samples", "vaccinations", "quarantine_orders", "transfers", "clinic_visits",
                 "pharmacy_purchases", "persons")
COUNTED_WHOLE = ("admin_units", "places", "risk_areas", "cities")
# a pending sample getting its result is followed by the engine's refresh; any other change to a sample is not
_SAMPLE_COUNTED = "OLD.result IS NOT NULL OR NEW.result IS NULL"

_PG_FUNCTIONS = (
    "CREATE OR REPLACE FUNCTION jingkong_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$",
    f"""CREATE OR REPLACE FUNCTION jingkong_audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    DECLARE last_id bigint; last_hash text;
    BEGIN
      -- one writer at a time extends the chain; the lock lasts until commit, so the next one sees this entry
      PERFORM pg_advisory_xact_lock({_AUDIT_LOCK});
      SELECT id, hash INTO last_id, last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
      NEW.id := coalesce(last_id, 0) + 1;
      NEW.prev_hash := coalesce(last_hash, '');
      NEW.db_user := session_user::text;
      NEW.detail := coalesce(NEW.detail, '');
      NEW.hash := encode(sha256(convert_to({" || '|' || ".join(_FIELD.format(f) for f in _HASHED)}, 'UTF8')), 'hex');
      RETURN NEW;
    END $$""",
    """CREATE OR REPLACE FUNCTION jingkong_task_event_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    BEGIN
      INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (NEW.at, NEW."by", 'task.' || NEW.action,
        'task:' || NEW.task_id, json_build_object('event', NEW.id, 'from', NEW.from_status, 'to', NEW.to_status,
        'note', NEW.note)::text);
      RETURN NULL;
    END $$""",
    # the owner's right to count: a login that may change records need not be able to write the counter
    """CREATE OR REPLACE FUNCTION jingkong_count_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    BEGIN
      INSERT INTO jingkong_data_changes (id, n, token) VALUES (1, 1, floor(random() * 9e18)::bigint)
        ON CONFLICT (id) DO UPDATE SET n = jingkong_data_changes.n + 1, token = EXCLUDED.token;
      RETURN NULL;
    END $$""",
    f"""CREATE OR REPLACE FUNCTION jingkong_notify_change() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN PERFORM pg_notify('{CHANGES_CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$""",
)

PG_TRIGGERS: dict[tuple[str, str], str] = {
    ("task_events", "task_events_no_change"): "BEFORE UPDATE OR DELETE ON task_events FOR EACH ROW "
                                              "EXECUTE FUNCTION jingkong_refuse_change()",
    ("task_events", "task_events_no_truncate"): "BEFORE TRUNCATE ON task_events FOR EACH STATEMENT "
                                                "EXECUTE FUNCTION jingkong_refuse_change()",
    ("task_events", "task_events_audit"): "AFTER INSERT ON task_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                                          "EXECUTE FUNCTION jingkong_task_event_audit()",
    ("audit_log", "audit_log_no_change"): "BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW "
                                          "EXECUTE FUNCTION jingkong_refuse_change()",
    ("audit_log", "audit_log_no_truncate"): "BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT "
                                            "EXECUTE FUNCTION jingkong_refuse_change()",
    ("audit_log", "audit_log_chain"): "BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION jingkong_audit_chain()",
    # the centre's ledger of pack changes applied: a row gone would let a re-sync apply its change twice
    ("sync_applied", "sync_applied_no_change"): "BEFORE UPDATE OR DELETE ON sync_applied FOR EACH ROW "
                                                "EXECUTE FUNCTION jingkong_refuse_change()",
    ("sync_applied", "sync_applied_no_truncate"): "BEFORE TRUNCATE ON sync_applied FOR EACH STATEMENT "
                                                  "EXECUTE FUNCTION jingkong_refuse_change()",
    **{(t, f"{t}_notify"): f"AFTER INSERT OR UPDATE OR DELETE ON {t} FOR EACH STATEMENT "
                           f"EXECUTE FUNCTION jingkong_notify_change()" for t in NOTIFIED_TABLES},
    # statement triggers (one count per statement, on a partitioned table's parent too); ids come from sequences
    # here, so a row put in below the highest id does not happen short of hand-written SQL
    **{(t, f"{t}_count_changes"): f"AFTER {'DELETE' if t == 'test_samples' else 'UPDATE OR DELETE'} OR TRUNCATE "
                                  f"ON {t} FOR EACH STATEMENT EXECUTE FUNCTION jingkong_count_change()"
       for t in COUNTED_BY_ID},
    ("test_samples", "test_samples_count_updates"): f"AFTER UPDATE ON test_samples FOR EACH ROW WHEN "
                                                    f"({_SAMPLE_COUNTED}) EXECUTE FUNCTION jingkong_count_change()",
    **{(t, f"{t}_count_changes"): f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {t} FOR EACH STATEMENT "
                                  f"EXECUTE FUNCTION jingkong_count_change()" for t in COUNTED_WHOLE},
}

_REFUSE = "BEGIN SELECT RAISE(ABORT, '{0} is append-only'); END"
_COUNT = ("BEGIN INSERT INTO jingkong_data_changes (id, n, token) VALUES (1, 1, random()) "
          "ON CONFLICT (id) DO UPDATE SET n = n + 1, token = random(); END")
SQLITE_TRIGGERS: dict[tuple[str, str], str] = {
    ("task_events", "task_events_no_update"): "BEFORE UPDATE ON task_events " + _REFUSE.format("task_events"),
    ("task_events", "task_events_no_delete"): "BEFORE DELETE ON task_events " + _REFUSE.format("task_events"),
    ("task_events", "task_events_audit"): (
        "AFTER INSERT ON task_events BEGIN INSERT INTO audit_log (at, db_user, actor, action, subject, detail) "
        "VALUES (NEW.at, '', NEW.\"by\", 'task.' || NEW.action, 'task:' || NEW.task_id, json_object('event', NEW.id, "
        "'from', NEW.from_status, 'to', NEW.to_status, 'note', NEW.note)); END"),
    # an entry is written unsealed and sealed (its hashes set) once, by the store, in the same transaction
    ("audit_log", "audit_log_no_update"): "BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL "
                                          + _REFUSE.format("audit_log"),
    ("audit_log", "audit_log_no_delete"): "BEFORE DELETE ON audit_log " + _REFUSE.format("audit_log"),
    ("sync_applied", "sync_applied_no_update"): "BEFORE UPDATE ON sync_applied " + _REFUSE.format("sync_applied"),
    ("sync_applied", "sync_applied_no_delete"): "BEFORE DELETE ON sync_applied " + _REFUSE.format("sync_applied"),
    # rows added with new ids are not counted (the engine follows them): a bulk load pays one index probe a row
    **{(t, f"{t}_count_inserts"): f"BEFORE INSERT ON {t} WHEN NEW.id > 0 AND NEW.id <= (SELECT MAX(id) FROM {t}) "
                                  + _COUNT for t in COUNTED_BY_ID},
    **{(t, f"{t}_count_updates"): f"AFTER UPDATE ON {t} " + (f"WHEN {_SAMPLE_COUNTED} " if t == "test_samples" else "")
                                  + _COUNT for t in COUNTED_BY_ID},
    **{(t, f"{t}_count_deletes"): f"AFTER DELETE ON {t} " + _COUNT for t in COUNTED_BY_ID + COUNTED_WHOLE},
    **{(t, f"{t}_count_{op.lower()}s"): f"AFTER {op} ON {t} " + _COUNT for t in COUNTED_WHOLE for op in ("INSERT", "UPDATE")},
}


def run_ddl(conn: Connection, sql: str) -> None:
    """Run one statement as written, in the connection's transaction (a ``%`` in PL/pgSQL is not a parameter)."""
    if conn.dialect.name == "postgresql":
        with conn.connection.dbapi_connection.cursor() as cursor:  # type: ignore[union-attr]
            cursor.execute(sql)
    else:
        conn.exec_driver_sql(sql)


def _present(conn: Connection) -> set[str]:
    if conn.dialect.name == "postgresql":
        query = ("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN "
                 "(SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)")
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    return set(conn.scalars(text(query)))


def missing(conn: Connection) -> list[str]:
    """Names of the guarding triggers this store lacks (on the tables it has: a store made before a record table
    existed lacks that table until its migration)."""
    wanted = PG_TRIGGERS if conn.dialect.name == "postgresql" else SQLITE_TRIGGERS
    present, tables = _present(conn), set(inspect(conn).get_table_names())
    return [name for table, name in wanted if name not in present and table in tables]


def ensure(conn: Connection) -> list[str]:
    """Create the guarding triggers the store lacks (all of them on a new store); return the names created."""
    postgres = conn.dialect.name == "postgresql"
    wanted = PG_TRIGGERS if postgres else SQLITE_TRIGGERS
    lacking = missing(conn)
    if not lacking:
        return []
    try:
        with conn.begin_nested():
            if postgres:
                for ddl in _PG_FUNCTIONS:
                    run_ddl(conn, ddl)
            for (_table, name), body in wanted.items():
                if name in lacking:
                    kind = "CONSTRAINT TRIGGER" if postgres and "DEFERRABLE" in body else "TRIGGER"
                    run_ddl(conn, f"CREATE {kind} {name} {body}")
    except DBAPIError as exc:
        raise StoreError(f"{exc.orig}: the store lacks its guarding triggers ({', '.join(lacking)}) and this login cannot "
                         f"re-create them ({type(exc.orig).__name__}): ask the store's owner to open it") from None
    return lacking
