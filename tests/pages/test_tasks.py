"""Task pages (pii_site.pages.tasks): a progress update's evidence link leads to exactly the address
typed and adds no element to the page (the hostile copy of the fixture plan, `hostile_site`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_plan import (
    EVIDENCE_TASK,
    HOSTILE_TITLE,
    HOSTILE_URL,
    article,
    assert_nothing_injected,
)

from pii_site.i18n import urls


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_hostile_evidence_address_links_to_exactly_itself(hostile_site: Path, lang: str):
    page = article(hostile_site / lang / urls.address(urls.task_page(EVIDENCE_TASK)) / "index.html")
    assert_nothing_injected(page)
    links = [a for a in page.xpath(".//a") if a.get("href") == HOSTILE_URL]
    texts = [a.text_content() for a in links]
    assert len(texts) == 2 and texts[0] == HOSTILE_URL
    assert texts[1] == HOSTILE_TITLE + ("" if lang == "vi" else " (Vietnamese only)")
