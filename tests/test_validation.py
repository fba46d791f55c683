"""Bad data gets a clear message naming file, line, record and field, in both languages, and
exit status 1; never a traceback. One broken copy of the fixture plan (tests/fixtures/plan, seen
from FIXTURE_TODAY) per kind of mistake."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURE_DIR, FIXTURE_TODAY, DataCopy, build_into, load_script
from mkdocs.exceptions import MkDocsException

from pii_site import DataError, load_plan

validate = load_script("validate")
# validate.py and build.py read "today" from PII_TODAY: the fixture plan's day.
pytestmark = pytest.mark.usefixtures("fixture_today")


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_plan(data_dir, dt.date.fromisoformat(FIXTURE_TODAY))
    return [str(problem) for problem in caught.value.problems]


def test_the_fixture_plan_is_valid(capsys):
    assert validate.main(["--data", str(FIXTURE_DIR)]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


# Unit ids of the fixture plan (tests/fixtures/plan/units.yml) that the broken copies below misspell.
LEAD = "to-cong-tac-doi-moi"  # leads VII.1, the first task
COORDINATING = "cac-ap-ven-song"  # the only coordinating unit of VII.1


def test_unknown_unit_names_task_field_and_closest_id(data_copy: DataCopy):
    line = data_copy.replace("tasks.yml", f"lead: [{LEAD}]", "lead: [to-cong-tac-doi]")
    [problem] = problems_of(data_copy.root)
    assert problem == (
        f'{data_copy.path("tasks.yml")}:{line}: nhiệm vụ VII.1, trường "lead": không có đơn vị '
        f'"to-cong-tac-doi" trong {data_copy.path("units.yml")}. '
        f'Có phải là "{LEAD}"?\n'
        '    (en) task VII.1, field "lead": there is no unit "to-cong-tac-doi" in '
        f'{data_copy.path("units.yml")}. Did you mean "{LEAD}"?'
    )


def test_duplicate_task_id_points_at_both_lines(data_copy: DataCopy):
    # VIII.3 has no status file, so the copy of VIII.2's id is the only problem.
    first = data_copy.line_of("tasks.yml", "- id: VIII.2")
    second = data_copy.replace("tasks.yml", "- id: VIII.3", "- id: VIII.2")
    [problem] = problems_of(data_copy.root)
    assert problem.startswith(f'{data_copy.path("tasks.yml")}:{second}: nhiệm vụ VIII.2, trường "id": ')
    assert f'mã "VIII.2" bị trùng: đã dùng ở dòng {first}.' in problem
    assert (
        f'(en) task VIII.2, field "id": the id "VIII.2" is used twice: it is already used on line {first}.' in problem
    )


def test_missing_english_text(data_copy: DataCopy):
    path = data_copy.path("units.yml")
    lines = path.read_text(encoding="utf-8").splitlines()
    name_line = next(i for i, text in enumerate(lines) if f"id: {LEAD}" in text) + 2  # the "name:" key
    assert lines[name_line - 1].strip() == "name:"
    en_index = next(i for i in range(name_line, len(lines)) if lines[i].strip().startswith("en:"))
    del lines[en_index]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    [problem] = problems_of(data_copy.root)
    assert problem == (
        f'{path}:{name_line}: đơn vị {LEAD}, trường "name": thiếu bản tiếng Anh (en).\n'
        f'    (en) unit {LEAD}, field "name": the English text (en) is missing.'
    )


def test_yaml_syntax_error_has_line_and_column(data_copy: DataCopy):
    line = data_copy.replace("duties.yml", f"unit: {LEAD}", f"unit: [{LEAD}")
    [problem] = problems_of(data_copy.root)
    location, rest = problem.split(": ", 1)
    assert location == f"{data_copy.path('duties.yml')}:{line + 1}"  # YAML notices on the next line
    assert rest.startswith("lỗi cú pháp YAML ở cột ")
    assert "(en) YAML syntax error at column " in rest


def test_wrong_type(data_copy: DataCopy):
    line = data_copy.replace("pillars.yml", "number: 3", "number: ba")
    [problem] = problems_of(data_copy.root)
    assert problem == (
        f'{data_copy.path("pillars.yml")}:{line}: trụ cột ket-noi-so, trường "number": '
        'cần một số nguyên, nhưng nhận được "ba".\n'
        '    (en) pillar ket-noi-so, field "number": expected a whole number, but found "ba".'
    )


def test_list_expected(data_copy: DataCopy):
    line = data_copy.replace("tasks.yml", f"coordinating: [{COORDINATING}]", f"coordinating: {COORDINATING}")
    [problem] = problems_of(data_copy.root)
    assert problem.startswith(
        f'{data_copy.path("tasks.yml")}:{line}: nhiệm vụ VII.1, trường "coordinating": cần một danh sách'
    )


def test_misspelt_field_suggests_the_right_name(data_copy: DataCopy):
    line = data_copy.replace("tasks.yml", f"lead: [{LEAD}]", f"leader: [{LEAD}]")
    [problem] = problems_of(data_copy.root)
    assert problem == (
        f'{data_copy.path("tasks.yml")}:{line}: nhiệm vụ VII.1: trường "leader" không có trong mẫu dữ liệu. '
        'Có phải là "lead"?\n'
        '    (en) task VII.1: the field "leader" is not part of the data format. Did you mean "lead"?'
    )


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


def test_validate_script_exits_1_with_messages_and_no_traceback(data_copy: DataCopy, capsys):
    data_copy.replace("pillars.yml", "number: 3", "number: ba")
    assert validate.main(["--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert 'trường "number": cần một số nguyên' in err
    assert "Dữ liệu có 1 lỗi. Trang web chưa được xây dựng" in err
    assert "(en) The data has 1 problem. The site was not built; fix the problem above" in err


def test_failed_build_leaves_the_previous_site_untouched(site: Path, data_copy: DataCopy, tmp_path: Path):
    # The previous site is a copy of the session build of the same plan: no build of its own needed.
    previous = Path(shutil.copytree(site, tmp_path / "site"))
    before = {p: p.read_bytes() for p in previous.rglob("*") if p.is_file()}
    data_copy.replace("tasks.yml", f"lead: [{LEAD}]", f"lead: [{LEAD}e]")
    with pytest.raises(MkDocsException):
        build_into(previous, data_copy.root, today=FIXTURE_TODAY)
    after = {p: p.read_bytes() for p in previous.rglob("*") if p.is_file()}
    assert after == before
    assert not previous.with_name("site.new").exists()


def test_build_script_reports_data_errors_with_exit_1(data_copy: DataCopy, tmp_path: Path, capsys, caplog):
    data_copy.replace("tasks.yml", f"lead: [{LEAD}]", f"lead: [{LEAD}e]")
    status = load_script("build").main(["--site-dir", str(tmp_path / "site"), "--data", str(data_copy.root), "-q"])
    assert status == 1
    output = capsys.readouterr().err + caplog.text
    assert "Traceback" not in output
    assert f'không có đơn vị "{LEAD}e"' in output
    assert not (tmp_path / "site").exists()
