"""The after-action report as a vector PDF (reportlab): summary, zone map, milestones with target, actual and
HSEEP rating, the numbers, the timeline and the improvement plan — in Chinese or English."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.models.incident.milestones import MilestoneState
from app.models.incident.report_data import ReportData
from app.models.rings import Rings
from app.reports.report_text import EVENT_KINDS, RATINGS, t
from app.timebase import format_seconds

FONT = "STSong-Light"  # Adobe-GB1 CID font: every PDF viewer has it or a substitute; nothing to embed
ZONE_COLOURS = {"lockdown": "#d7301f", "control": "#fc8d59", "precaution": "#fdcc8a"}
TIMELINE_LIMIT = 60  # the report lists the incident's own events and milestones, not every task change


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


class ZoneMap(Flowable):
    """The zones over the county outline, fitted to the zones' extent; vector paths."""

    def __init__(self, data: ReportData, lang: str, width: float, height: float) -> None:
        super().__init__()
        self.data, self.lang, self.width, self.height = data, lang, width, height

    def _extent(self) -> tuple[float, float, float, float]:
        xs = np.concatenate([r.x for r in self.data.zones.values()] or [self.data.county.x])
        ys = np.concatenate([r.y for r in self.data.zones.values()] or [self.data.county.y])
        if not len(xs):
            xs, ys = self.data.county.x, self.data.county.y
        x0, x1, y0, y1 = xs.min(), xs.max(), ys.min(), ys.max()
        pad = max(x1 - x0, y1 - y0) * 0.08 + 1
        return x0 - pad, y0 - pad, x1 + pad, y1 + pad

    def _path(self, rings: Rings, to_page):  # noqa: ANN001, ANN202
        path = self.canv.beginPath()
        start = True
        for x, y, joins in zip(*to_page(rings.x, rings.y), rings.connect.tolist()):
            path.moveTo(x, y) if start else path.lineTo(x, y)
            start = not joins
            if start:
                path.close()
        return path

    def draw(self) -> None:
        c = self.canv
        x0, y0, x1, y1 = self._extent()
        legend_h = 14
        scale = min(self.width / (x1 - x0), (self.height - legend_h) / (y1 - y0))
        ox = (self.width - (x1 - x0) * scale) / 2
        oy = legend_h + (self.height - legend_h - (y1 - y0) * scale) / 2

        def to_page(xs: np.ndarray, ys: np.ndarray) -> tuple[list[float], list[float]]:
            return ((xs - x0) * scale + ox).tolist(), ((ys - y0) * scale + oy).tolist()

        c.saveState()
        clip = c.beginPath()
        clip.rect(0, legend_h, self.width, self.height - legend_h)
        c.clipPath(clip, stroke=1, fill=0)
        c.setStrokeColor(colors.HexColor("#888888"))
        c.setLineWidth(0.6)
        c.drawPath(self._path(self.data.county, to_page), stroke=1, fill=0)
        c.setLineWidth(0.2)
        for kind in ("precaution", "control", "lockdown"):
            rings = self.data.zones.get(kind)
            if rings is not None and len(rings.x):
                c.setFillColor(colors.HexColor(ZONE_COLOURS[kind]))
                c.setStrokeColor(colors.HexColor("#ffffff"))
                c.drawPath(self._path(rings, to_page), stroke=1, fill=1)
        c.restoreState()
        c.setFont(FONT, 8)
        x = 0.0
        for kind in ("lockdown", "control", "precaution"):
            c.setFillColor(colors.HexColor(ZONE_COLOURS[kind]))
            c.rect(x, 2, 10, 8, stroke=0, fill=1)
            c.setFillColor(colors.black)
            label = f"{t(kind, self.lang)} ({len(self.data.plan.zones.grids.get(kind, ()))})"
            c.drawString(x + 13, 3, label)
            x += 13 + pdfmetrics.stringWidth(label, FONT, 8) + 12
        c.drawRightString(self.width, 3, t("schematic", self.lang))


def _printable(text: str) -> str:
    """Text the CID font can show: it lacks the middle dot and superscript two that the app's labels use."""
    return text.replace("·", "|").replace("²", "2").replace("&", "&amp;").replace("<", "&lt;")


def _clock(zero: int, at: int | None) -> str:
    if at is None:
        return "—"
    minutes = (at - zero) / 60
    return f"T+{minutes:.0f} min ({format_seconds(at)[11:]})"


def _quantities(m: MilestoneState) -> str:
    return ", ".join(f"{d:,}/{r:,} {u}" for u, (d, r) in m.quantities.items()) or "—"


def _reference(m: MilestoneState) -> str:
    return ", ".join(f"{v:,} {k}" for k, v in m.reference.items() if v is not None) or "—"


def write_report(data: ReportData, path: Path, lang: str = "zh") -> Path:
    """Write the report for ``data`` to ``path`` (PDF) in ``lang`` ("zh" or "en")."""
    _register_font()
    styles = {name: ParagraphStyle(name, fontName=FONT, fontSize=size, leading=size * 1.35, spaceAfter=after)
              for name, size, after in (("title", 16, 6), ("h", 12, 4), ("body", 9, 2), ("cell", 7.5, 0))}
    cell = styles["cell"]
    width = A4[0] - 30 * mm

    def table(rows: list[list[str]], widths: list[float]) -> Table:
        body = [[Paragraph(_printable(str(v)), cell) for v in row] for row in rows]
        tbl = Table(body, colWidths=[w * width for w in widths], repeatRows=1)
        tbl.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                                 ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return tbl

    inc, plan, zero = data.incident, data.plan, data.incident.case_at
    story: list[Flowable] = [Paragraph(t("title", lang), styles["title"]), Paragraph(_printable(inc.name), styles["body"]),
                             Paragraph(t("summary", lang), styles["h"])]
    lockdown = plan.stats.get("lockdown")
    summary = [[t("name", lang), inc.name], [t("mode", lang), t(inc.mode, lang)],
               [t("scenario", lang), inc.scenario or "—"],
               [t("case", lang), f"{inc.case_person_id or '—'} / {plan.home_grid or '—'}"],
               [t("zero", lang), format_seconds(zero)], [t("dispatched", lang), _clock(zero, inc.dispatched_at)],
               [t("closed", lang), _clock(zero, inc.closed_at)], [t("speed", lang), f"×{inc.speed} / {inc.seed}"],
               [t("zones", lang), " / ".join(str(len(plan.zones.grids.get(k, ()))) for k in ("lockdown", "control", "precaution"))],
               [t("population", lang), f"{lockdown.population:,} / {lockdown.households:,}" if lockdown else "—"]]
    story += [table([[t("figure", lang), ""]] + summary, [0.35, 0.65]), Spacer(1, 4 * mm),
              Paragraph(t("map", lang), styles["h"]), ZoneMap(data, lang, width, 95 * mm), Spacer(1, 4 * mm),
              Paragraph(t("milestones", lang), styles["h"])]
    rows = [[t("milestone", lang), t("target", lang), t("actual", lang), t("quantity", lang), t("reference", lang),
             t("rating", lang)]]
    for m in data.board:
        rows.append([m.title_zh if lang == "zh" else m.title_en, _clock(zero, m.target_at),
                     _clock(zero, m.actual_at) if m.actual_at else t("not_met", lang), _quantities(m), _reference(m),
                     RATINGS[m.rating][lang] if m.rating else "—"])
    story += [table(rows, [0.27, 0.14, 0.14, 0.18, 0.12, 0.15]), Spacer(1, 4 * mm),
              Paragraph(t("numbers", lang), styles["h"]),
              table([[t("figure", lang), t("planned", lang), t("done", lang)]] +
                    [[t(k, lang), f"{a:,}", f"{b:,}"] for k, (a, b) in data.numbers.items()], [0.5, 0.25, 0.25]),
              Spacer(1, 4 * mm), Paragraph(t("timeline", lang), styles["h"])]
    lines = [(e.at, f"{EVENT_KINDS[e.kind][lang]}: {e.note}") for e in data.timeline if e.kind in EVENT_KINDS]
    lines += [(m.actual_at, f"{t('milestone_met', lang)}: {m.title_zh if lang == 'zh' else m.title_en}")
              for m in data.board if m.actual_at]
    lines.sort(key=lambda x: x[0])
    story += [table([[t("time", lang), t("event", lang)]] + [[_clock(zero, a), text] for a, text in lines[:TIMELINE_LIMIT]],
                    [0.25, 0.75]), Spacer(1, 4 * mm), Paragraph(t("improvements", lang), styles["h"])]
    improvements = [[r.issue, r.action, r.owner, r.due] for r in data.improvements] or [[t("none", lang), "", "", ""]]
    story.append(table([[t("issue", lang), t("action", lang), t("owner", lang), t("due", lang)]] + improvements,
                       [0.32, 0.38, 0.15, 0.15]))

    def footer(canvas, doc) -> None:  # noqa: ANN001
        canvas.setFont(FONT, 7)
        canvas.drawString(15 * mm, 10 * mm, t("footer", lang))
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, str(doc.page))

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=18 * mm, title=t("title", lang), author="Jingkong")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path
