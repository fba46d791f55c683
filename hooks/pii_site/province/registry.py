"""The province's registry of communes (registry.yml): which communes to harvest and where each
publishes. Read by the guarded YAML reader with line numbers, like every data file; a bad registry is
one DataError naming file, line and field. Called by harvest.py through scripts/province.py.

    province: {code: "89", name: {vi: tỉnh An Giang, en: An Giang Province}}   # optional
    communes:
      - code: "30412"                    # Decision 19/2025/QĐ-TTg
        name: Vĩnh Thuận
        site: https://example.org/pii/   # the commune site's address, or a local folder of a built site
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field

from pii_site.source.errors import DataError
from pii_site.source.schema.address import AddressError
from pii_site.source.schema.address import parse_site_address as parse_address
from pii_site.source.schema.base import CommuneCode, NonEmpty, ProvinceCode, SameOrBilingualText, SiteAddress, Strict
from pii_site.source.schema.plan import Licence
from pii_site.source.validation import duplicate_ids, parse, problem_at
from pii_site.source.yaml_source import read_yaml


class RegistryCommune(Strict):
    code: CommuneCode = Field(description='The commune\'s 5-digit code in Decision 19/2025/QĐ-TTg, in quotes: "30412"')
    name: SameOrBilingualText = Field(description="The commune's name (one text, or vi and en)")
    site: NonEmpty = Field(
        description="The commune site's public address (https://…/, ending with /) or a folder of a built site, "
        "relative to this file"
    )


class RegistryProvince(Strict):
    code: ProvinceCode | None = None
    name: SameOrBilingualText


class RegistryFile(Strict):
    """registry.yml: the communes a province harvests, and the province site's own settings."""

    province: RegistryProvince | None = None
    url: SiteAddress | None = Field(
        default=None, description="The province site's public address, ending with / (its data.json needs it)"
    )
    licence: Licence | None = Field(default=None, description="Licence of the province's own open data")
    communes: list[RegistryCommune] = Field(min_length=1)


@dataclass(frozen=True)
class Address:
    """A commune site's address, split: what its origin is and where its root is."""

    scheme: str
    host: str
    port: int
    path: str  # ends with "/"

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host, self.port)

    @property
    def root(self) -> str:
        default = {"http": 80, "https": 443}[self.scheme]
        port = "" if self.port == default else f":{self.port}"
        return f"{self.scheme}://{self.host}{port}{self.path}"


def parse_site_address(text: str) -> Address:
    """A registry's site address, read by the one parser of site addresses (schema.address: the rule
    of data/site.yml's `url`), split into origin and root. Raises AddressError."""
    parts = urllib.parse.urlsplit(parse_address(text))
    port = parts.port or {"http": 80, "https": 443}[parts.scheme]
    return Address(parts.scheme, parts.hostname or "", port, parts.path)


def same_origin(url: str, site: Address) -> bool:
    """Whether `url` is on the commune site's own origin (scheme, host and port): the only addresses
    the harvester follows, in a catalogue or a redirect."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    except ValueError:
        return False
    return (parts.scheme, (parts.hostname or "").lower(), port) == site.origin


@dataclass(frozen=True)
class Commune:
    code: str
    name_vi: str
    name_en: str
    address: Address | None  # a site on the web
    folder: Path | None  # or a built site on disk

    @property
    def site(self) -> str:
        return self.address.root if self.address else str(self.folder)


@dataclass(frozen=True)
class Registry:
    province_code: str | None
    province_vi: str | None
    province_en: str | None
    url: str | None
    licence: Licence | None
    communes: list[Commune]


def load_registry(path: Path) -> Registry:
    """Read and check registry.yml; raises DataError with every problem (file, line, field)."""
    label = str(path)
    source, problems = read_yaml(path, label)
    if source is None:
        raise DataError(problems)
    model, problems = parse(source, RegistryFile)
    if not isinstance(model, RegistryFile):
        raise DataError(problems)
    problems += duplicate_ids(source, [(("communes", i, "code"), c.code) for i, c in enumerate(model.communes)])
    communes = []
    for index, entry in enumerate(model.communes):
        commune = _commune(entry, path.parent)
        if isinstance(commune, Commune):
            communes.append(commune)
        else:
            key, values = commune
            problems.append(problem_at(source, ("communes", index, "site"), key, found=entry.site, **values))
    if problems:
        raise DataError(problems)
    province = model.province
    return Registry(
        province_code=province.code if province else None,
        province_vi=province.name.vi if province else None,
        province_en=province.name.en if province else None,
        url=model.url,
        licence=model.licence,
        communes=communes,
    )


def _commune(entry: RegistryCommune, base: Path) -> Commune | tuple[str, dict[str, Any]]:
    """The commune, or the messages.yml key (and its values) of what is wrong with its `site`."""
    site = entry.site
    scheme = urllib.parse.urlsplit(site).scheme.lower() if ":" in site else ""
    if scheme in ("http", "https"):
        try:
            address = parse_site_address(site)
        except AddressError as error:
            reason_vi, reason_en = error.wording()
            return "site_address", {"reason_vi": reason_vi, "reason_en": reason_en}
        return Commune(entry.code, entry.name.vi, entry.name.en, address, None)
    # A folder: anything with a scheme of its own (file:, ftp:, data:) is not one. One letter is a
    # Windows drive (C:\...).
    if len(scheme) > 1:
        return "registry_site", {}
    return Commune(entry.code, entry.name.vi, entry.name.en, None, (base / site).resolve())
