"""The statuses are one list (source/schema/status.py, and "no update yet" in model/progress.py): each
status a reader can meet has its words, icon and colour in both languages, and every place that lists
the statuses for staff or data users lists them all, so adding one cannot leave a page half done."""

from __future__ import annotations

import re

import pytest
from helpers import PROJECT_DIR

from pii_site.i18n import LANGUAGES, Labels
from pii_site.model.progress import PROGRESS_ORDER, STATUSES, status_values
from pii_site.render.templating import _environment
from pii_site.source import form_layout, status_file
from pii_site.source.schema.status import STATUSES as REPORTED

CSS = (PROJECT_DIR / "hooks" / "theme" / "assets" / "stylesheets" / "pii.css").read_text(encoding="utf-8")


def test_every_status_is_shown_in_the_progress_order_once():
    assert sorted(PROGRESS_ORDER) == sorted(STATUSES) and len(set(PROGRESS_ORDER)) == len(PROGRESS_ORDER)
    assert set(REPORTED) < set(STATUSES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_status_has_its_label_and_its_words_in_a_sentence(lang: str):
    t = Labels(lang)
    labels = [t(f"status.{status}") for status in STATUSES]
    assert all(label.strip() for label in labels) and len(set(labels)) == len(labels)
    words = [t(f"words.status.{status}", count=count) for status in STATUSES for count in (1, 2)]
    assert all(word.strip() for word in words)


def test_every_status_has_its_own_icon_and_colour():
    macros = _environment().get_template("_progress.md.j2").module
    icons = [str(macros.status_icon(status)) for status in STATUSES]  # type: ignore[attr-defined]
    assert len(set(icons)) == len(STATUSES)
    colours = dict(re.findall(r"\.pii-status--([a-z-]+) \{ color: (#[0-9a-f]{6})", CSS))
    assert set(STATUSES) <= set(colours) and len({colours[s] for s in STATUSES}) == len(STATUSES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_data_dictionary_and_the_schema_describe_every_status(lang: str):
    described = Labels(lang)("open_data.col.tasks.status", statuses=status_values(Labels(lang)))
    assert all(f"{status}: {Labels(lang)('status.' + status)}" in described for status in STATUSES)


def test_staff_meet_every_status_they_may_report():
    # The status file's header, the form's drop-down and the staff guide in both languages.
    header = status_file.new_file("I.1")
    assert f"# status: {' | '.join(REPORTED)}\n" in header
    assert form_layout.status_words() == tuple(Labels("vi")(f"status.{status}") for status in REPORTED)
    for lang in LANGUAGES:
        guide = (PROJECT_DIR / "docs" / lang / "guide.md").read_text(encoding="utf-8")
        [line] = [line for line in guide.splitlines() if line.lstrip().startswith("- `status`:")]
        paragraph = guide[guide.index(line) :].split("\n    - ", 2)[0]
        assert [status for status in REPORTED if f"`{status}`" not in paragraph] == [], lang
