"""The catalogue at the site's root (outputs/catalogue.py): data.json in the DCAT-US 1.1 shape that
CKAN's harvesters read, valid against the non-federal schema of GSA's ckanext-datajson (a copy in
tests/fixtures/dcat-us/) with format checks on, listing every download of both languages at absolute
addresses that lead to the very bytes built; written only when the site has a public address."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest
from helpers import SITE_PATH, dcat_validator

from pii_site.outputs.catalogue import CATALOGUE


def read_catalogue(site: Path) -> dict:
    return json.loads((site / CATALOGUE).read_text(encoding="utf-8"))


def test_data_json_is_valid_dcat_us_non_federal(site):
    errors = [f"{e.json_path}: {e.message}" for e in dcat_validator().iter_errors(read_catalogue(site))]
    assert not errors, errors[:5]


def test_dataset_says_what_whose_licence_and_when_from_the_data(site, site_port, plan):
    base = f"http://127.0.0.1:{site_port}{SITE_PATH}"
    [dataset] = read_catalogue(site)["dataset"]
    assert dataset["title"] == plan.site.name.vi
    assert plan.site.description.en in dataset["description"]
    assert dataset["publisher"]["name"] == plan.document.issuer.vi
    assert dataset["contactPoint"] == {
        "@type": "vcard:Contact",
        "fn": plan.site.office.name.vi,
        "hasEmail": f"mailto:{plan.site.office.email}",
    }
    assert dataset["license"] == plan.site.licence.address
    assert dataset["modified"] == "2026-11-02"  # the latest update, not the day of the build
    assert dataset["issued"] == "2026-03"  # the plan's date, its day blank in the document
    assert dataset["landingPage"] == dataset["identifier"] == base
    assert dataset["conformsTo"] == f"{base}schema/open-data-1.schema.json"


def test_one_distribution_per_file_and_language_each_leading_to_its_bytes(site, site_port):
    base = f"http://127.0.0.1:{site_port}{SITE_PATH}"
    [dataset] = read_catalogue(site)["dataset"]
    built = sorted(
        str(p.relative_to(site))
        for lang in ("vi", "en")
        for p in [*(site / lang / "downloads").iterdir(), site / lang / "feed.xml"]
    )
    listed = []
    for item in dataset["distribution"]:
        address, _, token = item["downloadURL"].partition("?v=")
        assert address.startswith(base), address
        path = address.removeprefix(base)
        listed.append(path)
        # The token is the content's: a changed file changes data.json.
        assert token == hashlib.sha256((site / path).read_bytes()).hexdigest()[:12]
        assert (
            item["mediaType"]
            == {"json": "application/json", "csv": "text/csv", "xml": "application/atom+xml"}[path.rsplit(".", 1)[1]]
        )
    # Four datasets (tasks, units, updates, submissions) as JSON and CSV, and the feed, in each language.
    assert sorted(listed) == built and len(listed) == 18
    assert f"{base}vi/downloads/submissions.json" in [
        i["downloadURL"].partition("?v=")[0] for i in dataset["distribution"]
    ]


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("dataset", 0, "modified"), "2026-13-45"),
        (("dataset", 0, "distribution", 0, "downloadURL"), "http://exa mple.org/tasks.json"),
        (("dataset", 0, "license"), "not an address"),
        (("dataset", 0, "contactPoint", "hasEmail"), "vanthu@example.org"),
    ],
)
def test_a_bad_date_or_address_fails_the_schema(site, where, value):
    document = copy.deepcopy(read_catalogue(site))
    target = document
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    assert list(dcat_validator().iter_errors(document)), f"{where} = {value!r} passed"


def test_no_catalogue_without_a_public_address(relative_site):
    assert not (relative_site / CATALOGUE).exists()
    assert (relative_site / "schema" / "open-data-1.schema.json").is_file()
