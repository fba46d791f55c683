"""The pages every browser check visits (axe, 360 px layout, console and failed requests), and the
fixture plan they are taken from. Used by test_accessibility, test_layout_and_errors, test_language_switch
and test_demo_pages.

ONE list for all of them: a new page family is covered by adding its address here. Addresses are
relative to a language's root and identical in both languages; pages of one item (a pillar, a unit, a
task, a news post) are picked from the fixture plan by what makes them hardest to lay out or read, so
the list follows the fixture instead of naming its ids.
"""

from __future__ import annotations

import datetime as dt

from helpers import FIXTURE_DIR, FIXTURE_TODAY

from pii_site import load_plan
from pii_site.i18n import urls

LANGS = ("vi", "en")

# The fixture plan as the session build (tests/conftest.py `site`) sees it.
FIXTURE_PLAN = load_plan(FIXTURE_DIR, dt.date.fromisoformat(FIXTURE_TODAY))

# The task with the most units and updates: two lead units, an indicator, evidence (VII.2 in the fixture).
RICHEST_TASK = max(FIXTURE_PLAN.tasks, key=lambda t: (len(t.lead) + len(t.coordinating), len(t.progress.updates)))
# The unit with the longest name: the first to overflow a 360 px screen.
LONGEST_UNIT = max(FIXTURE_PLAN.units, key=lambda u: len(u.name.vi))
# The pillar with the most tasks, and one with none (its page says so instead of listing tasks).
BUSIEST_PILLAR = max(FIXTURE_PLAN.pillars, key=lambda p: len(FIXTURE_PLAN.tasks_in(p)))
EMPTY_PILLAR = next(p for p in FIXTURE_PLAN.pillars if not FIXTURE_PLAN.tasks_in(p))
# The longest news post: the one using every Markdown construct staff may use (headings, lists, tables...).
LONGEST_POST = max(FIXTURE_PLAN.news, key=lambda post: len(post.body_vi))

MAIN_PAGES = [
    "",  # home
    "plan/",
    "pillars/",
    urls.address(urls.pillar_page(BUSIEST_PILLAR.id)),
    urls.address(urls.pillar_page(EMPTY_PILLAR.id)),
    "units/",
    urls.address(urls.unit_page(LONGEST_UNIT.id)),
    "tasks/",
    urls.address(urls.task_page(RICHEST_TASK.id)),
    "progress/",
    "progress/data/",
    "pii/",
    "pii/framework/",
    "pii/method/",
    "pii/glossary/",
    "pii/sources/",
    "news/",
    urls.address(urls.news_page(LONGEST_POST.slug)),
    "guide/",
    "about/",
]

# (language, address) pairs, for pytest.mark.parametrize.
MAIN_PAGES_IN_EVERY_LANGUAGE = [(lang, address) for lang in LANGS for address in MAIN_PAGES]
