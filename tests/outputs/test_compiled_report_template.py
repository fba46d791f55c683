"""The compiled report's Word template (hooks/pii_site/outputs/templates/bao-cao.docx): the file kept in git
is exactly what scripts/maintainer/make_report_template.py makes, so a change to it is reviewed as a change to the
script; and its tags ask for exactly what the report hands it (a value computed for nothing, or a tag
the report does not fill, shows here before a clerk sees a blank)."""

from __future__ import annotations

import io

from docxtpl import DocxTemplate
from helpers import load_script

from pii_site import Plan
from pii_site.outputs.compiled_report import TEMPLATE, report_context


def test_the_template_in_git_is_what_the_script_makes() -> None:
    made = load_script("maintainer/make_report_template").template_bytes()
    assert made == TEMPLATE.read_bytes(), "the template is out of date: run `make report-template` and commit it"


def test_the_template_asks_for_exactly_what_the_report_gives(plan: Plan) -> None:
    template = DocxTemplate(io.BytesIO(TEMPLATE.read_bytes()))
    asked = template.get_undeclared_template_variables()
    given = set(report_context(plan, plan.reporting.rounds[0]))
    assert asked == given
