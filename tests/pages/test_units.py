"""Who has reported, as residents and the coordinator see it: the progress page says in
one sentence how many lead units have sent the current round's form, on time or late, with the due
date, and folds each unit's standing and form; each unit's page gives its own standing in the current
round and, briefly, the earlier ones. Both languages, words beside every colour, from the fixture plan
(2026-q2 and 2026-q3 past, 2026-q4 current on FIXTURE_TODAY); and nothing about deadlines without rounds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from helpers import FIXTURE_TODAY, DataCopy, flat, section_items

from pii_site import load_plan
from pii_site.i18n import urls
from pii_site.pages import render_site

LANGS = ("vi", "en")

CURRENT = {
    "vi": "Kỳ Quý IV/2026, hạn gửi 05/01/2027: 0/3 đơn vị chủ trì đã gửi báo cáo.",
    "en": "Fourth quarter of 2026, reports due on 5 January 2027: 0 of the 3 lead units have sent their report.",
}
EARLIER = {
    "vi": [
        "Kỳ Quý III/2026, hạn gửi 05/10/2026: 2/3 đơn vị chủ trì đã gửi báo cáo (1 đúng hạn, 1 trễ hạn); "
        "1 đơn vị chưa gửi.",
        "Kỳ Quý II/2026, hạn gửi 05/07/2026: 1/3 đơn vị chủ trì đã gửi báo cáo (1 đúng hạn); 2 đơn vị chưa gửi.",
    ],
    "en": [
        "Third quarter of 2026, reports due on 5 October 2026: 2 of the 3 lead units have sent their report "
        "(1 on time, 1 late); 1 has not.",
        "Second quarter of 2026, reports due on 5 July 2026: 1 of the 3 lead units has sent its report (1 on time); "
        "2 have not.",
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_progress_page_says_who_has_reported_in_the_current_round_with_its_due_date(page, plan, lang):
    progress = page(lang, "progress/")
    [sentence] = progress.xpath('//article//p[preceding::h2[1][@id="forms"]][not(ancestor::details)]')
    assert flat(sentence) == CURRENT[lang]
    # Folded: each unit that owes a form, its standing in words (an icon beside them) and its form.
    [folded] = progress.xpath('//article//details[preceding::h2[1][@id="forms"]]')
    assert (
        flat(folded.xpath("./summary")[0])
        == {"vi": "Xem 3 đơn vị và biểu mẫu", "en": "See the 3 units and their forms"}[lang]
    )
    units = section_items(progress, "forms")[:3]
    owing = plan.reporting.reporting_units
    for item, unit in zip(units, owing, strict=True):
        assert item.startswith(getattr(unit.name, lang) + ": " + {"vi": "Chưa gửi", "en": "Not sent yet"}[lang])
        assert item.endswith(f"{unit.id}.xlsx")
    badges = folded.xpath('.//span[contains(@class,"pii-round-state ")]')
    assert [b.get("class").split("--")[1] for b in badges] == ["not-yet"] * 3
    assert all(b.xpath('./svg[@aria-hidden="true"]') and b.xpath("string(./span)") for b in badges)
    # The earlier rounds, newest first, each in a sentence, in the same fold.
    assert section_items(progress, "forms")[3:] == EARLIER[lang]
    assert f"../{urls.form_file('hop-tac-xa-song-may')}" in [a.get("href") for a in folded.xpath(".//a")]


STANDING = {
    "hop-tac-xa-song-may": {
        "vi": [
            "Quý IV/2026 (kỳ hiện tại, hạn gửi 05/01/2027): Chưa gửi",
            "Quý III/2026 (hạn gửi 05/10/2026): Trễ hạn, báo cáo ngày 12/10/2026, 7 ngày sau hạn",
            "Quý II/2026 (hạn gửi 05/07/2026): Quá hạn, chưa gửi",
        ],
        "en": [
            "Fourth quarter of 2026 (current round, due on 5 January 2027): Not sent yet",
            "Third quarter of 2026 (due on 5 October 2026): Late, report dated 12 October 2026, 7 days after the due date",
            "Second quarter of 2026 (due on 5 July 2026): Past due, not sent",
        ],
    },
    "to-cong-tac-doi-moi": {
        "vi": [
            "Quý IV/2026 (kỳ hiện tại, hạn gửi 05/01/2027): Chưa gửi",
            "Quý III/2026 (hạn gửi 05/10/2026): Quá hạn, chưa gửi",
            "Quý II/2026 (hạn gửi 05/07/2026): Đúng hạn, báo cáo ngày 30/06/2026",
        ],
        "en": [
            "Fourth quarter of 2026 (current round, due on 5 January 2027): Not sent yet",
            "Third quarter of 2026 (due on 5 October 2026): Past due, not sent",
            "Second quarter of 2026 (due on 5 July 2026): On time, report dated 30 June 2026",
        ],
    },
}


def standing_items(unit_page) -> list[str]:
    """The items of the list after the sentence 'Báo cáo của đơn vị theo kỳ:' on a unit's page."""
    lists = unit_page.xpath('//article//ul[li//span[contains(@class,"pii-round-state ")]]')
    return [flat(item) for found in lists for item in found.xpath("./li")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("unit_id", sorted(STANDING))
def test_a_unit_page_gives_its_standing_in_the_current_round_then_the_earlier_ones(page, lang, unit_id):
    unit_page = page(lang, f"units/{unit_id}/")
    assert standing_items(unit_page) == STANDING[unit_id][lang]
    assert {"vi": "Báo cáo của đơn vị theo kỳ:", "en": "The unit's reports, by round:"}[lang] in unit_page.text()
    states = [
        b.get("class").split("--")[1] for b in unit_page.xpath('//article//span[contains(@class,"pii-round-state ")]')
    ]
    assert (
        states
        == {
            "hop-tac-xa-song-may": ["not-yet", "late", "missing"],
            "to-cong-tac-doi-moi": ["not-yet", "missing", "on-time"],
        }[unit_id]
    )


def test_units_that_owe_no_form_show_no_standing(page, plan):
    owing = {u.id for u in plan.reporting.reporting_units}
    others = [u for u in plan.units if u.id not in owing]
    assert others  # a unit that only coordinates (and is collective), one with duties but no task
    for unit in others:
        for lang in LANGS:
            assert not standing_items(page(lang, f"units/{unit.id}/")), unit.id


def test_on_the_due_day_units_still_report_on_time_and_after_it_they_are_past_due(plan):
    """The third quarter seen on its due day and the day after, without the late form: 'not sent yet'
    becomes 'past due, not sent' once the due day is over (test_reporting: a form dated the due day is on
    time)."""
    q3 = plan.reporting.round("2026-q3")
    without_late = tuple(s for s in plan.reporting.submissions if s.unit.id != "hop-tac-xa-song-may")
    for day, state in (("2026-10-05", "not-yet"), ("2026-10-06", "missing")):
        reporting = dataclasses.replace(plan.reporting, submissions=without_late, today=dt.date.fromisoformat(day))
        status = reporting.status(q3)
        assert status.of("hop-tac-xa-song-may").state == state
        assert status.of("ban-kinh-te-nong-nghiep").state == "on-time"
        pages = render_site(dataclasses.replace(plan, reporting=reporting), "en")
        unit_page = next(p.markdown for p in pages if p.path == urls.unit_page("hop-tac-xa-song-may"))
        [third] = [line for line in unit_page.splitlines() if line.startswith("- Third quarter of 2026 (due on")]
        assert third.endswith(
            ">Not sent yet</span></span>" if state == "not-yet" else ">Past due, not sent</span></span>"
        )


def test_without_rounds_no_page_speaks_of_a_reporting_deadline(data_copy: DataCopy):
    """The real data's case: data/reporting.yml absent (or without rounds), so no deadline is known and
    none is shown; the forms are still offered."""
    data_copy.without_reporting()
    plan = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    for lang in LANGS:
        pages = {p.path: p.markdown for p in render_site(plan, lang)}
        for path, markdown in pages.items():
            assert "pii-round-state" not in markdown, path
        progress = pages[urls.PROGRESS]
        assert {"vi": "## Biểu mẫu báo cáo (Excel)", "en": "## Report forms (Excel)"}[lang] in progress
        assert {"vi": "chưa ấn định kỳ báo cáo", "en": "no reporting round is set yet"}[lang] in progress
        assert {"vi": "## Báo cáo của các đơn vị", "en": "## Reports from the units"}[lang] not in progress
