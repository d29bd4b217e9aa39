"""The fields an imported row may carry: the names a department's header may give them (Chinese and English),
the rule of :mod:`app.models.inputs` that takes their value, and how the reject file shows a bad one.

A value that names something else (a person by identity number, a place or facility by code, a city by name)
is only checked for form here; the import resolves it against the store in batches.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.cameras import CAMERA_KINDS, CameraStatus
from app.domain.errors import InputError
from app.domain.facilities import FacilityKind
from app.domain.people import OCCUPATIONS, HealthCode, PersonKind
from app.domain.places import Direction
from app.domain.quarantine import QUARANTINE_REASONS, QuarantineKind
from app.models import inputs
from app.store.tables.cameras import Camera
from app.store.tables.health import DIAGNOSES, DRUGS
from app.store.tables.persons import Person
from app.store.tables.places import CHECKPOINT_CATEGORIES, VENUE_CATEGORIES, Place
from app.store.tables.vaccination import VACCINES

Rule = Callable[[str, str], object]
ColumnRule = Callable[[list[str], str], inputs.Checked]  # the rule over a batch's column: see inputs.each


@dataclass(frozen=True)
class Field:
    """One field of a kind. ``rule(raw, label)`` returns the clean value or raises InputError; ``batch`` is the
    same rule over a column of values where it has a faster form; ``personal`` is how the reject file masks the
    raw value (``identity``, ``name``, ``phone``) — None shows it as it is."""

    name: str
    zh: str
    en: str
    synonyms: tuple[str, ...]
    rule: Rule
    personal: str | None = None
    batch: ColumnRule | None = None

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def check_column(self, values: list[str], label: str) -> inputs.Checked:
        """The rule over a batch's non-empty values of this field."""
        return self.batch(values, label) if self.batch else inputs.each(self.rule, values, label)


def enumerated(spellings: dict[str, int], what: str) -> Rule:
    """:func:`inputs.spelled_choice` over ``spellings`` as a rule; ``what`` is a key of
    :data:`app.domain.input_messages.TERMS` (the kind of value, said in the user's language)."""
    return lambda value, field: inputs.spelled_choice(value, field, spellings, what)


def _spellings(names: tuple[str, ...], zh: dict[str, str | tuple[str, ...]]) -> dict[str, int]:
    out = {name: i for i, name in enumerate(names)}
    for key, spelled in zh.items():
        for s in (spelled,) if isinstance(spelled, str) else spelled:
            out[s] = names.index(key)
    return out


YES_NO = {"是": 1, "否": 0, "有": 1, "无": 0, "yes": 1, "no": 0, "y": 1, "n": 0, "true": 1, "false": 0, "1": 1, "0": 0}
SEX = {"男": 1, "女": 2, "m": 1, "f": 2, "male": 1, "female": 2}
PERSON_KINDS = {"户籍": 0, "户籍人口": 0, "常住": 0, "居民": 0, "resident": 0, "流动": 1, "流动人口": 1, "新居民": 1,
                "暂住": 1, "floating": 1, "在外": 2, "在外人员": 2, "外出": 2, "elsewhere": 2, "native_elsewhere": 2}
HEALTH = {"绿": HealthCode.GREEN, "绿码": 0, "green": 0, "黄": HealthCode.YELLOW, "黄码": 1, "yellow": 1,
          "红": HealthCode.RED, "红码": 2, "red": 2}
OCCUPATION = _spellings(OCCUPATIONS, {
    "other": ("其他", "无业"), "student": "学生", "factory": ("工人", "企业职工"), "retail": ("零售", "商户"),
    "catering": "餐饮", "medical": ("医务人员", "医护"), "transport": ("交通运输", "司机"), "cold_chain": "冷链",
    "public_service": ("公共服务", "公务员"), "agriculture": ("农民", "务农"), "retired": ("退休", "离退休")})
PLACE_CATEGORY = {**{c: c for c in (*VENUE_CATEGORIES, *CHECKPOINT_CATEGORIES)},
                  "农贸市场": "market", "超市": "supermarket", "饭店": "restaurant", "餐馆": "restaurant",
                  "工厂": "factory", "学校": "school", "医院": "hospital", "办公楼": "office", "车站": "station",
                  "宾馆": "hotel", "酒店": "hotel", "商场": "mall", "寺庙": "temple", "公园": "park",
                  "高速卡口": "highway", "火车站卡口": "railway", "国道卡口": "national_road",
                  "省道卡口": "provincial_road", "码头卡口": "port"}
DIRECTION = {"进": Direction.INBOUND, "入": 1, "进入": 1, "入境": 1, "in": 1, "inbound": 1,
             "出": Direction.OUTBOUND, "离开": 2, "出境": 2, "out": 2, "outbound": 2, "": 0}
CAMERA_KIND = _spellings(CAMERA_KINDS, {"dome": "球机", "bullet": "枪机", "face_capture": ("人脸抓拍", "人脸"),
                                        "plate_recognition": ("车牌识别", "车牌"), "thermal": ("热成像", "测温")})
CAMERA_STATUS = {"在线": CameraStatus.ONLINE, "online": 0, "正常": 0, "离线": CameraStatus.OFFLINE, "offline": 1,
                 "故障": CameraStatus.FAULT, "fault": 2}
FACILITY_KIND = {"核酸采样点": FacilityKind.TEST_SITE, "采样点": 0, "test_site": 0, "检测实验室": FacilityKind.LAB,
                 "实验室": 1, "lab": 1, "疫苗接种点": FacilityKind.VACCINATION_SITE, "接种点": 2, "vaccination_site": 2,
                 "集中隔离点": FacilityKind.QUARANTINE_HOTEL, "隔离点": 3, "隔离酒店": 3, "quarantine_hotel": 3,
                 "卫生院": FacilityKind.CLINIC, "医院": 4, "诊所": 4, "发热门诊": 4, "clinic": 4,
                 "药店": FacilityKind.PHARMACY, "药房": 5, "pharmacy": 5}
RESULT = {"阴性": 0, "negative": 0, "neg": 0, "-": 0, "阳性": 1, "positive": 1, "pos": 1, "+": 1}
VACCINE = _spellings(VACCINES, {"Sinovac CoronaVac": ("科兴", "克尔来福", "北京科兴", "sinovac"),
                                "Sinopharm BBIBP": ("国药", "北京生物", "众爱可维", "sinopharm"),
                                "CanSino Ad5": ("康希诺", "克威莎", "cansino"),
                                "Zhifei ZF2001": ("智飞", "智克威得", "zhifei")})
DOSE = {"第一针": 1, "第1针": 1, "第一剂": 1, "第二针": 2, "第2针": 2, "第二剂": 2, "第三针": 3, "加强针": 3,
        "第3针": 3, "第三剂": 3, "第四针": 4, "第4针": 4, "1": 1, "2": 2, "3": 3, "4": 4}
QUARANTINE_KIND = {"集中隔离": QuarantineKind.CENTRALISED, "集中": 0, "centralised": 0, "centralized": 0,
                   "居家隔离": QuarantineKind.HOME, "居家": 1, "home": 1}
QUARANTINE_REASON = _spellings(QUARANTINE_REASONS, {
    "close_contact": ("密接", "密切接触者"), "secondary_contact": ("次密接", "密接的密接"),
    "risk_area_arrival": ("中高风险地区来返", "风险地区来返", "中高风险"), "inbound_travel": ("入境", "境外输入")})
DIAGNOSIS = _spellings(DIAGNOSES, {"fever": "发热", "respiratory": ("呼吸道", "呼吸道感染"), "gastro": ("肠道", "胃肠"),
                                   "injury": "外伤", "chronic": ("慢性病", "慢病"), "other": "其他"})
DRUG = _spellings(DRUGS, {"fever": ("退烧", "退热", "退烧药"), "cough": ("止咳", "止咳药"),
                          "antibiotic": ("抗生素", "抗菌药"), "other": "其他"})


def optional(rule: Rule, default: object = None) -> Rule:
    """``rule`` for a field that may be empty (giving ``default``)."""

    def take(value: str, field: str) -> object:
        return default if not str(value).strip() else rule(value, field)

    return take


def _phone(value: str, field: str) -> str:
    digits = re.sub(r"[\s\-+]", "", str(value))
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not re.fullmatch(r"1\d{10}|0\d{9,11}", digits):
        raise InputError(field, "not_phone")
    return digits[:3] + "****" + digits[-4:]


def _code(value: str, field: str) -> str:
    return inputs.text(value, field, Camera.code)


def _point_part(low: float, high: float) -> Rule:
    return lambda value, field: inputs.number(value, field, low, high)


def _field(name: str, zh: str, en: str, synonyms: str, rule: Rule, personal: str | None = None) -> Field:
    return Field(name, zh, en, (zh, en, name, *synonyms.split()), rule, personal, BATCH_FORMS.get(rule))


_optional_time = optional(inputs.date_time)  # empty cells never reach a rule: the batch form serves it too
# Rules of inputs with a batch form there (the others run value by value, each distinct value once).
BATCH_FORMS: dict[Rule, ColumnRule] = {inputs.date_time: inputs.date_times, _optional_time: inputs.date_times,
                                       inputs.identity_number: inputs.identity_numbers}


F = {f.name: f for f in (
    _field("id_number", "身份证号", "identity number", "身份证 身份证号码 证件号码 证件号 公民身份号码 id_no idcard id_card "
           "id", inputs.identity_number, "identity"),
    _field("name", "姓名", "name", "名字 人员姓名 full_name person_name", lambda v, f: inputs.text(v, f, Person.name), "name"),
    _field("sex", "性别", "sex", "gender", optional(enumerated(SEX, "sex"))),
    _field("birth_day", "出生日期", "birth date", "出生年月日 生日 birthday birth_date dob",
           optional(lambda v, f: inputs.calendar_day(v, f, inputs.FIRST_BIRTH_DAY))),
    _field("person_kind", "人员类别", "person_kind", "人员类型 人口类别 类别 kind person_type",
           optional(enumerated(PERSON_KINDS, "person_kind"), PersonKind.RESIDENT)),
    _field("phone", "联系电话", "phone", "手机号 手机号码 电话 联系方式 mobile telephone tel",
           optional(_phone, "***********"), "phone"),
    _field("grid_code", "网格编码", "grid code", "所属网格 网格 住址编码 地址编码 grid address_code",
           optional(_code, "")),
    _field("occupation", "职业", "occupation", "职业类别 工作 job", optional(enumerated(OCCUPATION, "occupation"), 0)),
    _field("health_code", "健康码", "health code", "健康码状态 码色 health", optional(enumerated(HEALTH, "health_code"), 0)),
    _field("current_city", "现居城市", "current city", "所在城市 现居住地 居住城市 city", optional(inputs.text, "")),
    _field("code", "编码", "code", "编号 场所编码 卡口编码 机构编码 点位编码 摄像头编码 设备编码 站点编码 设备编号 code_no",
           _code),
    _field("place_name", "名称", "name", "场所名称 卡口名称 机构名称 点位名称 设备名称 摄像头名称 站点名称 name_zh",
           lambda v, f: inputs.text(v, f, Place.name)),
    _field("category", "类别", "category", "场所类别 场所类型 卡口类型 type",
           optional(lambda v, f: PLACE_CATEGORY.get(str(v).strip().lower()) or inputs.choice(v, f, PLACE_CATEGORY), "")),
    # a survey office's X坐标/Y坐标 are projected (give --crs); which is the northing is told from the values
    _field("lon", "经度", "longitude", "lon lng x 东经 x坐标 东坐标", _point_part(-180, 180)),
    _field("lat", "纬度", "latitude", "lat y 北纬 y坐标 北坐标", _point_part(-90, 90)),
    _field("geometry", "几何", "geometry", "geom shape wkt", lambda v, f: v),
    _field("camera_kind", "摄像头类型", "camera kind", "设备类型 类型 kind", optional(enumerated(CAMERA_KIND, "camera_kind"), 0)),
    _field("status", "状态", "status", "设备状态 在线状态", optional(enumerated(CAMERA_STATUS, "camera_status"), 0)),
    _field("stream_url", "视频流地址", "stream URL", "视频地址 流地址 rtsp url stream",
           optional(lambda v, f: inputs.text(v, f, Camera.stream_url), "")),
    _field("facility_kind", "机构类型", "facility kind", "类型 点位类型 站点类型 kind type",
           enumerated(FACILITY_KIND, "facility_kind")),
    _field("capacity", "容量", "capacity", "床位数 床位 日采样能力 日接种能力 接待能力",
           optional(lambda v, f: inputs.whole_number(v, f, 0, 1_000_000), 0)),
    _field("fever_clinic", "发热门诊", "fever clinic", "是否发热门诊 fever", optional(enumerated(YES_NO, "yes_no"), 0)),
    _field("place_code", "场所编码", "place code", "卡口编码 扫码场所编码 场所编号 place place_id", _code),
    _field("at", "时间", "time", "扫码时间 接种时间 就诊时间 购药时间 发生时间 datetime time at", inputs.date_time),
    _field("direction", "方向", "direction", "进出方向 进出", optional(enumerated(DIRECTION, "direction"), 0)),
    _field("from_city", "来源城市", "from city", "来自 来源地 出发地 始发地 from origin", optional(inputs.text, "")),
    _field("site_code", "采样点编码", "site code", "接种点编码 点位编码 机构编码 site site_id", _code),
    _field("sampled_at", "采样时间", "sampled at", "采样日期 sample_time sampled", inputs.date_time),
    _field("reported_at", "报告时间", "reported at", "结果时间 出结果时间 report_time reported", _optional_time),
    _field("result", "检测结果", "result", "结果 核酸结果", optional(enumerated(RESULT, "result"))),
    _field("dose", "剂次", "dose", "针次 第几针 接种剂次", enumerated(DOSE, "dose")),
    _field("vaccine", "疫苗", "vaccine", "疫苗名称 疫苗厂家 生产厂家 vaccine_name", enumerated(VACCINE, "vaccine")),
    _field("quarantine_kind", "隔离类型", "quarantine kind", "隔离方式 kind", enumerated(QUARANTINE_KIND, "quarantine_kind")),
    _field("reason", "隔离原因", "reason", "原因 管控原因", optional(enumerated(QUARANTINE_REASON, "quarantine_reason"), 0)),
    _field("facility_code", "机构编码", "facility code", "隔离点编码 医院编码 药店编码 诊所编码 facility facility_id",
           _code),
    _field("start_at", "开始时间", "start", "隔离开始时间 开始日期 start_time start_at", inputs.date_time),
    _field("end_at", "结束时间", "end", "隔离结束时间 解除时间 结束日期 end_time end_at", inputs.date_time),
    _field("diagnosis", "诊断", "diagnosis", "诊断类别 初步诊断", optional(enumerated(DIAGNOSIS, "diagnosis"), 5)),
    _field("drug", "药品类别", "drug", "药品类型 药品 购买药品 drug_kind", enumerated(DRUG, "drug")),
    _field("quantity", "数量", "quantity", "购买数量 qty", optional(lambda v, f: inputs.whole_number(v, f, 1, 999), 1)),
    _field("unit_code", "区划代码", "division code", "行政区划代码 编码 代码 区划编码 网格编码 code adcode",
           inputs.admin_code),
    _field("unit_name", "名称", "name", "区划名称 单位名称 网格名称 村社区名称 乡镇街道名称 name_zh",
           lambda v, f: inputs.text(v, f, Place.name)),
)}
