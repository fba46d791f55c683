"""Invariants: what holds for ANY valid plan of any commune, checked on every plan in
invariants.plans.PLANS (the real data, the demo, the staff journey, another commune, ...).

Nothing here names an id, a text or a count of one plan: everything is derived from the plan's
own `load_plan`. Each plan is prepared, built (both languages, strict) and checked by vnu once per
session; the browser visits a set of pages derived from the plan (see `pages_to_visit`).
The staff journey's and the other commune's own tests at the end look for what they changed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin

import docx
import lxml.html
import pytest
import yaml
from browser.serving import Problems, checking_context, serve, visit
from helpers import (
    PROJECT_DIR,
    REAL_DATA_DIR,
    SITE_PATH,
    Page,
    build_into,
    environment,
    free_port,
    iter_html,
    load_script,
    stylesheet_colors,
    task_fields,
)
from invariants import other_commune, site_checks, staff_journey
from invariants.plans import DEMO, FIXTURE, OTHER_COMMUNE, PLANS, REAL, STAFF_JOURNEY, PlanSource, PreparedData
from PIL import Image
from playwright.sync_api import Browser

from pii_site import Plan, load_plan
from pii_site.i18n import LANGUAGES, Labels, urls
from pii_site.i18n.formatting import format_date
from pii_site.model.reporting import SUBMISSION_STATES
from pii_site.render.contacts import dial
from pii_site.source.identity import MINIMUM_CONTRAST, WHITE, contrast_ratio
from pii_site.source.news_photos import MAX_WIDTH


@dataclass
class BuiltPlan:
    """One plan, prepared and built for http://127.0.0.1:<port>/pii-site/ (served on demand)."""

    name: str
    prepared: PreparedData
    site_dir: Path
    port: int
    visits: dict[tuple[str, str, int], tuple[Problems, list[str]]] = field(default_factory=dict)

    @property
    def site_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{SITE_PATH}"

    @cached_property
    def plan(self) -> Plan:
        return load_plan(self.prepared.data_dir, self.prepared.today)

    def file(self, lang: str, address: str) -> Path:
        """The built file of a page address such as 'tasks/i-1/' ('' is the home page)."""
        return self.site_dir / lang / address / "index.html"


@pytest.fixture(scope="session")
def prepare(tmp_path_factory: pytest.TempPathFactory) -> Callable[[PlanSource], PreparedData]:
    """prepare(source) -> its data folder, written once per session."""
    prepared: dict[str, PreparedData] = {}

    def get(source: PlanSource) -> PreparedData:
        if source.name not in prepared:
            prepared[source.name] = source.prepare(tmp_path_factory.mktemp(source.name))
        return prepared[source.name]

    return get


@pytest.fixture(scope="session")
def build(
    prepare, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Callable[[PlanSource], BuiltPlan]:
    """build(source) -> the plan built (both languages, strict), once per session. The fixture plan
    is the session build `site` (the same data, day and kind of address), not a build of its own."""
    built: dict[str, BuiltPlan] = {}

    def get(source: PlanSource) -> BuiltPlan:
        if source.name not in built and source is FIXTURE:
            site_dir, port = request.getfixturevalue("site"), request.getfixturevalue("site_port")
            built[source.name] = BuiltPlan(source.name, prepare(source), site_dir, port)
        if source.name not in built:
            data = prepare(source)
            port = free_port()
            site_dir = tmp_path_factory.mktemp(f"{source.name}-site") / "site"
            build_into(site_dir, data.data_dir, f"http://127.0.0.1:{port}{SITE_PATH}", today=data.today.isoformat())
            built[source.name] = BuiltPlan(source.name, data, site_dir, port)
        return built[source.name]

    return get


@pytest.fixture(scope="session")
def vnu(build) -> Callable[[BuiltPlan], list[dict]]:
    """vnu(built) -> the Nu Html Checker's messages on every page of the plan. One run of the checker
    covers every plan in PLANS (so the first call builds them all): its start-up costs more than a
    plan's pages. It runs on Java: the tests that use it are marked `html_checker` (tests/conftest.py)."""
    checked: dict[Path, list[dict]] = {}

    def get(built: BuiltPlan) -> list[dict]:
        if not checked:
            checked.update(site_checks.vnu_messages([build(source).site_dir for source in PLANS]))
        return checked[built.site_dir]

    return get


PLAN_IDS = [source.name for source in PLANS]


@pytest.fixture(params=PLANS, ids=PLAN_IDS)
def source(request) -> PlanSource:
    return request.param


@pytest.fixture
def built(build, source: PlanSource) -> BuiltPlan:
    return build(source)


# --- Data and build ----------------------------------------------------------------------------


def test_data_validates(prepare, source: PlanSource):
    data = prepare(source)
    with environment(PII_TODAY=data.today.isoformat()):
        assert load_script("validate").main(["--data", str(data.data_dir)]) == 0


def test_both_languages_build_strictly(built: BuiltPlan):
    # build_into builds strictly (a warning is an error) and raises on failure.
    for lang in LANGUAGES:
        assert built.file(lang, "").is_file()


# --- The compiled report (make report) ------------------------------------------------------------


def _report(data_dir: Path, today: dt.date, out: Path) -> int:
    with environment(PII_TODAY=today.isoformat()):
        return load_script("report").main(["--data", str(data_dir), "--out", str(out)])


def test_the_compiled_report_lists_every_task_or_says_what_reporting_yml_lacks(
    prepare, source: PlanSource, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    data = prepare(source)
    plan = load_plan(data.data_dir, data.today)
    out = tmp_path / "bao-cao.docx"
    status = _report(data.data_dir, data.today, out)
    if not plan.reporting.rounds:  # a commune that has set no rounds yet: told what to add, nothing written
        assert status == 1 and not out.exists()
        assert "reporting.yml" in capsys.readouterr().err
        return
    assert status == 0
    appendix = [row.cells[0].text for row in docx.Document(str(out)).tables[-1].rows]
    ids = {task.id for task in plan.tasks}
    assert [cell for cell in appendix if cell in ids] == [task.id for task in plan.tasks]


def test_another_communes_report_holds_nothing_of_the_original_commune(prepare, tmp_path: Path):
    """The report's code and template carry nothing of one commune: the other commune's report (with a
    round added, as its staff would) does not name the commune its data was made from."""
    data = prepare(OTHER_COMMUNE)
    copy = tmp_path / "data"
    shutil.copytree(data.data_dir, copy)
    reporting = yaml.safe_load((copy / "reporting.yml").read_text(encoding="utf-8"))
    year = data.today.year
    reporting["rounds"] = [
        {
            "id": "ky-1",
            "name": {"vi": "Kỳ 1", "en": "Round 1"},
            "period": {"start": dt.date(year, 1, 1), "end": dt.date(year, 12, 31)},
            "due": dt.date(year + 1, 1, 5),
        }
    ]
    (copy / "reporting.yml").write_text(yaml.safe_dump(reporting, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "bao-cao.docx"
    assert _report(copy, data.today, out) == 0
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    name = unicodedata.normalize("NFC", other_commune.commune_name(REAL_DATA_DIR)).casefold()
    assert name not in unicodedata.normalize("NFC", "\n".join(texts)).casefold()
    assert other_commune.NEW_NAME.upper() in "\n".join(texts)


# --- Every record has its pages, reachable -----------------------------------------------------


def _record_pages(plan: Plan) -> list[str]:
    """The source path of every task, pillar, unit and news post page."""
    return [
        *(urls.task_page(t.id) for t in plan.tasks),
        *(urls.pillar_page(p.id) for p in plan.pillars),
        *(urls.unit_page(u.id) for u in plan.units),
        *(urls.news_page(n.slug) for n in plan.news),
    ]


# The overview page that lists each family of records.
_INDEX_OF = {"tasks": urls.TASKS, "pillars": urls.PILLARS, "units": urls.UNITS, "news": urls.NEWS}


def test_every_task_pillar_unit_and_news_post_has_its_page_in_both_languages(built: BuiltPlan):
    missing = [
        f"{lang}/{urls.address(page)}"
        for page in _record_pages(built.plan)
        for lang in LANGUAGES
        if not built.file(lang, urls.address(page)).is_file()
    ]
    assert missing == []


def test_every_task_page_lists_its_fields_as_one_flat_description_list(built: BuiltPlan):
    """On every task page of any plan the fields (pillar, indicator, task, lead and coordinating units)
    are one flat description list, each label followed by its own value: the lead units' label is
    never swallowed by the task's text, and the lead units' value links to each lead unit's page."""
    wrong = []
    for lang in LANGUAGES:
        label = Labels(lang)
        for task in built.plan.tasks:
            path = built.file(lang, urls.address(urls.task_page(task.id)))
            fields, problems = task_fields(Page(path))
            wrong += [f"{lang} {task.id}: {problem}" for problem in problems]
            values = dict(fields)
            lead = values.get(label("table.lead", count=len(task.lead)))
            if lead is None or label("task.text") not in values:
                wrong.append(f"{lang} {task.id}: fields {[name for name, _ in fields]}")
                continue
            linked = {
                site_checks.page_file(
                    built.site_dir,
                    built.site_url,
                    urljoin(site_checks.page_url(built.site_dir, built.site_url, path), href),
                )
                for href in lead.xpath(".//a/@href")
            }
            expected = {built.file(lang, urls.address(urls.unit_page(unit.id))).resolve() for unit in task.lead}
            if {file.resolve() for file in linked if file is not None} != expected:
                wrong.append(f"{lang} {task.id}: the lead units' value links to {sorted(map(str, linked))}")
    assert wrong == []


def test_the_staff_guide_lists_this_plans_unit_ids_and_task_codes(built: BuiltPlan):
    """The guide's lists are made from the plan being built (pii_site.pages.blocks): every unit id and
    task code of this plan, and no marker comment left in the page."""
    for lang in LANGUAGES:
        guide = Page(built.file(lang, "guide"))
        codes = set(guide.xpath("//article//table//td/code/text()"))
        assert {unit.id for unit in built.plan.units} | {task.id for task in built.plan.tasks} <= codes, lang
        assert "pii:" not in guide.path.read_text(encoding="utf-8"), lang


def test_every_pillar_page_links_to_its_pillar_in_the_framework(built: BuiltPlan):
    wrong = []
    for lang in LANGUAGES:
        framework = built.file(lang, urls.address(urls.PII_FRAMEWORK)).resolve()
        for pillar in built.plan.pillars:
            path = built.file(lang, urls.address(urls.pillar_page(pillar.id)))
            url = site_checks.page_url(built.site_dir, built.site_url, path)
            targets = {
                (site_checks.page_file(built.site_dir, built.site_url, urljoin(url, href)), href.partition("#")[2])
                for href in Page(path).xpath("//article//a/@href")
            }
            if not any(file and file.resolve() == framework and anchor == pillar.id for file, anchor in targets):
                wrong.append(f"{lang} {pillar.id}")
    assert wrong == []


def _contact_links(contact) -> set[str]:
    if contact is None:
        return set()
    found = {f"tel:{dial(contact.phone)}"} if contact.phone else set()
    return found | ({f"mailto:{contact.email}"} if contact.email else set())


def _contact_text(contact, lang: str, name: str | None = None) -> str:
    """What an <address> block must read for `contact`: its name, then each part given in the data
    after its label, in the data's words."""
    labels = Labels(lang)
    parts = [name] if name else []
    for part in ("address", "phone", "email", "hours"):
        value = getattr(contact, part)
        if value is not None:
            parts.append(f"{labels('contact.' + part)}: {value if isinstance(value, str) else getattr(value, lang)}")
    return " ".join(" ".join(parts).split())


def _texts(elements) -> list[str]:
    # Lines of an <address> are parted by <br>, which text_content() drops without a space.
    return [" ".join(" ".join(element.itertext()).split()) for element in elements]


def test_contacts_shown_are_exactly_those_of_the_data(built: BuiltPlan):
    """The footer of every page and each unit's contact block show the office, feedback route,
    licence and contacts of the data, in its words, and nothing else: missing parts stay absent
    (no empty block, no licence, no feedback line), none is invented."""
    site = built.plan.site
    in_footer = _contact_links(site.office) | (
        {f"mailto:{site.feedback.email}"} if site.feedback and site.feedback.email else set()
    )
    contact_links = "//a[starts-with(@href, 'tel:') or starts-with(@href, 'mailto:')]/@href"
    wrong = []
    for lang in LANGUAGES:
        office = [_contact_text(site.office, lang, getattr(site.office.name, lang))] if site.office else []
        licence = [(site.licence.address, getattr(site.licence.name, lang))] if site.licence else []
        feedback_links = [site.feedback.address] if site.feedback and site.feedback.address else []
        feedback_label = Labels(lang)("footer.feedback")
        for path in iter_html(built.site_dir / lang):
            page = Page(path)
            [footer] = page.xpath("//footer//*[@class='pii-footer']") or [None]
            if footer is None:
                wrong.append(f"{path}: no footer block")
                continue
            shown = set(footer.xpath(f".{contact_links}"))
            if shown != in_footer:
                wrong.append(f"{path}: footer {sorted(shown)} != {sorted(in_footer)}")
            if _texts(footer.xpath(".//address")) != office:
                wrong.append(f"{path}: footer office {_texts(footer.xpath('.//address'))} != {office}")
            licences = [(a.get("href"), a.text_content().strip()) for a in footer.xpath(".//a[@rel='license']")]
            if licences != licence:
                wrong.append(f"{path}: footer licence {licences} != {licence}")
            feedback = footer.xpath(
                ".//a[not(@rel) and not(starts-with(@href, 'tel:')) and not(ancestor::*[@class='pii-footer__ask'])]/@href"
            )
            feedback = [address for address in feedback if not address.startswith("mailto:")]
            if feedback != feedback_links:
                wrong.append(f"{path}: footer links {feedback} != {feedback_links}")
            if (feedback_label in footer.text_content()) != bool(site.feedback):
                wrong.append(f"{path}: feedback line shown is {not site.feedback}")
        for unit in built.plan.units:
            page = Page(built.file(lang, urls.address(urls.unit_page(unit.id))))
            shown = set(page.xpath(f"//article//address{contact_links}"))
            if shown != _contact_links(unit.contact):
                wrong.append(f"{lang} unit {unit.id}: {sorted(shown)}")
            expected = [_contact_text(unit.contact, lang)] if unit.contact else []
            if _texts(page.xpath("//article//address")) != expected:
                wrong.append(f"{lang} unit {unit.id}: {_texts(page.xpath('//article//address'))} != {expected}")
    assert wrong == []


def test_every_footer_says_whom_the_plan_makes_follow_it_up_and_whether_contacts_are_published(built: BuiltPlan):
    """Whom to ask, from the plan itself: every page's footer links to the page of data/reporting.yml's
    coordinator (and names it), or names no one when the data names no one; it says plainly that no
    contacts are published exactly when data/site.yml has neither an office nor a feedback route.
    Every unit page says who follows up the plan too, and either shows the unit's contacts or says
    there are none."""
    plan, site = built.plan, built.plan.site
    coordinator = plan.reporting.coordinator
    wrong = []
    for lang in LANGUAGES:
        label = Labels(lang)
        coordinator_page = (
            built.file(lang, urls.address(urls.unit_page(coordinator.id))).resolve() if coordinator else None
        )
        for path in iter_html(built.site_dir / lang):
            [footer] = Page(path).xpath("//footer//*[@class='pii-footer']") or [None]
            if footer is None:
                continue  # test_contacts_shown_are_exactly_those_of_the_data says so
            url = site_checks.page_url(built.site_dir, built.site_url, path)
            asked = [
                site_checks.page_file(built.site_dir, built.site_url, urljoin(url, href))
                for href in footer.xpath(".//*[@class='pii-footer__ask']//a/@href")
            ]
            if [file.resolve() if file else None for file in asked] != ([coordinator_page] if coordinator else []):
                wrong.append(f"{path}: whom to ask links to {asked}")
            none_published = label("footer.no_contacts") in " ".join(footer.text_content().split())
            if none_published != (site.office is None and site.feedback is None):
                wrong.append(f"{path}: 'no contacts published' shown is {none_published}")
        for unit in plan.units:
            text = Page(built.file(lang, urls.address(urls.unit_page(unit.id)))).text()
            if (label("unit.no_contact") in text) == (unit.contact is not None):
                wrong.append(f"{lang} unit {unit.id}: says it has no contacts: {label('unit.no_contact') in text}")
            if coordinator and getattr(coordinator.name, lang) not in text and unit.id != coordinator.id:
                wrong.append(f"{lang} unit {unit.id}: does not name {coordinator.id}")
    assert wrong == []


def test_reporting_deadlines_are_spoken_of_exactly_when_the_plan_has_rounds(built: BuiltPlan):
    """Without reporting rounds (the real plan sets none) no deadline is known, so the progress page,
    the unit pages and the feed say nothing of one; with rounds, the progress page names the current
    round's due day and each unit that owes a form shows, on its page, its standing in that round
    first, in words."""
    plan = built.plan
    reporting = plan.reporting
    wrong = []
    for lang in LANGUAGES:
        label = Labels(lang)
        words = [label(f"round.state.{state}") for state in SUBMISSION_STATES] + [label("feed.round_due")]
        progress = Page(built.file(lang, urls.address(urls.PROGRESS)))
        unit_pages = {unit.id: Page(built.file(lang, urls.address(urls.unit_page(unit.id)))) for unit in plan.units}
        feed = (built.site_dir / lang / "feed.xml").read_text(encoding="utf-8")
        if not reporting.rounds:
            for page in [progress, *unit_pages.values()]:
                said = [word for word in words if word in page.text()]
                if said or page.xpath('//*[contains(@class, "pii-round-state")]'):
                    wrong.append(f"{page.path}: speaks of a reporting deadline ({said})")
            if 'term="reporting-round"' in feed:
                wrong.append(f"{lang}/feed.xml: has a reporting deadline entry")
            continue
        assert reporting.current_round is not None  # there are rounds
        current = reporting.status(reporting.current_round)
        if format_date(current.round.due, lang) not in progress.text():
            wrong.append(f"{lang} progress: no due day of the current round")
        for entry in current.units:
            shown = unit_pages[entry.unit.id].xpath('//article//span[contains(@class, "pii-round-state ")]')
            first = " ".join(shown[0].text_content().split()) if shown else None
            if first != label(f"round.state.{entry.state}"):
                wrong.append(f"{lang} unit {entry.unit.id}: shows {first!r}, stands {entry.state}")
    assert wrong == []


def test_every_record_page_is_linked_from_the_navigation_or_its_index_page(built: BuiltPlan):
    unreachable = []
    for lang in LANGUAGES:
        home = built.file(lang, "")
        from_nav = site_checks.linked_pages(built.site_dir, built.site_url, home, "//nav//a[@href]")
        for page in _record_pages(built.plan):
            index = built.file(lang, urls.address(_INDEX_OF[page.split("/")[0]]))
            target = built.file(lang, urls.address(page)).resolve()
            if target not in from_nav and target not in site_checks.linked_pages(built.site_dir, built.site_url, index):
                unreachable.append(f"{lang}/{urls.address(page)}")
    assert unreachable == []


def test_no_internal_link_or_anchor_leads_nowhere(built: BuiltPlan):
    assert site_checks.broken_links(built.site_dir, built.site_url) == []


# --- Identity ----------------------------------------------------------------------------------


def test_site_colours_pass_wcag_aa_and_the_favicon_is_in_the_site(built: BuiltPlan):
    # Whatever colours a plan configures (or the default), as the built stylesheet applies them.
    for lang in LANGUAGES:
        colors = stylesheet_colors(built.site_dir, lang)
        assert set(colors) == {"primary", "accent"}
        ratios = {name: contrast_ratio(color, WHITE) for name, color in colors.items()}
        assert min(ratios.values()) >= MINIMUM_CONTRAST, ratios
        home = built.file(lang, "")
        [favicon] = lxml.html.fromstring(home.read_bytes()).xpath("//head/link[@rel='icon']/@href")
        assert (home.parent / favicon).is_file()


# --- Link previews -----------------------------------------------------------------------------


def test_every_page_has_a_link_preview_with_an_image_of_the_site(built: BuiltPlan):
    """Whatever the plan: every page (the 404 page too) names a title, a description and a share
    image that is a 1200x630 PNG of the built site (these plans are built with a public address)."""
    wrong = []
    for lang in LANGUAGES:
        for path in iter_html(built.site_dir / lang):
            tree = lxml.html.fromstring(path.read_bytes())
            tags = {name: tree.xpath(f"//head/meta[@property='{name}']/@content") for name in _PREVIEW_TAGS}
            if any(len(values) != 1 or not values[0].strip() for values in tags.values()):
                wrong.append(f"{path}: {tags}")
                continue
            [image] = tags["og:image"]
            served = built.site_dir / image.removeprefix(built.site_url)
            if not image.startswith(built.site_url) or not served.is_file():
                wrong.append(f"{path}: og:image {image} is not a file of the site")
                continue
            with Image.open(served) as shown:
                if (shown.format, shown.size) != ("PNG", (1200, 630)):
                    wrong.append(f"{path}: og:image is a {shown.format} of {shown.size}")
    assert wrong == []


_PREVIEW_TAGS = ("og:title", "og:description", "og:image")


# --- News photos -------------------------------------------------------------------------------


def test_every_news_photo_is_local_resized_sized_lazy_and_described(built: BuiltPlan):
    """Whatever posts a plan has: each image on a news page is a file of the site beside the page,
    at most MAX_WIDTH wide, as wide and high as its width and height say, lazy, with alt text."""
    wrong = []
    for lang in LANGUAGES:
        for post in built.plan.news:
            page = built.file(lang, urls.address(urls.news_page(post.slug)))
            for img in lxml.html.fromstring(page.read_bytes()).xpath("//article//img"):
                served = page.parent / img.get("src", "")
                size = (int(img.get("width", 0)), int(img.get("height", 0)))
                if not served.is_file() or served.parent != page.parent:
                    wrong.append(f"{lang} {post.slug}: {img.get('src')} is not a file beside the page")
                    continue
                with Image.open(served) as photo:
                    if photo.size != size or photo.width > MAX_WIDTH:
                        wrong.append(f"{lang} {post.slug}: {img.get('src')} is {photo.size}, says {size}")
                if img.get("loading") != "lazy" or not (img.get("alt") or "").strip():
                    wrong.append(f"{lang} {post.slug}: {img.get('src')} not lazy or without alt text")
    assert wrong == []


# --- HTML validity -----------------------------------------------------------------------------


def test_html_is_valid_apart_from_the_listed_material_findings(built: BuiltPlan, vnu):
    assert site_checks.invalid_html(vnu(built), built.site_dir) == []


def test_each_accepted_material_finding_still_occurs(build, vnu):
    # Once, on the real data: a finding that disappears (say, after a Material update) is removed
    # from the list, so the list keeps saying exactly what is accepted.
    assert site_checks.material_findings_gone(vnu(build(REAL))) == []


# --- In the browser ----------------------------------------------------------------------------


def pages_to_visit(built: BuiltPlan) -> list[tuple[str, str]]:
    """(language, address under its folder) of the pages to visit, derived from the plan: home, the
    index pages (tasks, pillars, units, news, progress), the first task, pillar, unit and news post,
    and a pillar without tasks: one page of each family, since a family's pages come from one
    template. On the demo, also every other page of the menu and the open data page: their shape is
    the same for every plan (the hand-written guide, the index method), and the demo is the real
    data with progress and news laid over it, so it covers the real plan's menu pages too.

    Each page is visited in one language, the languages taking turns down the list and each plan
    starting with another one (its place in PLANS): both languages are one template with other
    labels (their parity is tested on its own), so over the plans each family is still checked in
    both, for half the visits (each costs about a second)."""
    plan = built.plan
    pages = [
        urls.HOME,
        urls.TASKS,
        urls.PILLARS,
        urls.UNITS,
        urls.NEWS,
        urls.PROGRESS,
        urls.task_page(plan.tasks[0].id),
        urls.pillar_page(plan.pillars[0].id),
        urls.unit_page(plan.units[0].id),
        *[urls.news_page(n.slug) for n in plan.news[:1]],
        *[urls.pillar_page(p.id) for p in plan.pillars if not plan.tasks_in(p)][:1],
    ]
    addresses = [urls.address(page) for page in pages]
    if built.name == DEMO.name:
        home = built.file(LANGUAGES[0], "")
        root = (built.site_dir / LANGUAGES[0]).resolve()
        menu = site_checks.linked_pages(built.site_dir, built.site_url, home, "//nav//a[@href]")
        addresses += sorted(
            file.parent.relative_to(root).as_posix().removeprefix(".") + "/"
            for file in menu
            if file.is_relative_to(root) and file.parent != root
        )
        addresses.append(urls.address(urls.OPEN_DATA))
    first = PLAN_IDS.index(built.name)
    return [(LANGUAGES[(first + i) % len(LANGUAGES)], address) for i, address in enumerate(dict.fromkeys(addresses))]


# Every page is visited on a wide screen; those of the real and demo plans on a phone too, where the
# layout (menu drawer, tables as cards) is another one for axe to check.
WIDE, PHONE = 1280, 360
PHONE_PLANS = {REAL.name, DEMO.name}


@pytest.fixture
def visits(
    built: BuiltPlan, browser: Browser, request: pytest.FixtureRequest
) -> dict[tuple[str, str, int], tuple[Problems, list[str]]]:
    """(lang, address, width) -> (problems, axe violations) for every page to visit, once per plan."""
    if not built.visits:
        widths = [WIDE, PHONE] if built.name in PHONE_PLANS else [WIDE]
        with contextlib.ExitStack() as stack:
            if built.name == FIXTURE.name:  # the session build, served for the browser tests already
                base_url = request.getfixturevalue("base_url")
            else:
                base_url = stack.enter_context(serve(built.site_dir, built.port, SITE_PATH))
            for width in widths:
                context = stack.enter_context(
                    contextlib.closing(checking_context(browser, viewport={"width": width, "height": 900}))
                )
                for lang, address in pages_to_visit(built):
                    # A fresh page per visit: the previous page's requests (the search index Material
                    # fetches after load) are aborted when a page navigates away, and were counted here.
                    with contextlib.closing(context.new_page()) as page:
                        built.visits[lang, address, width] = visit(page, f"{base_url}{lang}/{address}")
    return built.visits


def test_axe_finds_no_wcag_a_or_aa_violation(visits):
    found = {
        f"{lang}/{address} at {width} px": violations for (lang, address, width), (_, violations) in visits.items()
    }
    assert {page: violations for page, violations in found.items() if violations} == {}


def test_pages_load_without_failed_request_or_console_error(visits):
    problems = {
        f"{lang}/{address} at {width} px": [*p.failed_requests, *p.console_errors]
        for (lang, address, width), (p, _) in visits.items()
    }
    assert {page: found for page, found in problems.items() if found} == {}
    assert len(visits) > 2 * len(LANGUAGES) and {lang for lang, *_ in visits} == set(LANGUAGES)


# --- The staff journey: each change shows on the right pages -----------------------------------


@pytest.fixture(scope="module")
def journey() -> staff_journey.Journey:
    # The same choices carry_out made on its copy of the real data.
    return staff_journey.plan_journey(load_plan(REAL_DATA_DIR, dt.date.max))


def _text(path: Path) -> str:
    """The article's visible text, whitespace folded."""
    return Page(path).text()


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_staff_updates_show_on_the_task_page_and_the_progress_page(build, journey):
    site = build(STAFF_JOURNEY)
    for lang in LANGUAGES:
        label = Labels(lang)
        for update in journey.updates:
            page = _text(site.file(lang, urls.address(urls.task_page(update.task_id))))
            assert _flat(update.note_en if lang == "en" and update.note_en else update.note_vi) in page
            assert label(f"status.{update.status}") in page
        progress = site.file(lang, urls.address(urls.PROGRESS))
        for task_id, status in journey.latest_status().items():
            task_page = site.file(lang, urls.address(urls.task_page(task_id)))
            rows = _rows_linking_to(site, progress, task_page)
            assert any(label(f"status.{status}") in _flat(row.text_content()) for row in rows), (lang, task_id)


def test_staff_report_with_a_form_shows_on_the_task_page_with_its_round(build, journey):
    assert journey.form is not None, "the real data has no unit leading a task the other steps leave alone"
    site = build(STAFF_JOURNEY)
    for lang in LANGUAGES:
        page = _text(site.file(lang, urls.address(urls.task_page(journey.form.task_id))))
        assert (journey.form.note_en if lang == "en" else journey.form.note_vi) in page
        assert journey.form.round_name[lang] in page and "45%" in page


def _rows_linking_to(site: BuiltPlan, page: Path, target: Path) -> list:
    """The table rows and list items of `page` that hold a link to the built file `target`."""
    tree = lxml.html.fromstring(page.read_bytes())
    url = site_checks.page_url(site.site_dir, site.site_url, page)
    return [
        row
        for row in tree.xpath("//article//tr | //article//li")
        if any(
            site_checks.page_file(site.site_dir, site.site_url, urljoin(url, a.get("href"))) == target
            for a in row.xpath(".//a[@href]")
        )
    ]


def test_staff_news_post_is_listed_and_renders_its_markdown(build, journey):
    site = build(STAFF_JOURNEY)
    for lang, title, heading in (
        ("vi", journey.news.title_vi, journey.news.heading_vi),
        ("en", journey.news.title_en, journey.news.heading_en),
    ):
        post = site.file(lang, urls.address(urls.news_page(journey.news.slug)))
        news_list = site.file(lang, urls.address(urls.NEWS))
        assert post.resolve() in site_checks.linked_pages(
            site.site_dir, site.site_url, news_list, "//article//a[@href]"
        )
        assert title in _text(news_list)
        tree = lxml.html.fromstring(post.read_bytes())
        assert heading in [_flat("".join(h.xpath("text()"))) for h in tree.xpath("//article//h2")]  # not its ¶ link
        assert len(tree.xpath("//article//ul/li")) >= 2 and len(tree.xpath("//article//ol/li")) >= 2
        assert tree.xpath("//article//hr") and tree.xpath("//article//strong")
        assert tree.xpath("//article//a[starts-with(@href, 'https://')]")


def test_staff_corrected_task_text_shows_on_the_task_page(build, journey):
    page = build(STAFF_JOURNEY).file("vi", urls.address(urls.task_page(journey.corrected_task)))
    assert journey.corrected_text_vi in _text(page)


def test_staff_new_unit_has_its_page_and_the_task_links_to_it(build, journey):
    site = build(STAFF_JOURNEY)
    for lang in LANGUAGES:
        unit_page = site.file(lang, urls.address(urls.unit_page(journey.new_unit_id)))
        assert unit_page.is_file()
        task_page = site.file(lang, urls.address(urls.task_page(journey.coordinated_task)))
        assert unit_page.resolve() in site_checks.linked_pages(
            site.site_dir, site.site_url, task_page, "//article//a[@href]"
        )
    assert journey.new_unit_name_vi in _text(site.file("vi", urls.address(urls.unit_page(journey.new_unit_id))))


def test_staff_removed_task_has_no_page_and_no_link(build, journey):
    site = build(STAFF_JOURNEY)
    if journey.removed_task is None:  # every group of this plan has one task: none could go
        assert len(site.plan.tasks) == len(load_plan(REAL_DATA_DIR, dt.date.max).tasks)
        return
    gone = [site.file(lang, urls.address(urls.task_page(journey.removed_task))) for lang in LANGUAGES]
    assert not any(page.exists() for page in gone)
    linking = [
        str(page.relative_to(site.site_dir))
        for page in iter_html(site.site_dir)
        if {g.resolve() for g in gone} & site_checks.linked_pages(site.site_dir, site.site_url, page)
    ]
    assert linking == []


def test_staff_journey_works_on_data_laid_out_otherwise(tmp_path: Path):
    # Another commune may write its YAML in flow style or indent it otherwise: still valid data,
    # so the journey's edits must still land (through YAML where the line edits cannot).
    data_dir = tmp_path / "data"
    shutil.copytree(REAL_DATA_DIR, data_dir)
    for name in ("tasks.yml", "units.yml"):
        path = data_dir / name
        path.write_text(
            yaml.safe_dump(
                yaml.safe_load(path.read_text(encoding="utf-8")), allow_unicode=True, default_flow_style=True, width=60
            ),
            encoding="utf-8",
        )
    today = staff_journey.carry_out(data_dir)
    plan = load_plan(data_dir, today)
    expected = staff_journey.plan_journey(load_plan(REAL_DATA_DIR, dt.date.max))
    assert expected.new_unit_id in {unit.id for unit in plan.units}
    assert expected.removed_task not in {task.id for task in plan.tasks}
    assert [t.text.vi for t in plan.tasks if t.id == expected.corrected_task] == [expected.corrected_text_vi]


# --- Another commune: nothing of the original remains -------------------------------------------


def test_other_commune_pages_hold_nothing_of_the_original_commune(build):
    site = build(OTHER_COMMUNE)
    name = unicodedata.normalize("NFC", other_commune.commune_name(REAL_DATA_DIR)).casefold()
    old_ids = re.compile(
        "|".join(rf"(?<![a-z0-9-]){re.escape(i)}(?![a-z0-9-])" for i in other_commune.unit_ids(REAL_DATA_DIR))
    )
    # The staff guide and the about page are the project's own text (docs/), the same for every
    # commune; only pages made from the data are checked.
    own_text = {
        site.file(lang, urls.address(doc.relative_to(PROJECT_DIR / "docs" / lang).as_posix())).resolve()
        for lang in LANGUAGES
        for doc in (PROJECT_DIR / "docs" / lang).rglob("*.md")
    }
    pages = [page for page in iter_html(site.site_dir) if page.resolve() not in own_text]
    found = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if name in unicodedata.normalize("NFC", html).casefold():
            found.append(f"{page.relative_to(site.site_dir)}: the name")
        # Unit ids are in addresses and text; a heading's anchor is made from the unit's name,
        # which the other commune may share ("Phòng Kinh tế" -> #phong-kinh-te).
        tree = lxml.html.fromstring(html)
        addresses_and_text = " ".join([tree.text_content(), *(v.split("#")[0] for v in tree.xpath("//@href | //@src"))])
        found += [f"{page.relative_to(site.site_dir)}: {m[0]}" for m in old_ids.finditer(addresses_and_text)]
    assert found == []
    assert pages
