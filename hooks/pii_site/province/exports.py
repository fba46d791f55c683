"""The province site's own open data: the communes table and the roll-up by pillar, as JSON and CSV
(written with the commune site's CSV rules: UTF-8 with BOM, formula-safe cells), and, when the site
has a public address, its data.json catalogue in the same DCAT-US shape as a commune's. Called by
scripts/province.py; files go under each language's downloads/ and at the site's root.
"""

from __future__ import annotations

import json
from typing import Any

from pii_site.i18n import LANGUAGES, Labels
from pii_site.model.contract import DOWNLOADS
from pii_site.outputs.catalogue import CATALOGUE, MEDIA_TYPES, catalogue_of, version_token
from pii_site.outputs.exports import GeneratedFile, to_csv
from pii_site.province.pages import OPEN_DATA, full_name
from pii_site.province.rollup import ProvinceRollup

COLUMNS = {
    "communes": (
        "code",
        "name_vi",
        "name_en",
        "site",
        "tasks",
        "completed",
        "modified",
        "read_on",
        "version",
        "quality",
        "problems",
    ),
    "pillars": ("number", "name_vi", "name_en", "communes", "tasks", "completed", "no_update"),
}


def rows(rollup: ProvinceRollup) -> dict[str, list[dict[str, Any]]]:
    communes = [
        {
            "code": c.code,
            "name_vi": c.name_vi,
            "name_en": c.name_en,
            "site": c.site if c.link else None,
            "tasks": c.total if c.read_on else None,
            "completed": c.completed if c.read_on else None,
            "modified": c.modified.isoformat() if c.modified else None,
            "read_on": c.read_on.isoformat() if c.read_on else None,
            "version": c.version,
            "quality": c.quality,
            "problems": [f"{p.kind}: {p.detail}" for p in c.problems],
        }
        for c in rollup.communes
    ]
    pillars = [{column: getattr(p, column) for column in COLUMNS["pillars"]} for p in rollup.pillars]
    return {"communes": communes, "pillars": pillars}


def open_data_files(rollup: ProvinceRollup) -> list[GeneratedFile]:
    """downloads/<dataset>.json and .csv, the same bytes in both languages."""
    head = {
        "province": {"code": rollup.province_code, "name_vi": rollup.province_vi, "name_en": rollup.province_en},
        "harvested_on": rollup.harvested_on.isoformat() if rollup.harvested_on else None,
        "licence": rollup.licence,
    }
    files = []
    for name, records in rows(rollup).items():
        document = head | {"dataset": name, "records": records}
        body = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        files.append(GeneratedFile(f"{DOWNLOADS}/{name}.json", body))
        files.append(GeneratedFile(f"{DOWNLOADS}/{name}.csv", to_csv(records, COLUMNS[name])))
    return files


def catalogue_file(rollup: ProvinceRollup, base_url: str, files: list[GeneratedFile]) -> GeneratedFile:
    """data.json of the province site (DCAT-US 1.1, as a commune's: outputs/catalogue.py)."""
    t = Labels("vi")
    name = full_name(rollup, "vi")
    distributions = []
    for lang in LANGUAGES:
        for file in files:
            extension = file.path.rsplit(".", 1)[1]
            distributions.append(
                {
                    "@type": "dcat:Distribution",
                    "title": f"{file.path.rsplit('/', 1)[1]} ({Labels(lang)('language.name')})",
                    "downloadURL": f"{base_url}{lang}/{file.path}?v={version_token(file.content)}",
                    "mediaType": MEDIA_TYPES[extension],
                    "format": extension.upper(),
                    "describedBy": f"{base_url}{lang}/{OPEN_DATA.removesuffix('.md')}/",
                    "describedByType": "text/html",
                }
            )
    dataset: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "title": name,
        "description": f"{t('province.description')}\n\n{Labels('en')('province.description')}",
        "publisher": {"@type": "org:Organization", "name": name},
        "contactPoint": {"@type": "vcard:Contact", "fn": name},
        "identifier": base_url,
        "accessLevel": "public",
        "landingPage": base_url,
        "language": list(LANGUAGES),
        "distribution": distributions,
    }
    # When the data last changed: the newest of the communes' own dates, not the day of the harvest.
    latest = max((c.modified for c in rollup.communes if c.modified), default=None)
    if latest:
        dataset["modified"] = latest.isoformat()
    if rollup.licence:
        dataset["license"] = rollup.licence["address"]
    document = catalogue_of([dataset], base_url)
    return GeneratedFile(CATALOGUE, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
