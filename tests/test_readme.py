"""The README stays a page people read: at most 150 lines, pointing to the staff guide in
both languages and to the maintainer's guide rather than repeating them, and every relative link in it (and in
the benchmark record it points to) leads to a file of the repository, as GitHub and GitLab resolve it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import PROJECT_DIR

# An inline Markdown link or image: [text](target) or ![alt](target), the target up to a space or ")".
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)")
MAX_LINES = 150


def relative_links(path: Path) -> list[str]:
    """The link targets in `path` that name a file of the repository (not a web address or an anchor)."""
    targets = LINK.findall(path.read_text(encoding="utf-8"))
    return [t.split("#")[0] for t in targets if not re.match(r"[a-z]+:|#", t)]


def test_the_readme_is_at_most_150_lines():
    lines = (PROJECT_DIR / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_LINES, f"README.md has {len(lines)} lines; move detail to the guides"


def test_the_readme_points_to_the_staff_guide_in_both_languages_and_to_the_maintainers_guide():
    links = set(relative_links(PROJECT_DIR / "README.md"))
    assert {"docs/vi/guide.md", "docs/en/guide.md", "hooks/README.md", "hooks/BENCHMARKS.md"} <= links


@pytest.mark.parametrize("document", ["README.md", "hooks/BENCHMARKS.md"])
def test_every_relative_link_leads_to_a_file_that_exists(document: str):
    path = PROJECT_DIR / document
    links = relative_links(path)
    assert links, f"{document} links to nothing"
    missing = [link for link in links if not (path.parent / link).exists()]
    assert missing == [], f"{document} links to files that do not exist: {missing}"
