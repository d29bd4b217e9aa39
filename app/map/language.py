"""The interface language of this run, for data that carries both a Chinese and an English (pinyin) name."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale

from app.models.admin_atlas import AdminAtlas
from app.models.unit_names import readable_units


def interface_language() -> str:
    """``"zh"`` or ``"en"``: the language installed for this run (``app.views.app.install_language`` sets the
    default QLocale)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def unit_names(data) -> np.ndarray:  # noqa: ANN001  (an AdminLevel)
    """Place names as the interface shows them: Chinese, or pinyin in the English interface."""
    return data.names_zh if interface_language() == "zh" else data.names_pinyin


def unit_labels(atlas: AdminAtlas, codes) -> list[str]:  # noqa: ANN001  (any iterable of codes)
    """Units as tables show them in the interface language: names, grids as "长虹村 第3网格" / "Changhong Grid 3"."""
    pattern = QCoreApplication.translate("LabelPainter", "Grid %1")
    return readable_units(atlas, codes, interface_language() == "en", pattern)
