"""Files at the site's root, beside the language folders: the open-data contract's JSON Schema, and
`data.json`, the catalogue in the DCAT-US 1.1 shape that CKAN's harvesters (ckanext-datajson) read.

Called by hooks/pii_hooks.py (on_post_build of the default language's build) and by the province
build for its own open data. The catalogue is written only when the site has a public address:
DCAT takes absolute addresses. One dataset (the plan and its progress); one distribution per file
and language. Each download's address carries a short hash of its bytes (`?v=…`, which static hosts
ignore), so `data.json` changes whenever any file does: a harvester whose conditional request for
`data.json` comes back "not modified" knows that nothing else changed either.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pii_site.i18n import LANGUAGES, Labels, urls
from pii_site.model.contract import DOWNLOADS, SCHEMA_PATH
from pii_site.model.plan import Plan
from pii_site.outputs import feeds
from pii_site.outputs.exports import GeneratedFile
from pii_site.outputs.json_schema import open_data_schema

CATALOGUE = "data.json"
POD_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv", "xml": "application/atom+xml"}
FORMATS = {"json": "JSON", "csv": "CSV", "xml": "Atom"}


def version_token(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:12]


def partial_date(year: int, month: int | None, day: int | None) -> str:
    """ISO 8601 as far as it is known: 2026, 2026-02 or 2026-02-09."""
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def root_files(plan: Plan, base_url: str, open_data: list[GeneratedFile]) -> list[GeneratedFile]:
    """The schema always; data.json only with a public address (`base_url`, ending in "/")."""
    files = [GeneratedFile(SCHEMA_PATH, open_data_schema().encode("utf-8"))]
    if base_url:
        document = catalogue(plan, base_url, open_data)
        files.append(GeneratedFile(CATALOGUE, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()))
    return files


def catalogue(plan: Plan, base_url: str, open_data: list[GeneratedFile]) -> dict[str, Any]:
    return catalogue_of([dataset(plan, base_url, open_data)], base_url)


def catalogue_of(datasets: list[dict[str, Any]], base_url: str) -> dict[str, Any]:
    """The DCAT-US 1.1 catalogue around `datasets` (also the province site's, pii_site.province.exports)."""
    return {
        "@context": f"{POD_SCHEMA}/catalog.jsonld",
        "@id": f"{base_url}{CATALOGUE}",
        "@type": "dcat:Catalog",
        "conformsTo": POD_SCHEMA,
        "describedBy": f"{POD_SCHEMA}/catalog.json",
        "dataset": datasets,
    }


def dataset(plan: Plan, base_url: str, open_data: list[GeneratedFile]) -> dict[str, Any]:
    site, document = plan.site, plan.document
    schema = f"{base_url}{SCHEMA_PATH}"
    office = site.office
    email = (office.email if office else None) or (site.feedback.email if site.feedback else None)
    contact: dict[str, str] = {"@type": "vcard:Contact", "fn": office.name.vi if office else document.issuer.vi}
    if email:
        contact["hasEmail"] = f"mailto:{email}"
    entry: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "title": site.name.vi,
        "description": f"{site.description.vi}\n\n{site.description.en}",
        "keyword": ["PII", "đổi mới sáng tạo", "innovation", document.commune.vi, document.province.vi],
        "issued": partial_date(document.date.year, document.date.month, document.date.day),
        "publisher": {"@type": "org:Organization", "name": document.issuer.vi},
        "contactPoint": contact,
        # The site's own address: the one thing that names this plan's data for as long as it is published.
        "identifier": base_url,
        "accessLevel": "public",
        "landingPage": base_url,
        "language": list(LANGUAGES),
        "spatial": f"{document.commune.vi}, {document.province.vi}",
        "temporal": f"{document.year:04d}-01-01/{document.year:04d}-12-31",
        "conformsTo": schema,
        "describedBy": schema,
        "describedByType": "application/schema+json",
        "distribution": distributions(plan, base_url, open_data),
    }
    last_update = plan.rollup().last_date
    if last_update is not None:  # no update yet: unknown, so left out (DCAT-US does not require it)
        entry["modified"] = last_update.isoformat()
    if site.licence is not None:
        entry["license"] = site.licence.address
    return entry


def distributions(plan: Plan, base_url: str, open_data: list[GeneratedFile]) -> list[dict[str, Any]]:
    schema = f"{base_url}{SCHEMA_PATH}"
    result = []
    for lang in LANGUAGES:
        t = Labels(lang)
        root = f"{base_url}{lang}/"
        dictionary = f"{root}{urls.address(urls.OPEN_DATA)}"
        for file in open_data:
            name, extension = file.path.removeprefix(f"{DOWNLOADS}/").rsplit(".", 1)
            item = {
                "@type": "dcat:Distribution",
                "title": f"{t(f'open_data.dataset.{name}')} ({FORMATS[extension]}, {t('language.name')})",
                "downloadURL": f"{root}{file.path}?v={version_token(file.content)}",
                "mediaType": MEDIA_TYPES[extension],
                "format": FORMATS[extension],
            }
            # The JSON files follow the contract's schema; the CSV files' columns are explained on the
            # data dictionary page of their language.
            if extension == "json":
                item |= {"conformsTo": schema, "describedBy": schema, "describedByType": "application/schema+json"}
            else:
                item |= {"describedBy": dictionary, "describedByType": "text/html"}
            result.append(item)
        feed = feeds.feed_file(plan, lang, root)
        full_name = getattr(plan.site.name, lang)
        result.append(
            {
                "@type": "dcat:Distribution",
                "title": t("feed.title", site=full_name),
                "downloadURL": f"{root}{feed.path}?v={version_token(feed.content)}",
                "mediaType": MEDIA_TYPES["xml"],
                "format": FORMATS["xml"],
            }
        )
    return result
