"""The province roll-up of 102 synthetic communes (An Giang's count since 1 July 2025), each with its own
data, served from loopback: harvested and built into both languages; the communes table lists every
one, and the roll-up by pillar adds up each commune's tasks by the PII pillar number (1-7), although
communes name their pillars and number their appendix groups each in their own way."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from helpers import load_script, running
from province_sites import folder_server

synthetic = load_script("maintainer/synthetic_province")
province = load_script("province")
COMMUNES = 102


@pytest.fixture(scope="module")
def rolled_up(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("an-giang")
    server = folder_server(root / "communes")
    with running(server) as base:
        registry = synthetic.write_province(root, COMMUNES, base)
        state, out = root / "state", root / "out"
        assert (
            province.main(["harvest", str(registry), "--out", str(state), "--today", synthetic.TODAY.isoformat()]) == 0
        )
    assert province.main(["build", str(state), "--out", str(out), "-q"]) == 0
    return state, out / "site"


pytestmark = pytest.mark.slow  # 102 communes harvested and built in this process: about half a minute


def harvested_tasks(state: Path) -> list[dict]:
    return [
        record
        for folder in sorted((state / "communes").iterdir())
        for record in json.loads((folder / "tasks.json").read_text(encoding="utf-8"))["records"]
    ]


def test_every_commune_is_harvested_and_listed_in_both_languages(rolled_up):
    state, site = rolled_up
    assert len(list((state / "communes").iterdir())) == COMMUNES
    for lang in ("vi", "en"):
        home = lxml.html.fromstring((site / lang / "index.html").read_bytes())
        rows = home.xpath("//article//table//tbody/tr")
        assert len(rows) == COMMUNES
        codes = [row.xpath("./td[1]")[0].text_content().strip() for row in rows]
        assert codes == [synthetic.commune_code(i) for i in range(COMMUNES)]
        assert len(list((site / lang / "communes").iterdir())) == COMMUNES


def test_the_pillar_roll_up_joins_on_the_pillar_number_not_on_ids_or_groups(rolled_up):
    state, site = rolled_up
    tasks = harvested_tasks(state)
    # The communes really do differ in their ids and group numbers for the same pillar.
    assert len({t["pillar_id"] for t in tasks if t["pillar_number"] == 1}) > 1
    assert len({t["group"] for t in tasks if t["pillar_number"] == 1}) > 1
    expected = Counter(t["pillar_number"] for t in tasks)
    completed = Counter(t["pillar_number"] for t in tasks if t["status"] == "completed")
    page = lxml.html.fromstring((site / "en" / "pillars" / "index.html").read_bytes())
    rows = [[cell.text_content().strip() for cell in row.xpath("./td")] for row in page.xpath("//article//tbody/tr")]
    names = {p["number"]: p["en"] for p in synthetic.pillars()}
    assert [int(row[0]) for row in rows] == sorted(expected) == list(range(1, 8))
    for number, name, communes, count, done, _ in rows:
        assert name == names[int(number)]
        assert int(count) == expected[int(number)]
        assert done.startswith(f"{completed[int(number)]} (")
        assert int(communes) == len({t["text_en"].split(" of ")[1] for t in tasks if t["pillar_number"] == int(number)})
