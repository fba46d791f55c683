"""The compiled report as LibreOffice Writer prints it (headless, a fresh profile per run), read back with
poppler's tools: pages and their orientation, page 1's text, page numbers from page 2, every task on the
landscape pages, the fonts. Page 1 is also saved as a PNG for a person to look over (in artifacts/report/,
or PII_SCREENSHOTS/report/; CI keeps artifacts/). The .docx itself: tests/outputs/test_compiled_report.py."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import FIXTURE_DIR, FIXTURE_TODAY, PROJECT_DIR, environment, load_script
from office import Office, PageSize
from PIL import Image

from pii_site import Plan

SHOTS_DIR = Path(os.environ.get("PII_SCREENSHOTS", PROJECT_DIR / "artifacts" / "screenshots")).parent / "report"
ROUND = "2026-q3"


@dataclass(frozen=True)
class Printed:
    pdf: Path
    pages: list[PageSize]


@pytest.fixture(scope="module")
def printed(office: Office, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The fixture plan's report of the third quarter, made by scripts/report.py and printed to PDF."""
    folder = tmp_path_factory.mktemp("report-pdf")
    out = folder / "bao-cao.docx"
    with environment(PII_TODAY=FIXTURE_TODAY):
        assert load_script("report").main(["--data", str(FIXTURE_DIR), "--round", ROUND, "--out", str(out)]) == 0
    pdf = office.to_pdf(out, folder)
    return Printed(pdf, office.page_sizes(pdf))


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_portrait_a4_pages_then_the_landscape_appendix(printed: Printed) -> None:
    orientations = ["landscape" if page.landscape else "portrait" for page in printed.pages]
    assert len(orientations) >= 3
    first_landscape = orientations.index("landscape")
    assert first_landscape >= 1 and set(orientations[first_landscape:]) == {"landscape"}
    for page in printed.pages:
        short, long = sorted((page.width_pt, page.height_pt))
        assert (round(short * 25.4 / 72), round(long * 25.4 / 72)) == (210, 297)  # A4


def test_page_one_has_the_header_block_and_no_number_and_every_later_page_is_numbered(
    printed: Printed, office: Office, plan: Plan
) -> None:
    first = lines(office.page_text(printed.pdf, 1))
    assert not first[0].isdigit()
    page_one = " ".join(first)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: …/BC-UBND",
        "Sông Mây, ngày …… tháng …… năm ……",
        "BÁO CÁO",
        "I. KẾT QUẢ THỰC HIỆN",
    ):
        assert expected in page_one
    assert re.search(r"ỦY BAN NHÂN DÂN\s+XÃ SÔNG MÂY", page_one)
    for number in range(2, len(printed.pages) + 1):
        assert lines(office.page_text(printed.pdf, number))[0] == str(number)


def test_every_task_is_on_the_landscape_pages_and_the_signer_is_named_nowhere(
    printed: Printed, office: Office, plan: Plan
) -> None:
    appendix = " ".join(
        office.page_text(printed.pdf, number) for number, page in enumerate(printed.pages, start=1) if page.landscape
    )
    assert "PHỤ LỤC" in appendix
    for task in plan.tasks:
        assert re.search(rf"(^|\s){re.escape(task.id)}\s", appendix), task.id
    everything = " ".join(office.page_text(printed.pdf, n) for n in range(1, len(printed.pages) + 1))
    assert plan.document.signatory.title.vi in everything and plan.document.signatory.name not in everything


def test_the_text_is_set_in_times_new_roman_or_its_metric_twin(printed: Printed, office: Office) -> None:
    # Linux has no Times New Roman; LibreOffice substitutes Liberation Serif, which has the same metrics,
    # so lines and pages break where Word's would. A DejaVu here would mean a missing glyph or font.
    fonts = office.fonts(printed.pdf)
    assert fonts and all(re.match(r"(LiberationSerif|TimesNewRoman)", font) for font in fonts), fonts


def test_page_one_as_an_image_for_a_person_to_look_over(printed: Printed, office: Office) -> None:
    image_path = office.page_png(printed.pdf, 1, SHOTS_DIR / "bao-cao-trang-1.png")
    with Image.open(image_path) as image:
        width, height = image.size
        assert abs(width / height - 210 / 297) < 0.01
        # Ink in the header block (top fifth) and in the body: the page is not blank.
        grey = image.convert("L")
        top = grey.crop((0, 0, width, height // 5))
        darkest, _ = top.getextrema()
        assert isinstance(darkest, int) and darkest < 100
        assert sum(grey.histogram()[:128]) > width * height // 200
