"""The interface language of this run, for data that carries both a Chinese and an English (pinyin) name."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale


def interface_language() -> str:
    """``"zh"`` or ``"en"``: the language installed for this run (``app.views.app.install_language`` sets the
    default QLocale)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def unit_names(data) -> np.ndarray:  # noqa: ANN001  (an AdminLevel)
    """Place names as the interface shows them: Chinese, or pinyin in the English interface."""
    return data.names_zh if interface_language() == "zh" else data.names_pinyin
