"""Bad data gets a clear message naming file, line, record and field, in both languages, and
exit status 1; never a traceback. One broken copy of the real data per kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import MkDocsException

from conftest import DATA_DIR, DataCopy, build_into, load_script
from pii_site import DataError, load_plan

validate = load_script("validate")


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_plan(data_dir)
    return [str(problem) for problem in caught.value.problems]


def test_real_data_is_valid(capsys):
    assert validate.main(["--data", str(DATA_DIR)]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


def test_unknown_unit_names_task_field_and_closest_id(data_copy: DataCopy):
    line = data_copy.line_of("tasks.yml", "      - id: III.2\n")
    task_block = data_copy.path("tasks.yml").read_text(encoding="utf-8").splitlines()[line - 1 :]
    lead_line = line + next(i for i, text in enumerate(task_block) if text.strip().startswith("lead:"))
    text = data_copy.path("tasks.yml").read_text(encoding="utf-8").splitlines()
    text[lead_line - 1] = "        lead: [trung-tam-phuc-vu-hanh-chinh]"
    data_copy.path("tasks.yml").write_text("\n".join(text) + "\n", encoding="utf-8")

    [problem] = problems_of(data_copy.root)
    assert problem == (
        f'{data_copy.path("tasks.yml")}:{lead_line}: nhiệm vụ III.2, trường "lead": không có đơn vị '
        f'"trung-tam-phuc-vu-hanh-chinh" trong {data_copy.path("units.yml")}. '
        'Có phải là "trung-tam-phuc-vu-hanh-chinh-cong"?\n'
        '    (en) task III.2, field "lead": there is no unit "trung-tam-phuc-vu-hanh-chinh" in '
        f'{data_copy.path("units.yml")}. Did you mean "trung-tam-phuc-vu-hanh-chinh-cong"?'
    )


def test_duplicate_task_id_points_at_both_lines(data_copy: DataCopy):
    first = data_copy.line_of("tasks.yml", "- id: VI.1")
    second = data_copy.replace("tasks.yml", "- id: VI.2", "- id: VI.1")
    [problem] = problems_of(data_copy.root)
    assert problem.startswith(f'{data_copy.path("tasks.yml")}:{second}: nhiệm vụ VI.1, trường "id": ')
    assert f'mã "VI.1" bị trùng: đã dùng ở dòng {first}.' in problem
    assert f'(en) task VI.1, field "id": the id "VI.1" is used twice: it is already used on line {first}.' in problem


def test_missing_english_text(data_copy: DataCopy):
    path = data_copy.path("units.yml")
    lines = path.read_text(encoding="utf-8").splitlines()
    name_line = next(i for i, text in enumerate(lines) if "id: phong-kinh-te" in text) + 2  # the "name:" key
    assert lines[name_line - 1].strip() == "name:"
    en_index = next(i for i in range(name_line, len(lines)) if lines[i].strip().startswith("en:"))
    del lines[en_index]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    [problem] = problems_of(data_copy.root)
    assert problem == (
        f'{path}:{name_line}: đơn vị phong-kinh-te, trường "name": thiếu bản tiếng Anh (en).\n'
        '    (en) unit phong-kinh-te, field "name": the English text (en) is missing.'
    )


def test_yaml_syntax_error_has_line_and_column(data_copy: DataCopy):
    line = data_copy.replace("duties.yml", "unit: phong-kinh-te", "unit: [phong-kinh-te")
    [problem] = problems_of(data_copy.root)
    location, rest = problem.split(": ", 1)
    assert location == f'{data_copy.path("duties.yml")}:{line + 1}'  # YAML notices on the next line
    assert rest.startswith("lỗi cú pháp YAML ở cột ")
    assert "(en) YAML syntax error at column " in rest


def test_wrong_type(data_copy: DataCopy):
    line = data_copy.replace("pillars.yml", "number: 3", "number: ba")
    [problem] = problems_of(data_copy.root)
    assert problem == (
        f'{data_copy.path("pillars.yml")}:{line}: trụ cột co-so-ha-tang, trường "number": '
        'cần một số nguyên, nhưng nhận được "ba".\n'
        '    (en) pillar co-so-ha-tang, field "number": expected a whole number, but found "ba".'
    )


def test_list_expected(data_copy: DataCopy):
    line = data_copy.replace("tasks.yml", "coordinating: [cac-phong-ban-nganh]", "coordinating: cac-phong-ban-nganh")
    [problem] = problems_of(data_copy.root)
    assert problem.startswith(f'{data_copy.path("tasks.yml")}:{line}: nhiệm vụ I.1, trường "coordinating": cần một danh sách')


def test_misspelt_field_suggests_the_right_name(data_copy: DataCopy):
    line = data_copy.replace("tasks.yml", "lead: [phong-kinh-te]", "leader: [phong-kinh-te]")
    [problem] = problems_of(data_copy.root)
    assert problem == (
        f'{data_copy.path("tasks.yml")}:{line}: nhiệm vụ I.1: trường "leader" không có trong mẫu dữ liệu. '
        'Có phải là "lead"?\n'
        '    (en) task I.1: the field "leader" is not part of the data format. Did you mean "lead"?'
    )


def test_every_problem_is_reported_at_once(data_copy: DataCopy):
    data_copy.replace("pillars.yml", "number: 3", "number: ba")
    data_copy.replace("tasks.yml", "lead: [phong-kinh-te]", "leader: [phong-kinh-te]")
    (data_copy.root / "duties.yml").unlink()
    with pytest.raises(DataError) as caught:
        load_plan(data_copy.root)
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


def test_failed_build_leaves_the_previous_site_untouched(data_copy: DataCopy, tmp_path: Path):
    site = build_into(tmp_path / "site", data_copy.root)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    data_copy.replace("tasks.yml", "lead: [phong-kinh-te]", "lead: [phong-kinh-tee]")
    with pytest.raises(MkDocsException):
        build_into(site, data_copy.root)
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not site.with_name("site.new").exists()


def test_build_script_reports_data_errors_with_exit_1(data_copy: DataCopy, tmp_path: Path, capsys, caplog):
    data_copy.replace("tasks.yml", "lead: [phong-kinh-te]", "lead: [phong-kinh-tee]")
    status = load_script("build").main(["--site-dir", str(tmp_path / "site"), "--data", str(data_copy.root), "-q"])
    assert status == 1
    output = capsys.readouterr().err + caplog.text
    assert "Traceback" not in output
    assert 'không có đơn vị "phong-kinh-tee"' in output
    assert not (tmp_path / "site").exists()
