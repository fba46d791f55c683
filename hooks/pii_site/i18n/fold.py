"""Vietnamese without diacritics, as readers often type it: used by search tuning and by slugs."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """'Đổi mới sáng tạo' -> 'Doi moi sang tao': Vietnamese (and other Latin) letters without marks."""
    # đ/Đ (U+0111/U+0110) are letters of their own: Unicode gives them no decomposition to d/D.
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))
