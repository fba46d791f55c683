"""Bad data gets a clear message naming file, line, record and field, in both languages, and exit
status 1; never a traceback. Every problem of a folder is reported at once; the build script says
so too. One mistake at a time, kind by kind, is the corpus (tests/bad_inputs/, run by
tests/scripts/test_bad_inputs.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import FIXTURE_DIR, FIXTURE_TODAY, DataCopy, load_script

from pii_site import DataError, load_plan

validate = load_script("validate")
# validate.py and build.py read "today" from PII_TODAY: the fixture plan's day.
pytestmark = pytest.mark.usefixtures("fixture_today")


def test_the_fixture_plan_is_valid(capsys):
    assert validate.main(["--data", str(FIXTURE_DIR)]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


# A unit id of the fixture plan (tests/fixtures/plan/units.yml) that the broken copies below misspell.
LEAD = "to-cong-tac-doi-moi"  # leads VII.1, the first task


def test_every_problem_is_reported_at_once(data_copy: DataCopy):
    data_copy.replace("pillars.yml", "number: 3", "number: ba")
    data_copy.replace("tasks.yml", f"lead: [{LEAD}]", f"leader: [{LEAD}]")
    (data_copy.root / "duties.yml").unlink()
    with pytest.raises(DataError) as caught:
        load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    problems = [str(problem) for problem in caught.value.problems]
    assert len(problems) == 3
    assert any("duties.yml: không tìm thấy tệp này trong thư mục dữ liệu." in p for p in problems)
    assert "Dữ liệu có 3 lỗi." in str(caught.value)
    assert "(en) The data has 3 problems. The site was not built; fix the problems above" in str(caught.value)


def test_build_script_reports_data_errors_with_exit_1(data_copy: DataCopy, tmp_path: Path, capsys, caplog):
    data_copy.replace("tasks.yml", f"lead: [{LEAD}]", f"lead: [{LEAD}e]")
    status = load_script("build").main(["--site-dir", str(tmp_path / "site"), "--data", str(data_copy.root), "-q"])
    assert status == 1
    output = capsys.readouterr().err + caplog.text
    assert "Traceback" not in output
    assert f'không có đơn vị "{LEAD}e"' in output
    assert not (tmp_path / "site").exists()


# A unit name of the fixture plan (units.yml), quoted as it is there.
UNIT_NAME = "Ban Kinh tế – Nông nghiệp"


@pytest.mark.usefixtures("fixture_today")
def test_tab_and_newline_in_a_text_are_fine(data_copy: DataCopy, capsys):
    data_copy.replace("units.yml", f'"{UNIT_NAME}"', '"Ban Kinh tế\\t–\\nNông nghiệp"')
    assert validate.main(["--data", str(data_copy.root)]) == 0
