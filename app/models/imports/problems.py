"""Why a row was not imported, in the UI language: Chinese (the default) or English."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import InputError
from app.models.imports.fields import Field

# code -> (Chinese, English); {field} is the field's label in that language
REASONS: dict[str, tuple[str, str]] = {
    "missing": ("{field}为空（必填）", "{field} is empty (required)"),
    "unknown_person": ("人员库中查无此身份证号（请先导入人员）", "no person with this identity number (import persons first)"),
    "unknown_place": ("场所编码不存在", "no place with this code"),
    "unknown_facility": ("机构编码不存在或类型不符", "no facility of the right kind with this code"),
    "unknown_city": ("城市不在城市库中", "not a city the store knows"),
    "unknown_grid": ("网格编码不存在", "no grid with this code"),
    "outside": ("坐标不在本县范围内", "the point is outside the county"),
    "no_point": ("缺少坐标（经纬度或点几何）", "no coordinates (longitude/latitude or a point geometry)"),
    "duplicate_in_file": ("与文件中前面的行重复", "repeats an earlier row of the file"),
    "birth_mismatch": ("出生日期与身份证号不符", "the birth date does not match the identity number"),
    "sex_mismatch": ("性别与身份证号不符", "the sex does not match the identity number"),
    "end_before_start": ("结束时间早于开始时间", "ends before it starts"),
    "report_before_sample": ("报告时间早于采样时间", "reported before it was sampled"),
    "needs_facility": ("集中隔离须填写隔离点编码", "a centralised quarantine needs a facility code"),
    "undecodable": ("含有无法识别的字符（编码错误）", "has characters that could not be decoded"),
    "short_row": ("列数不足", "has fewer cells than the header"),
    "invalid_personal": ("{field}无效", "{field} is not valid"),
}


@dataclass
class RowProblem(Exception):
    """One bad value of one row: the field (None: the row as a whole), the raw value and the reason code
    (``invalid``: the rule refused the value, and ``detail`` says why, in either language)."""

    field: Field | None
    value: object
    code: str
    detail: InputError | None = None

    def reason(self, lang: str) -> str:
        label = self.field.label(lang) if self.field else ""
        code = self.code
        if code == "invalid" and self.detail is not None:
            # a personal value is never echoed: the identity number's rule names only what is wrong; the others'
            # words (a name too long…) would show it
            if not (self.field and self.field.personal and self.field.personal != "identity"):
                return self.detail.problem_in(lang)
            code = "invalid_personal"
        zh, en = REASONS[code]
        return (zh if lang == "zh" else en).format(field=label)
