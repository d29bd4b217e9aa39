"""The after-action report's words in Chinese and English (the report is a document, not a Qt view: its words
live here, beside its layout)."""

from __future__ import annotations

from app.domain.incidents import Rating

TEXT: dict[str, dict[str, str]] = {
    "title": {"zh": "应急处置演练评估报告（After-Action Report）", "en": "After-Action Report"},
    "summary": {"zh": "一、事件概况", "en": "1. Summary"},
    "map": {"zh": "二、风险区划示意图", "en": "2. Zone map"},
    "milestones": {"zh": "三、关键节点完成情况", "en": "3. Milestones"},
    "numbers": {"zh": "四、处置数据", "en": "4. Numbers"},
    "timeline": {"zh": "五、时间线", "en": "5. Timeline"},
    "improvements": {"zh": "六、改进计划", "en": "6. Improvement plan"},
    "name": {"zh": "名称", "en": "Name"},
    "mode": {"zh": "类型", "en": "Mode"},
    "drill": {"zh": "演练", "en": "drill"},
    "real": {"zh": "实战", "en": "real incident"},
    "scenario": {"zh": "场景", "en": "Scenario"},
    "case": {"zh": "病例", "en": "Case"},
    "zero": {"zh": "处置起点（时钟零点）", "en": "Clock zero"},
    "dispatched": {"zh": "方案下达", "en": "Plan dispatched"},
    "closed": {"zh": "结束", "en": "Closed"},
    "speed": {"zh": "演练时钟倍速 / 随机种子", "en": "Drill clock speed / seed"},
    "zones": {"zh": "封控区 / 管控区 / 防范区 网格数", "en": "Grids in lockdown / control / precaution zones"},
    "population": {"zh": "封控区 人口 / 户数", "en": "Lockdown zone population / households"},
    "milestone": {"zh": "节点", "en": "Milestone"},
    "target": {"zh": "目标", "en": "Target"},
    "actual": {"zh": "实际", "en": "Actual"},
    "quantity": {"zh": "完成量 / 要求量", "en": "Done / required"},
    "reference": {"zh": "参照演练", "en": "Reference drill"},
    "rating": {"zh": "评定", "en": "Rating"},
    "figure": {"zh": "项目", "en": "Figure"},
    "planned": {"zh": "计划 / 发现", "en": "Planned / found"},
    "done": {"zh": "完成", "en": "Done"},
    "time": {"zh": "时间", "en": "Time"},
    "event": {"zh": "事件", "en": "Event"},
    "issue": {"zh": "问题", "en": "Issue"},
    "action": {"zh": "整改措施", "en": "Corrective action"},
    "owner": {"zh": "责任人", "en": "Owner"},
    "due": {"zh": "完成期限", "en": "Due date"},
    "none": {"zh": "（未填写）", "en": "(none yet)"},
    "not_met": {"zh": "未完成", "en": "not met"},
    "lockdown": {"zh": "封控区", "en": "Lockdown zone"},
    "control": {"zh": "管控区", "en": "Control zone"},
    "precaution": {"zh": "防范区", "en": "Precaution zone"},
    "schematic": {"zh": "示意图，非官方边界", "en": "Schematic map: boundaries are not official"},
    "staff": {"zh": "第一梯队人员（人）", "en": "First-echelon staff"},
    "seal_points": {"zh": "封控区卡点（个）", "en": "Lockdown-zone checkpoints"},
    "traffic_checkpoints": {"zh": "交通卡口（个）", "en": "Traffic checkpoints"},
    "sites": {"zh": "采样点（个）", "en": "Sampling sites"},
    "stations": {"zh": "采样台（个）", "en": "Sampling stations"},
    "people_sampled": {"zh": "封控区采样人数", "en": "People sampled in the lockdown zone"},
    "close": {"zh": "密切接触者（人）", "en": "Close contacts found / controlled"},
    "secondary": {"zh": "次密切接触者（人）", "en": "Secondary contacts found / controlled"},
    "beds": {"zh": "隔离床位 需要 / 空余", "en": "Quarantine beds needed / free"},
    "m2": {"zh": "消杀面积（平方米）", "en": "Area disinfected (m2)"},
    "environment_samples": {"zh": "环境样本（份）", "en": "Environment samples"},
    "tasks_done": {"zh": "任务完成", "en": "tasks done"},
    "milestone_met": {"zh": "节点达成", "en": "milestone met"},
    "footer": {"zh": "精控 Jingkong：数据为合成演示数据", "en": "Jingkong: all personal data is synthetic"},
}

RATINGS: dict[Rating, dict[str, str]] = {
    Rating.PERFORMED: {"zh": "P 顺利完成", "en": "P: performed without challenges"},
    Rating.SOME: {"zh": "S 完成但存在一些问题", "en": "S: performed with some challenges"},
    Rating.MAJOR: {"zh": "M 完成但存在重大问题", "en": "M: performed with major challenges"},
    Rating.UNABLE: {"zh": "U 未能完成", "en": "U: unable to be performed"},
}

EVENT_KINDS = {"plan": {"zh": "方案生成", "en": "plan proposed"}, "zone": {"zh": "区划调整", "en": "zones edited"},
               "dispatch": {"zh": "方案下达", "en": "plan dispatched"}, "note": {"zh": "备注", "en": "note"},
               "clock": {"zh": "演练时钟", "en": "drill clock"}, "close": {"zh": "结束", "en": "closed"}}


def t(key: str, lang: str) -> str:
    return TEXT[key][lang]
