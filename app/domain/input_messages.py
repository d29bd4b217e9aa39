"""What the input rules (:mod:`app.models.inputs` and the importers) say about a value they refuse, in both interface
languages: one table, read by the views (in the language installed), the command line and the reject file (in the
language asked with ``--lang``).

The texts live here rather than in the views' .ts catalogue because the command line and the import's reject file
run without Qt and cannot read a .qm; a second copy for them would drift. A rule raises
``InputError(field, key, **args)``; the edge that shows it picks the language (``InputError.problem_in(lang)``).
"""

from __future__ import annotations

# key -> (Chinese, English); {names} are the rule's arguments, filled in as given (values come quoted)
MESSAGES: dict[str, tuple[str, str]] = {
    "not_whole_number": ("{value} 不是整数", "{value} is not a whole number"),
    "out_of_range": ("{value} 超出范围：应在 {low} .. {high} 之间", "{value} is out of range: give {low} .. {high}"),
    "no_ids": ("至少给出一个编号", "give at least one id"),
    "empty_item": ("{value} 中有空项：请用逗号分隔各值", "{value} has an empty item: give comma-separated values"),
    "not_number": ("{value} 不是数字", "{value} is not a number"),
    "not_crs": ("{value} 不是坐标系（例如 EPSG:4549）", "{value} is not a coordinate system (give e.g. EPSG:4549)"),
    "empty": ("不能为空", "must not be empty"),
    "too_long": ("{length} 个字符，超过可容纳的 {limit} 个：{value}",
                 "{length} characters, more than the {limit} it can hold: {value}"),
    "not_one_of": ("{value} 不是以下之一：{options}", "{value} is not one of {options}"),
    "not_known": ("{value} 不是可识别的{what}", "{value} is not a known {what}"),
    "not_admin_code": ("{value} 不是镇、村或网格编码（9、12 或 15 位数字）",
                       "{value} is not a town, village or grid code (9, 12 or 15 digits)"),
    "not_iso_date": ("{value} 不是日期（应为 YYYY-MM-DD）", "{value} is not a date (expected YYYY-MM-DD)"),
    "day_out_of_range": ("{value} 超出范围：日期应在 {first} 年至 {last} 年之间",
                         "{value} is out of range: give a day between {first} and {last}"),
    "not_date_or_time": ("{value} 不是日期或时间（应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM）",
                         "{value} is not a date or time (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)"),
    "id_form": ("不是 18 位身份证号（{length} 位）", "not an 18-character identity number ({length} characters)"),
    "id_birth_not_date": ("身份证号中的出生日期不是有效日期", "the birth date inside the identity number is not a date"),
    "id_birth_out_of_range": ("身份证号中的出生日期超出范围", "the birth date inside the identity number is out of range"),
    "id_check": ("身份证号校验位错误（GB 11643）", "the check character of the identity number is wrong (GB 11643)"),
    "not_date": ("{value} 不是日期（例如 2022-03-01、2022/3/1 或 2022年3月1日）",
                 "{value} is not a date (expected e.g. 2022-03-01, 2022/3/1 or 2022年3月1日)"),
    "no_such_day": ("{value} 不是日期（没有这一天）", "{value} is not a date (no such day)"),
    "date_with_time": ("{value} 不是日期（应只有日期，不带时间）", "{value} is not a date (expected a day without a time)"),
    "not_date_time": ("{value} 不是日期时间（例如 2022-03-01 08:05）",
                      "{value} is not a date and time (expected e.g. 2022-03-01 08:05)"),
    "no_such_time": ("{value} 中的时刻不存在", "{value} has no such time of day"),
    "outside_area": ("（{x}, {y}）不在{area}范围内", "({x}, {y}) is outside {area}"),
    "not_wkt": ("{value} 不是 WKT 几何", "{value} is not WKT"),
    "empty_geometry": ("{value} 是空几何", "{value} is empty"),
    "wrong_geometry": ("需要 {allowed}，而不是 {kind}", "a {allowed} is needed, not a {kind}"),
    "invalid_geometry": ("{value} 不是有效的 {kind}（{reason}）", "{value} is not a valid {kind} ({reason})"),
    "not_degrees": ("{value} 不是经纬度（EPSG:4490）", "{value} is not in longitude/latitude degrees (EPSG:4490)"),
    "no_file": ("未给出文件", "no file given"),
    "is_folder": ("{path} 是文件夹：请给出文件名", "{path} is a folder: give a file name"),
    "wrong_suffix": ("{name} 的扩展名应为 {suffixes}", "{name} must end in {suffixes}"),
    "no_folder": ("文件夹 {folder} 不存在", "no folder {folder}"),
    "not_writable": ("无法写入 {path}：没有权限", "cannot write {path}: permission denied"),
    "cannot_read": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "not_anchor": ("{path} 不是审计锚点文件（应为含 \"entry\" 和 \"hash\" 的 JSON）",
                   "{path} is not an audit anchor (JSON with \"entry\" and \"hash\")"),
    "bad_anchor": ("{path} 不是审计锚点文件：entry {entry}，hash {hash}",
                   "{path} is not an audit anchor: entry {entry}, hash {hash}"),
    "no_store": ("未给出数据库：请给出数据库文件或 SQLAlchemy URL", "no store given: name a store file or an SQLAlchemy URL"),
    "unknown_grid": ("没有编码为 {code} 的网格（人员住址应为 15 位网格编码）",
                     "no grid with code {code} (a person's home is a grid: 15 digits)"),
    "not_phone": ("不是手机或固定电话号码", "not a mobile or landline number"),
    "no_geometries": ("{name} 中没有几何图形：边界应为 GeoPackage、Shapefile 或 GeoJSON",
                      "{name} holds no geometries: boundaries come as GeoPackage, Shapefile or GeoJSON"),
    "no_units": ("边界不能替换现有边界：文件中没有区划单元", "the boundaries cannot replace the store's: no units in the file"),
    "rejected_units": ("边界不能替换现有边界：请先修正被拒绝的行和编码",
                       "the boundaries cannot replace the store's: mend the rejected rows and codes first"),
    "topology_problems": ("列出了 {count} 个拓扑问题：接受后才能替换（--accept-topology）",
                          "{count} topology problem(s) listed: accept them to replace (--accept-topology)"),
    "no_column_for": ("文件表头 {headers} 中没有 {names} 对应的列：请在映射文件中指定",
                      "no column for {names} among the headers {headers}: give them in a mapping file"),
    "no_such_column": ("文件中没有列 {columns}", "the file has no column {columns}"),
    "not_a_kind": ("{kind} 不是导入类别（类别：{kinds}）", "{kind} is not a kind of import (kinds: {kinds})"),
    "projected": ("坐标看起来是投影坐标而非经纬度（{x}, {y}，列 {columns}）：请用 --crs 指定坐标系，例如 --crs EPSG:4549",
                  "the coordinates look projected, not longitude/latitude ({x}, {y} in {columns}): give their "
                  "coordinate system with --crs, e.g. --crs EPSG:4549"),
    "not_fields": ("{names} 不是 {kind} 的字段（字段：{fields}）", "{names} are not fields of {kind} (fields: {fields})"),
    "not_polygon": ("不是有效的面（{reason}）", "not a valid polygon ({reason})"),
    "no_polygon": ("没有几何图形（应为面）", "no geometry (a polygon is needed)"),
    "not_mapping": ("{path} 不是列映射：应为 {{\"columns\": {{\"字段\": \"表头\", …}}}}",
                    "{path} is not a mapping: give {{\"columns\": {{\"field\": \"header\", …}}}}"),
}

# The kinds of value a rule names (``what`` of "not_known"): rules pass the key, the message says it in the language
TERMS: dict[str, tuple[str, str]] = {
    "sex": ("性别", "sex"),
    "person_kind": ("人员类别", "person kind"),
    "occupation": ("职业", "occupation"),
    "health_code": ("健康码", "health code"),
    "camera_kind": ("摄像头类型", "camera kind"),
    "camera_status": ("设备状态", "status"),
    "facility_kind": ("机构类型", "facility kind"),
    "yes_no": ("是/否", "yes/no"),
    "direction": ("进出方向", "direction"),
    "result": ("检测结果", "result"),
    "dose": ("剂次", "dose"),
    "vaccine": ("疫苗", "vaccine"),
    "quarantine_kind": ("隔离类型", "quarantine kind"),
    "quarantine_reason": ("隔离原因", "reason"),
    "diagnosis": ("诊断", "diagnosis"),
    "drug": ("药品类别", "drug"),
}
TERM_ARGS = ("what",)  # arguments that hold a key of TERMS, not a value


def problem_text(key: str, args: dict[str, object], lang: str) -> str:
    """The problem ``key`` in ``lang`` (``"zh"`` or ``"en"``), its arguments filled in."""
    zh, en = MESSAGES[key]
    at = 0 if lang == "zh" else 1
    terms = {name: TERMS[str(args[name])][at] for name in TERM_ARGS if name in args}
    return (zh, en)[at].format(**{**args, **terms})
