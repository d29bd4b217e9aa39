"""Translated labels for the keys the models use: task statuses, kinds and actions, warning statuses, screening
classes, evidence and record tables.

One :class:`Vocabulary` per concept maps a key to its English source text, marked with ``QT_TRANSLATE_NOOP`` so
lupdate extracts it under the concept's context; calling the vocabulary with a key translates it when shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.errors import InputError, OutsidePeriod
from app.domain.tasks import TaskStatus
from app.domain.warnings import WarningStatus
from app.map.language import interface_language  # noqa: F401  (the views ask for it here, with the labels)


@dataclass(frozen=True)
class Vocabulary:
    """Source texts by key, all under one translation context (lupdate needs the context spelt in each entry)."""

    context: str
    texts: Mapping[object, str]

    def __call__(self, key: object) -> str:
        """``key``'s label in the interface language; a key missing here reads as itself."""
        text = self.texts.get(key)
        return str(key) if text is None else QCoreApplication.translate(self.context, text)


TASK_STATUS = Vocabulary("TaskStatus", {
    TaskStatus.NEW: QT_TRANSLATE_NOOP("TaskStatus", "new"),
    TaskStatus.DISPATCHED: QT_TRANSLATE_NOOP("TaskStatus", "dispatched"),
    TaskStatus.ACKNOWLEDGED: QT_TRANSLATE_NOOP("TaskStatus", "acknowledged"),
    TaskStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("TaskStatus", "in progress"),
    TaskStatus.DONE: QT_TRANSLATE_NOOP("TaskStatus", "done"),
    TaskStatus.FAILED: QT_TRANSLATE_NOOP("TaskStatus", "failed"),
    TaskStatus.CANCELLED: QT_TRANSLATE_NOOP("TaskStatus", "cancelled"),
})
TASK_ACTION = Vocabulary("TaskAction", {  # the queue's buttons (app.models.dispatch.queue.ACTIONS)
    "dispatch": QT_TRANSLATE_NOOP("TaskAction", "dispatch"),
    "claim": QT_TRANSLATE_NOOP("TaskAction", "claim"),
    "start": QT_TRANSLATE_NOOP("TaskAction", "start"),
    "done": QT_TRANSLATE_NOOP("TaskAction", "done"),
    "fail": QT_TRANSLATE_NOOP("TaskAction", "fail"),
    "cancel": QT_TRANSLATE_NOOP("TaskAction", "cancel"),
})
TASK_EVENT = Vocabulary("TaskEvent", {  # the audit trail's actions
    "create": QT_TRANSLATE_NOOP("TaskEvent", "create"),
    "note": QT_TRANSLATE_NOOP("TaskEvent", "note"),
    "transition": QT_TRANSLATE_NOOP("TaskEvent", "status change"),
    "claim": QT_TRANSLATE_NOOP("TaskEvent", "claim"),
    "trip": QT_TRANSLATE_NOOP("TaskEvent", "trip"),
    "cascade": QT_TRANSLATE_NOOP("TaskEvent", "fan out"),
    "rollup": QT_TRANSLATE_NOOP("TaskEvent", "roll-up"),
    "escalate": QT_TRANSLATE_NOOP("TaskEvent", "escalate"),
})
TASK_KIND = Vocabulary("TaskKind", {
    "screening": QT_TRANSLATE_NOOP("TaskKind", "screening"),
    "control": QT_TRANSLATE_NOOP("TaskKind", "control"),
    "transfer": QT_TRANSLATE_NOOP("TaskKind", "transfer"),
    "specimen": QT_TRANSLATE_NOOP("TaskKind", "specimen"),
    "lockdown": QT_TRANSLATE_NOOP("TaskKind", "lockdown"),
    "test_site": QT_TRANSLATE_NOOP("TaskKind", "test site"),
    "warning_verification": QT_TRANSLATE_NOOP("TaskKind", "warning verification"),
    "custom": QT_TRANSLATE_NOOP("TaskKind", "custom"),
})
TASK_SOURCE = Vocabulary("TaskSource", {
    "warning": QT_TRANSLATE_NOOP("TaskSource", "warning"),
    "screening": QT_TRANSLATE_NOOP("TaskSource", "screening"),
    "trace": QT_TRANSLATE_NOOP("TaskSource", "tracing"),
    "drill": QT_TRANSLATE_NOOP("TaskSource", "drill"),
    "manual": QT_TRANSLATE_NOOP("TaskSource", "manual"),
})
TASK_PRIORITY = Vocabulary("TaskPriority", {
    1: QT_TRANSLATE_NOOP("TaskPriority", "urgent"),
    2: QT_TRANSLATE_NOOP("TaskPriority", "high"),
    3: QT_TRANSLATE_NOOP("TaskPriority", "routine"),
})
TASK_ROLE = Vocabulary("TaskRole", {  # app.models.dispatch.catalogue.ROLE_BY_LEVEL
    "county_office": QT_TRANSLATE_NOOP("TaskRole", "county command office"),
    "town_office": QT_TRANSLATE_NOOP("TaskRole", "town office"),
    "village_office": QT_TRANSLATE_NOOP("TaskRole", "village office"),
    "grid_leader": QT_TRANSLATE_NOOP("TaskRole", "grid leader"),
})
CENTRE_ROLE = Vocabulary("CentreRole", {  # app.domain.roles.Role
    "admin": QT_TRANSLATE_NOOP("CentreRole", "administrator"),
    "duty_officer": QT_TRANSLATE_NOOP("CentreRole", "duty officer"),
    "town_operator": QT_TRANSLATE_NOOP("CentreRole", "town operator"),
    "grid_operator": QT_TRANSLATE_NOOP("CentreRole", "village/grid operator"),
    "drill_coordinator": QT_TRANSLATE_NOOP("CentreRole", "drill coordinator"),
    "trainer": QT_TRANSLATE_NOOP("CentreRole", "trainer"),
    "auditor": QT_TRANSLATE_NOOP("CentreRole", "auditor"),
})
PERSON_KIND = Vocabulary("PersonKind", {  # app.models.people_directory.KINDS
    "resident": QT_TRANSLATE_NOOP("PersonKind", "resident"),
    "floating": QT_TRANSLATE_NOOP("PersonKind", "floating population"),
    "native_elsewhere": QT_TRANSLATE_NOOP("PersonKind", "registered here, living elsewhere"),
})
WARNING_STATUS = Vocabulary("WarningStatus", {
    WarningStatus.NEW.key: QT_TRANSLATE_NOOP("WarningStatus", "new"),
    WarningStatus.DISPATCHED.key: QT_TRANSLATE_NOOP("WarningStatus", "dispatched"),
    WarningStatus.VERIFIED.key: QT_TRANSLATE_NOOP("WarningStatus", "verified"),
    WarningStatus.DISMISSED.key: QT_TRANSLATE_NOOP("WarningStatus", "dismissed"),
})
SEVERITY = Vocabulary("Severity", {
    "high": QT_TRANSLATE_NOOP("Severity", "high"),
    "medium": QT_TRANSLATE_NOOP("Severity", "medium"),
    "low": QT_TRANSLATE_NOOP("Severity", "low"),
})
SCREENING_CLASS = Vocabulary("ScreeningClass", {  # app.models.screening_result.CLASSES (the CLI prints the keys; people read words)
    "returned": QT_TRANSLATE_NOOP("ScreeningClass", "returned"),
    "planning": QT_TRANSLATE_NOOP("ScreeningClass", "planning"),
    "still_there": QT_TRANSLATE_NOOP("ScreeningClass", "still there"),
    "unknown": QT_TRANSLATE_NOOP("ScreeningClass", "unknown"),
})
EVIDENCE = Vocabulary("Evidence", {  # why a record is evidence: warnings (app.models.warnings.evidence.WHY) and screening
    "key_occupation": QT_TRANSLATE_NOOP("Evidence", "key occupation"),
    "risk_arrival": QT_TRANSLATE_NOOP("Evidence", "arrival from a risk area"),
    "home_quarantine": QT_TRANSLATE_NOOP("Evidence", "home quarantine"),
    "fever_clinic": QT_TRANSLATE_NOOP("Evidence", "fever clinic visit"),
    "untested_purchase": QT_TRANSLATE_NOOP("Evidence", "medicine bought, no test"),
    "repeated_purchase": QT_TRANSLATE_NOOP("Evidence", "repeated medicine purchases"),
    "repeated_visit": QT_TRANSLATE_NOOP("Evidence", "repeated clinic visits"),
    "scan_away_from_home": QT_TRANSLATE_NOOP("Evidence", "scan away from home"),
    "arrival_without_report": QT_TRANSLATE_NOOP("Evidence", "arrival not reported"),
    "registered_there": QT_TRANSLATE_NOOP("Evidence", "registered there"),
    "scanned_there": QT_TRANSLATE_NOOP("Evidence", "scanned there"),
    "county_record": QT_TRANSLATE_NOOP("Evidence", "record in the county"),
    "declared_return": QT_TRANSLATE_NOOP("Evidence", "declared return"),
    "last_seen_there": QT_TRANSLATE_NOOP("Evidence", "last seen there"),
})
PERIOD_QUESTION = Vocabulary("DataPeriod", {  # what a question outside the data period asked about (app.models.as_of)
    "as-of date": QT_TRANSLATE_NOOP("DataPeriod", "as-of date"),
    "onset": QT_TRANSLATE_NOOP("DataPeriod", "onset"),
    "window start": QT_TRANSLATE_NOOP("DataPeriod", "window start"),
    "window end": QT_TRANSLATE_NOOP("DataPeriod", "window end"),
})
RECORD_TABLE = Vocabulary("RecordTable", {
    "persons": QT_TRANSLATE_NOOP("RecordTable", "person"),
    "scans": QT_TRANSLATE_NOOP("RecordTable", "venue scan"),
    "test_samples": QT_TRANSLATE_NOOP("RecordTable", "test sample"),
    "pharmacy_purchases": QT_TRANSLATE_NOOP("RecordTable", "pharmacy purchase"),
    "clinic_visits": QT_TRANSLATE_NOOP("RecordTable", "clinic visit"),
    "quarantine_orders": QT_TRANSLATE_NOOP("RecordTable", "quarantine order"),
    "vaccinations": QT_TRANSLATE_NOOP("RecordTable", "vaccination"),
})

IMPORTED_TABLE = Vocabulary("ImportedTable", {  # what an import adds (app.store.imports.provenance.TABLE_CODES)
    "persons": QT_TRANSLATE_NOOP("ImportedTable", "person"),
    "places": QT_TRANSLATE_NOOP("ImportedTable", "place"),
    "scans": QT_TRANSLATE_NOOP("ImportedTable", "venue scan"),
    "cameras": QT_TRANSLATE_NOOP("ImportedTable", "camera"),
    "facilities": QT_TRANSLATE_NOOP("ImportedTable", "facility"),
    "test_samples": QT_TRANSLATE_NOOP("ImportedTable", "test sample"),
    "vaccinations": QT_TRANSLATE_NOOP("ImportedTable", "vaccination"),
    "quarantine_orders": QT_TRANSLATE_NOOP("ImportedTable", "quarantine order"),
    "clinic_visits": QT_TRANSLATE_NOOP("ImportedTable", "clinic visit"),
    "pharmacy_purchases": QT_TRANSLATE_NOOP("ImportedTable", "pharmacy purchase"),
})

GENERATION_STAGE = Vocabulary("GenerationStage", {  # app.store.demo.generate.STAGES
    "geography": QT_TRANSLATE_NOOP("GenerationStage", "laying out towns, villages and micro-grids"),
    "people": QT_TRANSLATE_NOOP("GenerationStage", "creating people and places"),
    "records": QT_TRANSLATE_NOOP("GenerationStage", "creating 60 days of records"),
    "writing": QT_TRANSLATE_NOOP("GenerationStage", "writing the store"),
    "indexes": QT_TRANSLATE_NOOP("GenerationStage", "building indexes"),
    "done": QT_TRANSLATE_NOOP("GenerationStage", "done"),
})

UNIT = Vocabulary("Unit", {  # units of measure: the panels' map counts and the indicator catalogue's (Chinese) units
    "people": QT_TRANSLATE_NOOP("Unit", "people"),
    "people/km²": QT_TRANSLATE_NOOP("Unit", "people/km²"),
    "households": QT_TRANSLATE_NOOP("Unit", "households"),
    "warnings": QT_TRANSLATE_NOOP("Unit", "warnings"),
    "tasks": QT_TRANSLATE_NOOP("Unit", "tasks"),
    "人": QT_TRANSLATE_NOOP("Unit", "people"),
    "人次": QT_TRANSLATE_NOOP("Unit", "visits"),
    "剂": QT_TRANSLATE_NOOP("Unit", "doses"),
    "份": QT_TRANSLATE_NOOP("Unit", "samples"),
    "个": QT_TRANSLATE_NOOP("Unit", "sites"),
    "/万人": QT_TRANSLATE_NOOP("Unit", "/10k people"),
    "路": QT_TRANSLATE_NOOP("Unit", "cameras"),
    "件": QT_TRANSLATE_NOOP("Unit", "tasks"),
    "条": QT_TRANSLATE_NOOP("Unit", "warnings"),
    "次": QT_TRANSLATE_NOOP("Unit", "times"),
    "小时": QT_TRANSLATE_NOOP("Unit", "hours"),
    "张": QT_TRANSLATE_NOOP("Unit", "beds"),
    "户": QT_TRANSLATE_NOOP("Unit", "households"),
    "人/户": QT_TRANSLATE_NOOP("Unit", "people/household"),
    "人/km²": QT_TRANSLATE_NOOP("Unit", "people/km²"),
    "人/格": QT_TRANSLATE_NOOP("Unit", "people/grid"),
    "次/人": QT_TRANSLATE_NOOP("Unit", "times/person"),
    "/10万人": QT_TRANSLATE_NOOP("Unit", "/100k people"),
    "分钟": QT_TRANSLATE_NOOP("Unit", "minutes"),
    "盒": QT_TRANSLATE_NOOP("Unit", "packs"),
    "路/km²": QT_TRANSLATE_NOOP("Unit", "cameras/km²"),
    "路/千人": QT_TRANSLATE_NOOP("Unit", "cameras/1k people"),
    "张/万人": QT_TRANSLATE_NOOP("Unit", "beds/10k people"),
    "份/日": QT_TRANSLATE_NOOP("Unit", "samples/day"),
    "份/千人": QT_TRANSLATE_NOOP("Unit", "samples/1k people"),
    "剂/日": QT_TRANSLATE_NOOP("Unit", "doses/day"),
    "个/10万人": QT_TRANSLATE_NOOP("Unit", "/100k people"),
    "个/万人": QT_TRANSLATE_NOOP("Unit", "/10k people"),
})


MILESTONE_STATE = Vocabulary("MilestoneState", {  # app.models.incident.milestones: a milestone's state on the board
    "met": QT_TRANSLATE_NOOP("MilestoneState", "on time"),
    "late": QT_TRANSLATE_NOOP("MilestoneState", "late"),
    "pending": QT_TRANSLATE_NOOP("MilestoneState", "pending"),
    "overdue": QT_TRANSLATE_NOOP("MilestoneState", "overdue"),
    "empty": QT_TRANSLATE_NOOP("MilestoneState", "no tasks"),
})
RATING = Vocabulary("Rating", {  # app.domain.incidents.Rating, in HSEEP's words
    "P": QT_TRANSLATE_NOOP("Rating", "performed without challenges"),
    "S": QT_TRANSLATE_NOOP("Rating", "performed with some challenges"),
    "M": QT_TRANSLATE_NOOP("Rating", "performed with major challenges"),
    "U": QT_TRANSLATE_NOOP("Rating", "unable to be performed"),
})
PLAN_UNIT = Vocabulary("PlanUnit", {  # what an incident task counts (app.models.incident.planner: item units)
    "tasks": QT_TRANSLATE_NOOP("PlanUnit", "tasks"),
    "staff": QT_TRANSLATE_NOOP("PlanUnit", "staff"),
    "beds": QT_TRANSLATE_NOOP("PlanUnit", "beds"),
    "checkpoints": QT_TRANSLATE_NOOP("PlanUnit", "checkpoints"),
    "stations": QT_TRANSLATE_NOOP("PlanUnit", "stations"),
    "contacts": QT_TRANSLATE_NOOP("PlanUnit", "contacts"),
    "m2": QT_TRANSLATE_NOOP("PlanUnit", "m²"),
    "samples": QT_TRANSLATE_NOOP("PlanUnit", "samples"),
})


def evidence_text(why: str, table: str, record_id: object) -> str:
    """``why · table #id``, e.g. "fever clinic visit · clinic visit #12"."""
    return f"{EVIDENCE(why)} · {RECORD_TABLE(table)} #{record_id}"




def outside_period_text(exc: OutsidePeriod) -> str:
    """The engines' refusal of a day outside the data period, in the interface language (in English, the very
    line the command line prints)."""
    text = QCoreApplication.translate("DataPeriod", "%1 %2 is outside the data period %3 .. %4")
    for i, part in enumerate((PERIOD_QUESTION(exc.what), exc.date, exc.first, exc.last), start=1):
        text = text.replace(f"%{i}", str(part))
    return text


def said(exc: Exception) -> str:
    """An error's message for the user: an input rule's refusal in the interface language (its words come from
    the one zh/en table the command line and the reject file read too, :mod:`app.domain.input_messages`)."""
    return exc.text_in(interface_language()) if isinstance(exc, InputError) else str(exc)
