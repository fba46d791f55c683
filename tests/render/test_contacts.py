"""Who publishes the site and how to reach them: the footer of every page (office,
feedback route, licence, date of the last data update), a unit's contacts on its page, the licence
on the open data page and in every JSON file, and the plan page's link to its signed original.
Read from the fixture site's HTML and files; missing contacts are checked on copies of the plan."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jinja2
import lxml.html
import pytest
import yaml
from helpers import FIXTURE_DIR, FIXTURE_TODAY, PROJECT_DIR, SITE_PATH, DataCopy, Page, iter_html
from hostile_plan import CONTACT_UNIT, FRAME_HOSTILE, HOSTILE_CONTACT, HOSTILE_URL

from pii_site import load_plan
from pii_site.i18n import LANGUAGES, urls
from pii_site.i18n.formatting import format_date
from pii_site.model import contract
from pii_site.pages import render_site
from pii_site.render.contacts import footer_html
from pii_site.source.errors import DataError

SITE = yaml.safe_load((FIXTURE_DIR / "site.yml").read_text(encoding="utf-8"))
UNITS = {unit["id"]: unit for unit in yaml.safe_load((FIXTURE_DIR / "units.yml").read_text(encoding="utf-8"))["units"]}
PLAN = yaml.safe_load((FIXTURE_DIR / "plan.yml").read_text(encoding="utf-8"))
FULL_UNIT, PHONE_ONLY_UNIT, NO_CONTACT_UNIT = "ban-kinh-te-nong-nghiep", "hop-tac-xa-song-may", "thu-vien-xa"
TODAY = dt.date.fromisoformat(FIXTURE_TODAY)
THEME = PROJECT_DIR / "hooks" / "theme"


def footer(path: Path):
    [block] = lxml.html.fromstring(path.read_bytes()).xpath("//footer//*[@class='pii-footer']")
    return block


def links(element) -> set[str]:
    return set(element.xpath(".//a/@href"))


def test_every_page_of_both_languages_shows_the_office_feedback_licence_and_last_update(site: Path, plan):
    office, feedback, licence = SITE["office"], SITE["feedback"], SITE["licence"]
    newest = max([u.date for t in plan.tasks for u in t.progress.updates] + [p.date for p in plan.news])
    pages = 0
    for lang in LANGUAGES:
        for path in iter_html(site / lang):
            block = footer(path)
            text = " ".join(block.text_content().split())
            # The office comes first, then the rest; "Made with Material" stays after it.
            assert text.index(office["name"][lang]) < text.index(licence["name"][lang]), path
            for part in (office["address"][lang], office["phone"], office["hours"][lang], format_date(newest, lang)):
                assert part in text, (path, part)
            assert {
                "tel:+840000000001",
                f"mailto:{office['email']}",
                f"mailto:{feedback['email']}",
                feedback["address"],
                licence["address"],
            } <= links(block), path
            assert block.xpath(".//a[@rel='license']/@href") == [licence["address"]]
            pages += 1
    assert pages > 40  # every page type: home, plan, tasks, units, pillars, news, PII pages, guide, about


def test_the_footer_says_whether_the_date_comes_from_progress_or_news(data_copy: DataCopy):
    plan = load_plan(data_copy.root, TODAY)
    latest_update = max(u.date for t in plan.tasks for u in t.progress.updates)
    later = latest_update + dt.timedelta(days=3)
    post = f'---\ndate: {later.isoformat()}\ntitle: {{vi: "Tin", en: "News"}}\n---\nNội dung.\n'
    data_copy.path(f"news/{later.isoformat()}-tin.md").write_text(post, encoding="utf-8")
    with_news = load_plan(data_copy.root, TODAY)
    assert f"Last updated: {format_date(later, 'en')} (latest news post)" in footer_html(with_news, "en")
    assert f"Cập nhật lần cuối: {format_date(later, 'vi')} (tin mới nhất)" in footer_html(with_news, "vi")
    assert f"Last updated: {format_date(latest_update, 'en')} (latest progress report)" in footer_html(plan, "en")


def test_a_post_dated_after_today_does_not_move_the_last_update_date(data_copy: DataCopy):
    # A post written ahead for its day is accepted, but until that day it is no update of the data.
    before = footer_html(load_plan(data_copy.root, TODAY), "en")
    ahead = TODAY + dt.timedelta(days=200)
    post = f'---\ndate: {ahead.isoformat()}\ntitle: {{vi: "Tin", en: "News"}}\n---\nNội dung.\n'
    data_copy.path(f"news/{ahead.isoformat()}-tin.md").write_text(post, encoding="utf-8")
    assert footer_html(load_plan(data_copy.root, TODAY), "en") == before
    assert format_date(ahead, "en") in footer_html(load_plan(data_copy.root, ahead), "en")


NO_CONTACTS = {
    "vi": "Trang web chưa công bố địa chỉ, số điện thoại, thư điện tử hay đường góp ý.",
    "en": "No address, phone number, e-mail or feedback route has been published on this site yet.",
}


def without_site_keys(data: DataCopy, *keys: str) -> None:
    site = yaml.safe_load(data.path("site.yml").read_text(encoding="utf-8"))
    for key in keys:
        del site[key]
    data.path("site.yml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")


def test_missing_contacts_are_absent_and_the_footer_says_none_are_published(data_copy: DataCopy):
    without_site_keys(data_copy, "office", "feedback", "licence")
    data_copy.without_reporting()
    for lang in LANGUAGES:
        html = footer_html(load_plan(data_copy.root, TODAY), lang)
        block = lxml.html.fromstring(html)
        assert block.xpath(".//a | .//address") == []
        # Nothing invented: the sentence that none are published, and the date of the last update.
        assert [" ".join(p.text_content().split()) for p in block.xpath(".//p")][0] == NO_CONTACTS[lang]
        assert len(block.xpath(".//p")) == 2


@pytest.mark.parametrize("kept", ["office", "feedback"])
def test_an_office_or_a_feedback_route_is_a_published_contact(data_copy: DataCopy, kept: str):
    without_site_keys(data_copy, *({"office", "feedback"} - {kept}))
    for lang in LANGUAGES:
        assert NO_CONTACTS[lang] not in footer_html(load_plan(data_copy.root, TODAY), lang)


COORDINATOR = "to-cong-tac-doi-moi"  # tests/fixtures/plan/reporting.yml
ASK = {
    "vi": "Theo kế hoạch, {unit} theo dõi, đôn đốc việc thực hiện kế hoạch; các đơn vị báo cáo qua đơn vị này.",
    "en": "Under the plan, the unit that monitors and urges its implementation, and through which the units report, is {unit}.",
}


def test_every_footer_names_the_coordinator_in_the_plans_words_linked_from_the_page(site: Path, plan):
    coordinator = plan.reporting.coordinator
    assert coordinator is not None and coordinator.id == COORDINATOR
    pages = 0
    for lang in LANGUAGES:
        unit_page = (site / lang / urls.address(urls.unit_page(COORDINATOR)) / "index.html").resolve()
        for path in iter_html(site / lang):
            [ask] = footer(path).xpath(".//p[@class='pii-footer__ask']")
            name = getattr(coordinator.name, lang)
            assert " ".join(ask.text_content().split()) == ASK[lang].format(unit=name), path
            [link] = ask.xpath(".//a")
            href = link.get("href")
            # Relative to the page, or (the 404 page, served at any address) the site's own path.
            target = (site / href.removeprefix(SITE_PATH)) if href.startswith("/") else (path.parent / href)
            assert (target / "index.html").resolve() == unit_page, (path, href)
            assert NO_CONTACTS[lang] not in footer(path).text_content()  # the fixture publishes an office
            pages += 1
    assert pages > 40


def test_without_a_coordinator_the_footer_names_none(data_copy: DataCopy):
    data_copy.without_reporting()
    for lang in LANGUAGES:
        assert "pii-footer__ask" not in footer_html(load_plan(data_copy.root, TODAY), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_unit_page_shows_the_units_own_contacts_and_nothing_invented(site: Path, lang: str):
    contact = UNITS[FULL_UNIT]["contact"]
    full = Page(site / lang / urls.address(urls.unit_page(FULL_UNIT)) / "index.html")
    [address] = full.xpath("//article//address")
    text = " ".join(address.text_content().split())
    assert contact["address"][lang] in text and contact["hours"][lang] in text
    assert links(address) == {"tel:0000000002", f"mailto:{contact['email']}"}

    phone_only = Page(site / lang / urls.address(urls.unit_page(PHONE_ONLY_UNIT)) / "index.html")
    [address] = phone_only.xpath("//article//address")
    assert links(address) == {"tel:0000000003"}
    assert len(address.xpath(".//br")) == 0  # one line: no address, e-mail or hours made up

    none = Page(site / lang / urls.address(urls.unit_page(NO_CONTACT_UNIT)) / "index.html")
    assert none.xpath("//article//address") == []
    # It says so, and names whom the plan makes follow it up, linked to that unit's page.
    [section] = none.xpath("//article//h2[@id='contact']")
    said = [" ".join(p.text_content().split()) for p in section.itersiblings() if p.tag == "p"][:2]
    assert (
        said[0]
        == {
            "vi": "Trang web chưa công bố thông tin liên hệ của đơn vị này.",
            "en": "No contact details for this unit have been published on this site yet.",
        }[lang]
    )
    assert said[1] == ASK[lang].format(unit=UNITS[COORDINATOR]["name"][lang])
    assert f"../{COORDINATOR}/" in none.links()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_coordinators_own_page_says_it_follows_up_the_plan(page, lang: str):
    coordinator = page(lang, urls.address(urls.unit_page(COORDINATOR)))
    assert {
        "vi": "Theo kế hoạch, đơn vị này theo dõi, đôn đốc việc thực hiện kế hoạch; các đơn vị báo cáo qua đơn vị này.",
        "en": "Under the plan, this unit monitors and urges the plan's implementation, and the units report through it.",
    }[lang] in coordinator.text()


def test_every_json_file_names_the_licence(site: Path):
    licence = SITE["licence"]
    expected = {"name_vi": licence["name"]["vi"], "name_en": licence["name"]["en"], "address": licence["address"]}
    found = sorted(path for lang in LANGUAGES for path in (site / lang / "downloads").glob("*.json"))
    # Every dataset of the open-data contract, in each language (the fixture has rounds, so submissions too).
    assert sorted(path.relative_to(site).as_posix() for path in found) == sorted(
        f"{lang}/downloads/{dataset}.json" for lang in LANGUAGES for dataset in contract.RECORDS
    )
    for path in found:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["licence"] == expected, path
        assert isinstance(document["records"], list) and document["records"], path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_states_the_licence(site: Path, lang: str):
    page = Page(site / lang / urls.address(urls.OPEN_DATA) / "index.html")
    [link] = page.xpath("//article//a[@rel='license']")
    assert link.get("href") == SITE["licence"]["address"]
    assert link.text_content() == SITE["licence"]["name"][lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plan_page_links_to_its_signed_original(site: Path, lang: str):
    page = Page(site / lang / urls.address(urls.PLAN) / "index.html")
    assert PLAN["source_document"] in page.xpath("//article//a/@href")


def test_no_source_document_no_link(data_copy: DataCopy):
    plan_file = data_copy.path("plan.yml")
    plan_file.write_text(
        plan_file.read_text(encoding="utf-8").replace("source_document:", "# source_document:"), encoding="utf-8"
    )
    [plan_page] = [p for p in render_site(load_plan(data_copy.root, TODAY), "en") if p.path == urls.PLAN]
    assert PLAN["source_document"] not in plan_page.markdown and "original signed" not in plan_page.markdown


def test_hostile_contacts_and_addresses_stay_text(hostile_site: Path):
    for lang in LANGUAGES:
        block = footer(hostile_site / lang / "index.html")
        assert block.xpath(".//script | .//b | .//img") == []
        if lang == "vi":  # the hostile name and hours are Vietnamese texts
            assert block.text_content().count(FRAME_HOSTILE) == 2
        assert block.xpath(".//a[@rel='license']/@href") == [HOSTILE_URL]
        plan_page = Page(hostile_site / lang / urls.address(urls.PLAN) / "index.html")
        assert HOSTILE_URL in plan_page.xpath("//article//a/@href")
        assert plan_page.xpath("//article//img | //article//script") == []


@pytest.mark.parametrize(("lang", "label"), [("vi", "trang góp ý"), ("en", "feedback page")])
def test_the_feedback_address_is_named_a_page_not_a_form(site: Path, lang: str, label: str):
    # The address may be a form or the repository's Issues page: the link promises neither.
    block = footer(site / lang / "index.html")
    [link] = block.xpath(f".//a[@href='{SITE['feedback']['address']}']")
    assert link.text_content() == label


@pytest.mark.parametrize(
    ("lang", "credit"), [("vi", "Được xây dựng bằng Material for MkDocs"), ("en", "Made with Material for MkDocs")]
)
def test_materials_credit_is_in_the_pages_language_after_the_office(site: Path, lang: str, credit: str):
    [copyright_block] = Page(site / lang / "index.html").xpath("//footer//*[@class='md-copyright']")
    text = " ".join(copyright_block.text_content().split())
    assert text.endswith(credit) and text.index(SITE["office"]["name"][lang]) < text.index(credit)
    assert ("Made with" in text) == (lang == "en")


def test_a_copyright_line_set_in_mkdocs_yml_is_kept_before_the_office():
    # Material's own partial shows config.copyright; ours, which replaces it, must not drop it.
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME / "partials"), autoescape=False)
    html = environment.get_template("copyright.html").render(
        config={"copyright": "© Xã Sông Mây", "extra": {"pii_made_with": "Made with"}}, pii_footer="<p>OFFICE</p>"
    )
    text = " ".join(lxml.html.fromstring(html).text_content().split())
    assert text == "© Xã Sông Mây OFFICE Made with Material for MkDocs"
    without = environment.get_template("copyright.html").render(
        config={"copyright": None, "extra": {"generator": False}}, pii_footer="<p>OFFICE</p>"
    )
    assert " ".join(lxml.html.fromstring(without).text_content().split()) == "OFFICE"


def open_data_markdown(data: DataCopy, lang: str) -> str:
    [page] = [p for p in render_site(load_plan(data.root, TODAY), lang) if p.path == urls.OPEN_DATA]
    return page.markdown


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_open_data_page_lists_the_licence_keys_and_claims_no_licence_it_lacks(data_copy: DataCopy, lang: str):
    with_licence = open_data_markdown(data_copy, lang)
    for key in ("name_vi", "name_en", "address"):
        assert f"- `{key}`: " in with_licence
    csv_licence = {"vi": "giấy phép của tệp CSV là giấy phép nêu trên", "en": "their licence is the one stated above"}
    assert csv_licence[lang] in with_licence

    site = yaml.safe_load(data_copy.path("site.yml").read_text(encoding="utf-8"))
    del site["licence"]
    data_copy.path("site.yml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")
    without = open_data_markdown(data_copy, lang)
    assert csv_licence[lang] not in without
    assert {"vi": "Chưa ghi giấy phép", "en": "No licence has been named"}[lang] in without


def test_a_phone_written_with_hyphens_is_accepted_and_dialled_as_digits(data_copy: DataCopy):
    # Offices often print "0000-123.456"; the tel: link keeps only the digits.
    data_copy.replace("site.yml", 'phone: "+84 (000) 0.000 001"', 'phone: "+84 (000) 0-000-001"')
    html = footer_html(load_plan(data_copy.root, TODAY), "vi")
    assert 'href="tel:+840000000001"' in html and "+84 (000) 0-000-001" in html


# The contact and licence template data/site.yml ships commented out, as a staff member uncomments it
# and forgets to fill it in (the licence's placeholders are empty too: a prefilled licence, uncommented,
# would publish a licence nobody chose). Written here, not read from data/site.yml: once a commune fills in its
# contacts the template is gone, and a valid edit of the real data must never fail a test.
UNFILLED_TEMPLATE = """office:
  name: {vi: "", en: ""}
  address: {vi: "", en: ""}
  phone: ""
  email: ""
  hours: {vi: "", en: ""}
feedback:
  email: ""
  address: ""
licence:
  name: {vi: "", en: ""}
  address: ""
"""


def test_a_contact_template_uncommented_but_unfilled_is_refused_field_by_field(data_copy: DataCopy):
    # Nothing placeholder-like is ever published: each empty field is refused on its own line.
    site = re.sub(
        r"(?m)^(office|feedback|licence):\n(  .*\n)+", "", data_copy.path("site.yml").read_text(encoding="utf-8")
    )
    first = site.count("\n") + 1
    data_copy.path("site.yml").write_text(site + UNFILLED_TEMPLATE, encoding="utf-8")
    lines = UNFILLED_TEMPLATE.splitlines()
    fields = {first + n for n, line in enumerate(lines) if line.startswith("  ")}
    with pytest.raises(DataError) as refused:
        load_plan(data_copy.root, TODAY)
    assert {problem.line for problem in refused.value.problems} == fields


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hostile_unit_contacts_stay_text_on_the_unit_page(hostile_site: Path, lang: str):
    # A unit's contact block reaches its page through Markdown (the footer's does not): HTML,
    # Markdown links and attribute lists in the address (vi) and the hours (en) stay plain text.
    page = Page(hostile_site / lang / urls.address(urls.unit_page(CONTACT_UNIT)) / "index.html")
    [address] = page.xpath("//article//address")
    assert " ".join(HOSTILE_CONTACT.split()) in " ".join(address.text_content().split())
    assert address.xpath(".//script | .//b | .//em") == []
    assert page.xpath("//article//script | //article//*[@onclick]") == []
    assert not [href for href in page.xpath("//article//a/@href") if "javascript" in href]
    assert links(address) == {"tel:0000000002", f"mailto:{UNITS[CONTACT_UNIT]['contact']['email']}"}
