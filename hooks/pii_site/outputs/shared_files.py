"""The files of a build that are the same in every language, made once per build by whoever loads the
plan (hooks/pii_build.py for scripts/build.py and the preview worker, the hook when MkDocs runs
alone) and handed to each language's build, which writes them into its folder: the open-data downloads (which the catalogue
data.json also lists) and the units' blank report forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from pii_site.model.plan import Plan
from pii_site.outputs import exports, form_writer
from pii_site.outputs.exports import GeneratedFile


@dataclass(frozen=True)
class SharedFiles:
    open_data: list[GeneratedFile]  # downloads/<dataset>.json and .csv
    forms: list[GeneratedFile]  # forms/<unit id>.xlsx

    @property
    def all(self) -> list[GeneratedFile]:
        return [*self.open_data, *self.forms]


def shared_files(plan: Plan, base_url: str) -> SharedFiles:
    """`base_url`: the site's public address ("" without one), for the downloads' schema address."""
    return SharedFiles(exports.open_data_files(plan, base_url), form_writer.form_files(plan))
