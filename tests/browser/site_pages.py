"""The pages every browser check visits (axe, 360 px layout, console and failed requests).

ONE list for all of them: a new page family is covered by adding its address here.
Addresses are relative to a language's root and identical in both languages.
"""

from __future__ import annotations

LANGS = ("vi", "en")

MAIN_PAGES = [
    "",  # home
    "plan/",
    "pillars/",
    "pillars/co-so-ha-tang/",
    "pillars/san-pham-tri-thuc/",  # the pillar without tasks
    "units/",
    "units/phong-kinh-te/",
    "tasks/",
    "tasks/iii-2/",
    "about/",
    # The progress page (issue 3) and the PII pages (issue 4) go here when they are merged, e.g.
    # "progress/",
    # "pii/",
]

# (language, address) pairs, for pytest.mark.parametrize.
MAIN_PAGES_IN_EVERY_LANGUAGE = [(lang, address) for lang in LANGS for address in MAIN_PAGES]
