"""Harvest every commune of the registry into the state folder DIR, a few communes at a time.

For each commune: read its catalogue data.json (conditionally: "not modified" means nothing else
changed, since each download's address carries its content's hash), then the contract's JSON files
it lists (tasks, units, updates; the first language's copy: both are the same bytes), each checked
against the harvester's own schema of the major version it declares (contracts.py). Only when all
three are good do they replace the last good copy; otherwise the commune keeps that copy, and the
problem goes into the quality report. Called by scripts/province.py.

DIR holds, and is the harvester's whole memory between runs:
  registry.json            the registry as last read (province, communes in order)
  state.json               this run: when, and each commune's problems
  communes/<code>/         the last good copy: tasks.json, units.json, updates.json, and meta.json
                           (when it was read, its version, the HTTP validators for the next run)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pii_site.model.progress import STALE_DAYS
from pii_site.province import contracts
from pii_site.province.fetch import Fetched, FetchError, Limits, fetch, read_folder_file
from pii_site.province.registry import Commune, Registry, same_origin
from pii_site.source.status_file import locked, write_atomically

CATALOGUE = "data.json"
DATASETS = ("tasks", "units", "updates")
# Every kind of problem, in the order the quality report lists them; "stale" is a warning: the data is used.
PROBLEMS = ("unreachable", "too_large", "redirect", "off_site", "not_json", "invalid", "newer_version", "stale")
STATE = "state.json"
REGISTRY = "registry.json"
META = "meta.json"


@dataclass(frozen=True)
class Problem:
    kind: str  # one of PROBLEMS
    detail: str


@dataclass
class Meta:
    """What the state folder knows of one commune's last good copy."""

    read_on: str | None = None  # the day the copy was last read or confirmed unchanged (ISO)
    version: str | None = None
    modified: str | None = None  # the data's own "when it last changed"
    catalogue_etag: str | None = None
    catalogue_last_modified: str | None = None
    catalogue_sha256: str | None = None  # folders, and a check that an unchanged answer really is


@dataclass
class Outcome:
    code: str
    problems: list[Problem] = field(default_factory=list)
    changed: bool = False  # a new good copy was stored
    requests: int = 0


def harvest(registry: Registry, state_dir: Path, limits: Limits, today: dt.date, jobs: int = 8) -> list[Outcome]:
    """Harvest every commune (at most `jobs` at once) and write the state; one harvest at a time per DIR."""
    state_dir.mkdir(parents=True, exist_ok=True)
    with locked(state_dir / STATE):
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            outcomes = list(pool.map(lambda c: harvest_commune(c, state_dir, limits, today), registry.communes))
        write_atomically(state_dir / REGISTRY, _json(registry_record(registry)))
        state = {
            "harvested_on": today.isoformat(),
            "communes": {o.code: [dataclasses.asdict(p) for p in o.problems] for o in outcomes},
        }
        write_atomically(state_dir / STATE, _json(state))
    return outcomes


def registry_record(registry: Registry) -> dict[str, Any]:
    return {
        "province": {"code": registry.province_code, "name_vi": registry.province_vi, "name_en": registry.province_en},
        "url": registry.url,
        "licence": registry.licence.model_dump() if registry.licence else None,
        "communes": [
            {"code": c.code, "name_vi": c.name_vi, "name_en": c.name_en, "site": c.site} for c in registry.communes
        ],
    }


def harvest_commune(commune: Commune, state_dir: Path, limits: Limits, today: dt.date) -> Outcome:
    folder = state_dir / "communes" / commune.code
    meta = read_meta(folder)
    outcome = Outcome(commune.code)
    try:
        outcome.changed = _harvest(commune, folder, meta, limits, today, outcome)
    except FetchError as error:
        outcome.problems.append(Problem(error.kind, error.detail))
    except _Refused as refused:
        outcome.problems.append(refused.problem)
    # By the copy held now: the one just read, or the last good one.
    if (stale := stale_problem(folder, read_meta(folder), today)) is not None:
        outcome.problems.append(stale)
    return outcome


class _Refused(Exception):
    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.problem = Problem(kind, detail)


def _harvest(commune: Commune, folder: Path, meta: Meta, limits: Limits, today: dt.date, outcome: Outcome) -> bool:
    have_copy = all((folder / f"{name}.json").is_file() for name in DATASETS)
    reader = _Reader(commune, limits, outcome)
    fetched = reader.catalogue(meta if have_copy else Meta())
    digest = hashlib.sha256(fetched.body).hexdigest() if fetched.body is not None else None
    if fetched.body is None or (have_copy and digest == meta.catalogue_sha256):
        # Not modified: the copy held is still the commune's data, confirmed today.
        _store_meta(folder, dataclasses.replace(meta, read_on=today.isoformat()))
        return False
    addresses = reader.files(_parse_json(fetched.body, CATALOGUE))
    documents: dict[str, bytes] = {}
    verdicts = {}
    for name in DATASETS:
        body = reader.file(addresses[name])
        verdict = contracts.check(_parse_json(body, f"{name}.json"), name)
        if verdict.problem:
            raise _Refused(verdict.problem, f"{name}.json: {verdict.detail}")
        documents[name], verdicts[name] = body, verdict
    for name, body in documents.items():
        write_atomically(folder / f"{name}.json", body)
    tasks = json.loads(documents["tasks"])
    new = Meta(
        read_on=today.isoformat(),
        version=verdicts["tasks"].detail,
        modified=tasks.get("modified"),
        catalogue_etag=fetched.etag,
        catalogue_last_modified=fetched.last_modified,
        catalogue_sha256=digest,
    )
    _store_meta(folder, new)
    return True


class _Reader:
    """Reads one commune's files, over the web or from its folder, counting requests."""

    def __init__(self, commune: Commune, limits: Limits, outcome: Outcome) -> None:
        self.commune, self.limits, self.outcome = commune, limits, outcome

    def catalogue(self, meta: Meta) -> Fetched:
        self.outcome.requests += 1
        address, folder = self.commune.address, self.commune.folder
        if address is not None:
            return fetch(
                address.root + CATALOGUE, address, self.limits, meta.catalogue_etag, meta.catalogue_last_modified
            )
        assert folder is not None
        if not (folder / CATALOGUE).is_file():
            raise FetchError("unreachable", f"{folder}: no {CATALOGUE} (build the site with its public address)")
        return Fetched(read_folder_file(folder, CATALOGUE, self.limits))

    def files(self, catalogue: Any) -> dict[str, str]:
        """Dataset -> the address of its JSON file in the catalogue: the first (first language) of each,
        among the distributions that conform to a version of the open-data contract."""
        try:
            [dataset] = catalogue["dataset"]
            landing = dataset.get("landingPage") or ""
            listed = [d for d in dataset["distribution"] if isinstance(d, dict)]
        except (KeyError, TypeError, ValueError, AttributeError):
            raise _Refused("invalid", f"{CATALOGUE}: not a catalogue with one dataset and its distributions") from None
        found: dict[str, str] = {}
        for item in listed:
            url, conforms = item.get("downloadURL"), item.get("conformsTo")
            if not isinstance(url, str) or not isinstance(conforms, str) or "/open-data-" not in conforms:
                continue
            name = urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1].removesuffix(".json")
            if name in DATASETS and name not in found:
                found[name] = self._relative(url, landing)
        if missing := [name for name in DATASETS if name not in found]:
            raise _Refused("invalid", f"{CATALOGUE} lists no {', '.join(f'{m}.json' for m in missing)}")
        return found

    def _relative(self, url: str, landing: str) -> str:
        """On the web, the address itself (it must be on the commune's origin); in a folder, its path
        below the site's root (the dataset's landing page)."""
        if self.commune.address is not None:
            if not same_origin(url, self.commune.address):
                raise _Refused("off_site", f"{CATALOGUE} lists {url}, on another site")
            return url
        if not isinstance(landing, str) or not landing or not url.startswith(landing):
            raise _Refused("off_site", f"{CATALOGUE} lists {url}, outside the site {landing}")
        return urllib.parse.urlsplit(url[len(landing) :]).path

    def file(self, address: str) -> bytes:
        self.outcome.requests += 1
        if self.commune.address is not None:
            body = fetch(address, self.commune.address, self.limits).body
            assert body is not None  # asked without validators: 200 or an error
            return body
        assert self.commune.folder is not None
        return read_folder_file(self.commune.folder, address, self.limits)


def _parse_json(body: bytes, name: str) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        start = body[:40].decode("utf-8", "replace").strip().replace("\n", " ")
        raise _Refused("not_json", f"{name} is not JSON (it starts {start!r})") from None
    except RecursionError:
        raise _Refused("not_json", f"{name} is nested too deep to read") from None


def stale_problem(folder: Path, meta: Meta, today: dt.date) -> Problem | None:
    """No update for more than STALE_DAYS, by the data's own date of last change (or the plan's date,
    as far as it is known, when it has had no update yet)."""
    if meta.read_on is None:
        return None
    if meta.modified:
        since = dt.date.fromisoformat(meta.modified)
    else:
        try:
            plan_date = json.loads((folder / "tasks.json").read_text(encoding="utf-8"))["plan"]["date"]
            since = dt.date(plan_date["year"], plan_date["month"] or 1, plan_date["day"] or 1)
        except (OSError, ValueError, KeyError, TypeError):
            return None
    days = (today - since).days
    return Problem("stale", f"no update for {days} days (since {since.isoformat()})") if days > STALE_DAYS else None


def read_meta(folder: Path) -> Meta:
    try:
        values = json.loads((folder / META).read_text(encoding="utf-8"))
        return Meta(**{k: v for k, v in values.items() if k in {f.name for f in dataclasses.fields(Meta)}})
    except (OSError, ValueError, TypeError):
        return Meta()


def _store_meta(folder: Path, meta: Meta) -> None:
    if read_meta(folder) != meta:  # an unchanged commune costs no write
        write_atomically(folder / META, _json(dataclasses.asdict(meta)))


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
