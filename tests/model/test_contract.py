"""The open-data contract (model/contract.py): every JSON download of the fixture plan's builds says
which commune, province and plan it describes, which version of its shape it follows and where that
shape's schema is, and validates against the schema the site publishes, with format checks on; the
published schema, the generated one and the harvester's copy are the same text; a file that breaks the
contract (a date that is no date, a percent over 100) fails."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from helpers import SITE_PATH, DataCopy

from pii_site import load_plan
from pii_site.model.contract import SCHEMA_PATH, SCHEMA_VERSION
from pii_site.outputs import exports
from pii_site.outputs.json_schema import open_data_schema
from pii_site.province import contracts

LANGS = ("vi", "en")
DATASETS = ("tasks", "units", "updates", "submissions")


def validator(site: Path) -> jsonschema.protocols.Validator:
    schema = json.loads((site / SCHEMA_PATH).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert "date" in cls.FORMAT_CHECKER.checkers  # the format the contract uses is really checked
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def downloads(site: Path, lang: str, dataset: str) -> dict:
    return json.loads((site / lang / "downloads" / f"{dataset}.json").read_text(encoding="utf-8"))


def test_published_schema_is_the_generated_one_and_the_harvesters_copy(site):
    published = (site / SCHEMA_PATH).read_text(encoding="utf-8")
    assert published == open_data_schema()
    copy_ = contracts.SCHEMA_DIR / contracts.schema_file(int(SCHEMA_VERSION.split(".")[0]))
    assert copy_.read_text(encoding="utf-8") == published, "run `make schema`"


@pytest.mark.parametrize("build", ["site", "relative_site", "hostile_site"])
def test_every_export_validates_against_the_published_schema(build, request):
    site = request.getfixturevalue(build)
    check = validator(site)
    for lang in LANGS:
        for dataset in DATASETS:
            document = downloads(site, lang, dataset)
            errors = [f"{lang}/{dataset}: {e.json_path}: {e.message}" for e in check.iter_errors(document)]
            assert not errors, errors[:3]
            assert document["dataset"] == dataset and document["records"]


def test_the_envelope_names_commune_province_plan_version_and_last_change(site, site_port, plan):
    document = downloads(site, "en", "tasks")
    assert document["$schema"] == f"http://127.0.0.1:{site_port}{SITE_PATH}{SCHEMA_PATH}"
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["commune"] == {"code": "99901", "name_vi": "xã Sông Mây", "name_en": "Sông Mây Commune"}
    assert document["province"] == {"code": "99", "name_vi": "tỉnh Thử Nghiệm", "name_en": "Thử Nghiệm Province"}
    # The plan's number and day are blank in the (fictional) signed document: they stay unknown.
    assert document["plan"]["number"] is None and document["plan"]["symbol"] == "KH-UBND"
    assert document["plan"]["date"] == {"year": 2026, "month": 3, "day": None}
    # The latest progress update (VIII.2's), not the day of the build.
    assert (
        document["modified"]
        == "2026-11-02"
        == max(t.progress.last_date for t in plan.tasks if t.progress.last_date).isoformat()
    )
    # What the unnumbered shape had is where it was: readers of {"licence", "records"} read it as before.
    assert document["licence"]["address"] == "https://creativecommons.org/licenses/by/4.0/"
    assert [r["id"] for r in document["records"]] == [t.id for t in plan.tasks]
    # The same bytes in both languages.
    assert all(downloads(site, "vi", d) == downloads(site, "en", d) for d in DATASETS)


def test_each_task_carries_its_pii_pillar_number(site, plan):
    records = downloads(site, "vi", "tasks")["records"]
    assert [r["pillar_number"] for r in records] == [t.pillar.number for t in plan.tasks]
    assert {r["pillar_name_en"] for r in records} == {t.pillar.name.en for t in plan.tasks}


def test_without_a_public_address_the_schema_address_is_relative_and_leads_to_the_schema(relative_site):
    for lang in LANGS:
        address = downloads(relative_site, lang, "tasks")["$schema"]
        assert not address.startswith(("http:", "https:", "/"))
        assert (relative_site / lang / "downloads" / address).resolve() == (relative_site / SCHEMA_PATH).resolve()


def test_unknown_codes_stay_null_and_no_update_means_no_modified_date(tmp_path):
    data = DataCopy(tmp_path / "data")
    data.replace("site.yml", 'commune_code: "99901"\nprovince_code: "99"\n', "")
    for status in data.path("status").glob("*.yml"):
        status.unlink()
    shutil.rmtree(data.path("reports"))  # the units' forms are updates too
    head = exports.envelope(load_plan(data.root, dt.date(2026, 11, 26)), "")
    assert head["commune"]["code"] is None and head["province"]["code"] is None
    assert head["modified"] is None


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("records", 0, "last_update"), "2026-13-01"),
        (("records", 0, "percent"), 150),
        (("records", 0, "status"), "finished"),
        (("modified",), "yesterday"),
        (("schema_version",), "2.0.0"),
        (("commune", "code"), "123"),
    ],
)
def test_a_file_that_breaks_the_contract_fails(site, path, value):
    document = copy.deepcopy(downloads(site, "vi", "tasks"))
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert list(validator(site).iter_errors(document)), f"{path} = {value!r} passed"


@pytest.mark.parametrize(("field", "value"), [("state", "sent"), ("report_date", "12/10/2026"), ("due", None)])
def test_a_submissions_file_that_breaks_the_contract_fails(site, field, value):
    document = copy.deepcopy(downloads(site, "vi", "submissions"))
    document["records"][0][field] = value
    assert list(validator(site).iter_errors(document)), f"{field} = {value!r} passed"


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_dictionary_documents_the_contract_and_links_its_schema(site, page, lang):
    dictionary = page(lang, "progress/data/")
    text = dictionary.text()
    assert SCHEMA_VERSION in text and "data.json" in text
    for key in ("$schema", "schema_version", "commune", "province", "plan", "modified", "licence", "records"):
        assert f"{key}:" in text, key
    [href] = [h for h in dictionary.links() if h.endswith(".schema.json")]
    assert (dictionary.path.parent / href).resolve() == (site / SCHEMA_PATH).resolve()
