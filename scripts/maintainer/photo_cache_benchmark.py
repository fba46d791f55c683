"""Measure what the photo cache (pii_site/source/news_photos.py) saves: validate.py on a copy of the
fixture plan whose initiative-day post shows five 12-megapixel photos, cold (empty cache) then warm.
Run by hand: `.venv/bin/python scripts/maintainer/photo_cache_benchmark.py [folder]`; README quotes its output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from pii_site.settings import CACHE_VARIABLE

ROOT = Path(__file__).resolve().parents[2]
POST = "2026-05-12-ngay-hoi-sang-kien"
PHOTOS = 5


def make_plan(project: Path) -> None:
    """The fixture plan in project/data, its post showing PHOTOS photos of 4,000 x 3,000 (noise over a
    gradient, JPEG quality 95: as hard to compress as a phone photo) in both languages."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "plan", project / "data")
    folder = project / "data" / "news" / POST
    gradient = Image.linear_gradient("L").resize((4000, 3000))
    lines: dict[str, list[str]] = {"vi": [], "en": []}
    for number in range(PHOTOS):
        noise = Image.frombytes("L", gradient.size, os.urandom(gradient.width * gradient.height))
        Image.merge("RGB", (gradient, Image.blend(gradient, noise, 0.3), noise)).save(
            folder / f"anh-{number}.jpg", quality=95
        )
        lines["vi"].append(f"![Ảnh số {number}]({POST}/anh-{number}.jpg)")
        lines["en"].append(f"![Photo {number}]({POST}/anh-{number}.jpg)")
    post = folder.with_suffix(".md")
    text = post.read_text(encoding="utf-8")
    english = "\n\n".join(lines["vi"]) + "\n\n<!-- en -->\n\n" + "\n\n".join(lines["en"])
    post.write_text(text.replace("<!-- en -->", english), encoding="utf-8")


def validate(project: Path) -> float:
    """Seconds validate.py takes, with the cache in its default folder (project/.cache/)."""
    env = {name: value for name, value in os.environ.items() if name != CACHE_VARIABLE}
    start = time.perf_counter()
    subprocess.run([sys.executable, ROOT / "scripts" / "validate.py", "--data", project / "data"], check=True, env=env)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    project = Path(args[0]) if args else Path(tempfile.mkdtemp(prefix="photo-cache-"))
    make_plan(project)
    cold, warm = validate(project), validate(project)
    print(f"validate.py, {PHOTOS} photos of 12 MP: cold {cold:.1f} s, warm {warm:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
