"""The programs a clerk's document goes through, for the tests: LibreOffice headless prints a .docx to
PDF as Writer would, and poppler's tools read the PDF back (page count and sizes, a page's text and
fonts, a page as a PNG). Used through the `office` fixture (tests/conftest.py), which marks its tests.

Each conversion runs with a fresh LibreOffice profile of its own (-env:UserInstallation), so tests run
in parallel, or beside a LibreOffice someone has open, do not clash over the default profile's lock.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Debian packages that bring each program (what `make test` and .ci/run install).
PACKAGES = {
    "soffice": "libreoffice-writer-nogui",
    "pdfinfo": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdffonts": "poppler-utils",
}
CONVERSION_TIMEOUT = 180  # seconds: a first start of LibreOffice on a busy 2-core machine takes a while


SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"


def convert(document: Path, target: str, out_dir: Path, timeout: float = CONVERSION_TIMEOUT) -> Path:
    """`document` opened by LibreOffice headless and saved as `target` ("pdf", "ods", or a filter such as
    "xlsx:Calc MS Excel 2007 XML") in `out_dir`, as a person's Save As would; the new file's path. Each
    run has a fresh user profile of its own, so runs side by side never share LibreOffice's lock."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pii-lo-profile-") as profile:
        result = subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                str(document),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    made = out_dir / f"{document.stem}.{target.split(':')[0]}"
    assert made.is_file(), f"LibreOffice made no {target} (exit {result.returncode}): {result.stdout} {result.stderr}"
    return made


@dataclass(frozen=True)
class PageSize:
    width_pt: float
    height_pt: float

    @property
    def landscape(self) -> bool:
        return self.width_pt > self.height_pt


@dataclass(frozen=True)
class Office:
    programs: dict[str, str]

    @classmethod
    def find(cls) -> Office:
        found = {name: shutil.which(name) for name in PACKAGES}
        missing = sorted({PACKAGES[name] for name, path in found.items() if path is None})
        assert not missing, f"install {' '.join(missing)} (apt-get install, as root): the report tests need them"
        return cls({name: path for name, path in found.items() if path})

    def to_pdf(self, document: Path, out_dir: Path) -> Path:
        """`document` printed to PDF by LibreOffice Writer, in `out_dir`."""
        return convert(document, "pdf", out_dir)

    def page_sizes(self, pdf: Path) -> list[PageSize]:
        """Each page's size in points, first page first (pdfinfo)."""
        info = self._run("pdfinfo", "-f", "1", "-l", "100000", str(pdf))
        return [
            PageSize(float(width), float(height))
            for width, height in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
        ]

    def page_text(self, pdf: Path, page: int) -> str:
        """The text of page `page` (1 = first), in reading order (pdftotext, UTF-8)."""
        return self._run("pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", str(pdf), "-")

    def fonts(self, pdf: Path) -> list[str]:
        """The names of the fonts the PDF uses, without their subset prefix (ABCDEF+LiberationSerif)."""
        listing = self._run("pdffonts", str(pdf)).splitlines()[2:]
        return sorted({line.split()[0].split("+")[-1] for line in listing if line.strip()})

    def page_png(self, pdf: Path, page: int, out: Path, dpi: int = 100) -> Path:
        """Page `page` as a PNG image at `out` (pdftoppm)."""
        out.parent.mkdir(parents=True, exist_ok=True)
        prefix = out.with_suffix("")
        self._run(
            "pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-png", "-singlefile", str(pdf), str(prefix)
        )
        assert out.is_file(), f"pdftoppm wrote no {out}"
        return out

    def _run(self, program: str, *arguments: str) -> str:
        result = subprocess.run(
            [self.programs[program], *arguments], capture_output=True, check=False, timeout=CONVERSION_TIMEOUT
        )
        assert result.returncode == 0, f"{program} failed: {result.stderr.decode('utf-8', 'replace')}"
        return result.stdout.decode("utf-8")
