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
    "progress/",
    "progress/data/",
    "pii/",
    "pii/framework/",
    "pii/method/",
    "pii/glossary/",
    "pii/sources/",
    "news/",
    "guide/",
    "about/",
]

# (language, address) pairs, for pytest.mark.parametrize.
MAIN_PAGES_IN_EVERY_LANGUAGE = [(lang, address) for lang in LANGS for address in MAIN_PAGES]
