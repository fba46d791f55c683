"""Every case of the bad-input corpus (tests/bad_inputs/) is refused by validate.py with exit status 1,
the file and line, the message in Vietnamese and English, and no traceback; build.py refuses one case
of each kind of data file the same way and leaves the site that was there before byte for byte (no
half-published site)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_inputs import BadInput, DataFile, all_cases
from helpers import DataCopy, load_script

from pii_site.source.errors import message

validate = load_script("validate")
build = load_script("build")
CASES = all_cases()
pytestmark = pytest.mark.usefixtures("fixture_today")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and beside it (a leftover staging folder would show), with its bytes."""
    return {
        str(path.relative_to(folder.parent)): path.read_bytes() for path in folder.parent.rglob("*") if path.is_file()
    }


def assert_explained(case: BadInput, output: str, data_dir: Path, line: int | None) -> None:
    assert "Traceback" not in output, output
    location = f"{data_dir / case.file}:{line}: " if line else f"{data_dir / case.file}"
    assert location in output, f"expected {location!r} in:\n{output}"
    values = {key: data_dir / v.name if isinstance(v, DataFile) else v for key, v in case.values.items()}
    vi, en = message(case.message, **values) if case.message else ("", "")
    if case.where:  # the sentence opens with the record and field
        vi, en = f"{case.where[0]}: {vi}", f"(en) {case.where[1]}: {en}"
    assert vi in output and en in output, f"expected {case.message} wording in:\n{output}"
    if case.problems is not None:  # nothing else is reported about the change
        vi, en = message("summary", count=case.problems)
        assert vi in output and en in output, f"expected {case.problems} problem(s) in:\n{output}"
    for fragment in case.says:
        assert fragment in output, f"expected {fragment!r} in:\n{output}"


def _data_file(case: BadInput) -> str:
    """The kind of file a case spoils: tasks.yml, status/, news/, reports/..."""
    return case.file.split("/")[0]


def test_the_corpus_holds_at_least_sixty_distinct_cases():
    names = [case.name for case in CASES]
    assert len(names) >= 60 and len(set(names)) == len(names)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_bad_input_is_refused_with_its_place(
    case: BadInput, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # News posts are most of what loading the fixture costs (Markdown, photos): a case about another
    # file is checked on the plan without them, which is a plan without news, as valid as with them.
    data = DataCopy(tmp_path / "data", leave_out=() if _data_file(case) == "news" else ("news",))
    line = case.spoil(data)

    assert validate.main(["--data", str(data.root)]) == 1
    assert_explained(case, capsys.readouterr().err, data.root, line)


# The build refuses data through the loader validate.py uses; one case per kind of data file shows
# that it does so before it writes anything, without a build for each of the corpus's cases.
FIRST_OF_EACH_FILE = list({_data_file(case): case for case in reversed(CASES)}.values())


@pytest.mark.site
@pytest.mark.parametrize("case", FIRST_OF_EACH_FILE, ids=[case.name for case in FIRST_OF_EACH_FILE])
def test_a_build_of_bad_input_is_refused_and_the_site_is_left_as_it_was(
    case: BadInput, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = DataCopy(tmp_path / "data")
    line = case.spoil(data)
    # A previous site in a folder of its own, so that anything written beside it shows too.
    site = tmp_path / "published" / "site"
    (site / "vi").mkdir(parents=True)
    (site / "index.html").write_text("previous home", encoding="utf-8")
    (site / "vi" / "index.html").write_text("previous vi", encoding="utf-8")
    before = snapshot(site)
    assert build.main(["--data", str(data.root), "--site-dir", str(site), "--quiet"]) == 1
    assert_explained(case, capsys.readouterr().err, data.root, line)
    assert snapshot(site) == before
