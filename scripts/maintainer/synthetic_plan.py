"""A valid synthetic plan of any size, for the benchmark and its test: `write_plan(folder, tasks=200)`.

Keeps the framework and texts of a real data folder (site, plan, pillars, PII, glossary, sources) and
generates units, tasks, duties, progress files and news in their shape, seeded so that the same size
always gives the same files. Used by scripts/maintainer/benchmark.py and tests/scripts/maintainer/test_synthetic_plan.py.
It writes only into a new folder of its own (never a data folder staff edit), so it takes no lock.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
# The day the synthetic progress is seen from: builds of the data must set PII_TODAY to it.
SYNTHETIC_TODAY = dt.date(2026, 11, 26)
# Files kept as they are: the national framework and the plan document do not grow with the tasks.
KEPT_FILES = ("site.yml", "plan.yml", "pillars.yml", "pii.yml", "glossary.yml", "sources.yml")

# (id part, Vietnamese, English) of the kinds of unit a province's communes name in their plans.
UNIT_KINDS = (
    ("phong-kinh-te", "Phòng Kinh tế", "Economic Division"),
    ("phong-van-hoa-xa-hoi", "Phòng Văn hóa – Xã hội", "Culture and Social Affairs Division"),
    ("trung-tam-hanh-chinh-cong", "Trung tâm Phục vụ hành chính công", "Public Administration Service Center"),
    ("truong-tieu-hoc", "Trường Tiểu học", "Primary School"),
    ("truong-thcs", "Trường Trung học cơ sở", "Lower Secondary School"),
    ("tram-y-te", "Trạm Y tế", "Health Station"),
    ("htx-nong-nghiep", "Hợp tác xã Nông nghiệp", "Agricultural Cooperative"),
    ("hoi-nong-dan", "Hội Nông dân", "Farmers' Association"),
    ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ", "Women's Union"),
    ("doan-thanh-nien", "Đoàn Thanh niên", "Youth Union"),
)
PLACES = (
    ("vinh-loi", "Vĩnh Lợi", "Vinh Loi"),
    ("an-binh", "An Bình", "An Binh"),
    ("tan-hoa", "Tân Hòa", "Tan Hoa"),
    ("phu-thanh", "Phú Thạnh", "Phu Thanh"),
    ("long-hung", "Long Hưng", "Long Hung"),
    ("hoa-thuan", "Hòa Thuận", "Hoa Thuan"),
    ("my-an", "Mỹ An", "My An"),
    ("binh-minh", "Bình Minh", "Binh Minh"),
    ("phuoc-long", "Phước Long", "Phuoc Long"),
    ("dong-hai", "Đông Hải", "Dong Hai"),
    ("tay-son", "Tây Sơn", "Tay Son"),
    ("thanh-phu", "Thạnh Phú", "Thanh Phu"),
)
# Sentences in the register of a commune plan and its progress reports, as (Vietnamese, English).
ACTIONS = (
    (
        "Tuyên truyền, phổ biến về Chỉ số đổi mới sáng tạo cấp địa phương đến cán bộ, công chức và người dân",
        "Disseminate information on the local innovation index to cadres, civil servants and residents",
    ),
    (
        "Hướng dẫn người dân và doanh nghiệp nộp hồ sơ trực tuyến toàn trình trên Cổng dịch vụ công quốc gia",
        "Guide residents and businesses to file applications fully online on the National Public Service Portal",
    ),
    (
        "Hỗ trợ các hợp tác xã xây dựng, chuẩn hóa và đăng ký sản phẩm OCOP đạt từ 3 sao trở lên",
        "Help cooperatives develop, standardise and register OCOP products rated 3 stars or more",
    ),
    (
        "Tổ chức cuộc thi ý tưởng khởi nghiệp, đổi mới sáng tạo cho học sinh, đoàn viên thanh niên",
        "Organise a start-up and innovation idea contest for students and young union members",
    ),
    (
        "Rà soát, cập nhật cơ sở dữ liệu hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều",
        "Review and update the database of poor and near-poor households under the multidimensional poverty line",
    ),
    (
        "Phát triển hạ tầng số, phủ sóng di động 4G và cáp quang đến các ấp, khu dân cư",
        "Develop digital infrastructure, bringing 4G coverage and fibre to every hamlet and residential area",
    ),
    (
        "Vận động doanh nghiệp, hộ kinh doanh ứng dụng thanh toán không dùng tiền mặt",
        "Encourage businesses and household businesses to adopt cashless payments",
    ),
    (
        "Phối hợp với Sở Khoa học và Công nghệ thu thập số liệu các chỉ số thành phần đúng thời hạn",
        "Work with the Department of Science and Technology to collect the component indicators on time",
    ),
    (
        "Mở lớp tập huấn kỹ năng số cho người dân, ưu tiên người cao tuổi và lao động nông thôn",
        "Run digital skills training for residents, giving priority to older people and rural workers",
    ),
    (
        "Xây dựng mô hình sản xuất nông nghiệp ứng dụng công nghệ cao gắn với liên kết tiêu thụ",
        "Build a high-tech farming model linked to agreements with buyers",
    ),
)
DETAILS = (
    (
        "bảo đảm tiến độ và chất lượng theo kế hoạch của Ủy ban nhân dân tỉnh",
        "on schedule and to the standard set by the Provincial People's Committee",
    ),
    (
        "báo cáo kết quả định kỳ hằng quý về Ủy ban nhân dân xã",
        "reporting results every quarter to the Commune People's Committee",
    ),
    (
        "lồng ghép với chương trình mục tiêu quốc gia xây dựng nông thôn mới",
        "combined with the national target programme for new rural areas",
    ),
    (
        "huy động sự tham gia của các đoàn thể và người dân trên địa bàn",
        "with the participation of mass organisations and residents",
    ),
    (
        "ưu tiên các ấp vùng sâu, vùng xa và đồng bào dân tộc thiểu số",
        "giving priority to remote hamlets and ethnic minority communities",
    ),
)
INDICATORS = (
    ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến", "Share of administrative procedures handled online"),
    ("Số sản phẩm OCOP đạt từ 3 sao trở lên", "Number of OCOP products rated 3 stars or more"),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "Poverty rate under the multidimensional poverty line"),
    ("Số ý tưởng khởi nghiệp, đổi mới sáng tạo được hỗ trợ", "Number of start-up and innovation ideas supported"),
    ("Tỷ lệ người dân có kỹ năng số cơ bản", "Share of residents with basic digital skills"),
    ("Thu nhập bình quân đầu người", "Average income per person"),
    ("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "Share of businesses that innovate"),
)
PROGRESS_NOTES = (
    (
        "Đã tổ chức hội nghị triển khai với {n} đại biểu tham dự; phân công cán bộ phụ trách từng ấp",
        "Held a launch meeting with {n} participants; assigned an officer to each hamlet",
    ),
    (
        "Đã hướng dẫn {n} hồ sơ trực tuyến tại bộ phận một cửa, tổ công nghệ số cộng đồng hỗ trợ tại nhà",
        "Guided {n} online applications at the one-stop desk; community digital teams helped at home",
    ),
    (
        "Đã khảo sát {n} hộ, tổng hợp khó khăn, vướng mắc và đề xuất giải pháp trình Ủy ban nhân dân xã",
        "Surveyed {n} households and submitted the difficulties found and proposed solutions to the committee",
    ),
    (
        "Mùa nước nổi làm chậm việc đi lại; dự kiến hoàn thành phần còn lại trong tháng tới",
        "The flood season slowed travel; the rest is expected to be finished next month",
    ),
    (
        "Đã hoàn thiện hồ sơ {n} sản phẩm, gửi Phòng Kinh tế thẩm định trước khi trình Hội đồng cấp tỉnh",
        "Completed the files of {n} products and sent them for review before the provincial council",
    ),
)
STATUS_PATH = ("in-progress", "in-progress", "delayed", "in-progress", "completed")


def write_plan(
    target: Path,
    tasks: int,
    seed: int = 2026,
    today: dt.date = SYNTHETIC_TODAY,
    source: Path = PROJECT_DIR / "data",
) -> Path:
    """Write a plan of `tasks` tasks into `target` (created; must not exist) and return it."""
    rng = random.Random(f"{seed}:{tasks}")
    target.mkdir(parents=True)
    for name in KEPT_FILES:
        shutil.copy2(source / name, target / name)
    pillars = yaml.safe_load((source / "pillars.yml").read_text(encoding="utf-8"))["pillars"]
    plan_date = yaml.safe_load((source / "plan.yml").read_text(encoding="utf-8"))["date"]
    start = dt.date(plan_date["year"], plan_date.get("month") or 1, plan_date.get("day") or 1)
    # A few offices every commune has, and one unit more for about every 14 tasks (~22 at 200, ~115 at 1,500).
    units = _units(rng, 8 + tasks // 14)
    appendix = _tasks(rng, tasks, sorted(pillars, key=lambda p: p["number"]), [u["id"] for u in units])
    _dump(target / "units.yml", {"units": units})
    _dump(target / "tasks.yml", appendix)
    _dump(target / "duties.yml", {"duties": _duties(rng, units)})
    (target / "status").mkdir()
    for group in appendix["groups"]:
        for task in group["tasks"]:
            _dump(target / "status" / f"{task['id']}.yml", _status(rng, task, start, today))
    (target / "news").mkdir()
    for _ in range(max(3, tasks // 100)):
        _write_news_post(rng, target / "news", start, today)
    return target


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")


def _text(rng: random.Random, sentences: int) -> dict[str, str]:
    """`sentences` sentences of plan prose, each an action with a detail, in both languages."""
    vi, en = [], []
    for _ in range(sentences):
        (action_vi, action_en), (detail_vi, detail_en) = rng.choice(ACTIONS), rng.choice(DETAILS)
        vi.append(f"{action_vi}, {detail_vi}.")
        en.append(f"{action_en}, {detail_en}.")
    return {"vi": " ".join(vi), "en": " ".join(en)}


def _units(rng: random.Random, count: int) -> list[dict[str, Any]]:
    # The first is a collective "all divisions" unit, as plans name one to coordinate most tasks.
    units: list[dict[str, Any]] = [
        {
            "id": "cac-phong-ban-nganh",
            "name": {"vi": "Các phòng, ban, ngành", "en": "All divisions, boards and sectors"},
            "description": _text(rng, 2),
            "collective": True,
        }
    ]
    for i in range(count - 1):
        kind_id, kind_vi, kind_en = UNIT_KINDS[i % len(UNIT_KINDS)]
        place_id, place_vi, place_en = PLACES[(i // len(UNIT_KINDS)) % len(PLACES)]
        # Past kinds × places (1,200 units) the same name comes back with a number.
        round_number = i // (len(UNIT_KINDS) * len(PLACES))
        suffix_id, suffix = (f"-{round_number + 1}", f" {round_number + 1}") if round_number else ("", "")
        units.append(
            {
                "id": f"{kind_id}-{place_id}{suffix_id}",
                "name": {"vi": f"{kind_vi} {place_vi}{suffix}", "en": f"{kind_en}, {place_en}{suffix}"},
                "description": _text(rng, rng.randint(1, 3)),
            }
        )
    return units


def _tasks(rng: random.Random, count: int, pillars: list[dict[str, Any]], unit_ids: list[str]) -> dict[str, Any]:
    """The appendix: one group per pillar (numbered I, II, …), tasks dealt out in turn."""
    groups = [
        {
            "number": _roman(i + 1),
            "pillar": pillar["id"],
            "heading": {"vi": pillar["name"]["vi"].upper(), "en": pillar["name"]["en"].upper()},
            "tasks": [],
        }
        for i, pillar in enumerate(pillars[: min(len(pillars), count)])
    ]
    collective, others = unit_ids[0], unit_ids[1:]
    for i in range(count):
        group = groups[i % len(groups)]
        lead = rng.choice(others)
        coordinating = rng.sample([u for u in others if u != lead], rng.randint(0, min(3, len(others) - 1)))
        if rng.random() < 0.5:
            coordinating = [collective, *coordinating[:2]]
        indicator_vi, indicator_en = rng.choice(INDICATORS)
        group["tasks"].append(
            {
                "id": f"{group['number']}.{len(group['tasks']) + 1}",
                "indicator": {"vi": indicator_vi, "en": indicator_en},
                "text": _text(rng, rng.randint(1, 3)),
                "lead": [lead],
                "coordinating": coordinating,
            }
        )
    return {
        "title": {"vi": "Nhiệm vụ cụ thể (dữ liệu tổng hợp)", "en": "Specific tasks (synthetic data)"},
        "groups": groups,
    }


def _duties(rng: random.Random, units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"id": f"IV.{u}.{d}", "unit": unit["id"], "text": _text(rng, rng.randint(1, 2))}
        for u, unit in enumerate(units, start=1)
        for d in range(1, rng.randint(1, 3) + 1)
    ]


def _status(rng: random.Random, task: dict[str, Any], start: dt.date, today: dt.date) -> dict[str, Any]:
    """Progress of one task: most have 1–5 dated updates (notes, evidence), some a due date and an indicator."""
    status: dict[str, Any] = {}
    if rng.random() < 0.4:
        status["due"] = start + dt.timedelta(days=rng.randint(60, 330))
    if rng.random() < 0.3:
        unit_vi, unit_en = rng.choice((("hồ sơ", "applications"), ("sản phẩm", "products"), ("hộ", "households")))
        status["indicator"] = {
            "unit": {"vi": unit_vi, "en": unit_en},
            "baseline": {"value": rng.randint(0, 20), "date": start},
            "target": {"value": rng.randint(30, 200), "date": dt.date(today.year, 12, 31)},
            "source": {"vi": "Báo cáo của đơn vị chủ trì", "en": "The lead unit's report"},
        }
    count = 0 if rng.random() < 0.15 else rng.randint(1, 5)
    days = sorted(rng.sample(range((today - start).days + 1), count))
    updates = []
    for i, day in enumerate(days):
        date = start + dt.timedelta(days=day)
        state = STATUS_PATH[min(i, len(STATUS_PATH) - 1)] if i < count - 1 else rng.choice(STATUS_PATH)
        percent = 100 if state == "completed" else min(95, 10 + 20 * i + rng.randint(0, 9))
        update: dict[str, Any] = {
            "date": date,
            "status": state,
            "percent": percent,
            "unit": task["lead"][0],
            "note": _note(rng),
        }
        if state == "completed" or rng.random() < 0.5:
            update["evidence"] = _evidence(rng, task["id"], date)
        updates.append(update)
    status["updates"] = updates
    return status


def _note(rng: random.Random) -> dict[str, str]:
    """A progress note of one to three sentences; a fifth of them have no English yet."""
    vi, en = [], []
    for _ in range(rng.randint(1, 3)):
        note_vi, note_en = rng.choice(PROGRESS_NOTES)
        n = rng.randint(5, 250)
        vi.append(note_vi.format(n=n) + ".")
        en.append(note_en.format(n=n) + ".")
    return {"vi": " ".join(vi)} if rng.random() < 0.2 else {"vi": " ".join(vi), "en": " ".join(en)}


def _evidence(rng: random.Random, task_id: str, date: dt.date) -> list[dict[str, Any]]:
    """A link and, for half, the official report it refers to."""
    items: list[dict[str, Any]] = [{"url": f"https://example.org/bao-cao/{task_id.lower()}/{date.isoformat()}"}]
    if rng.random() < 0.5:
        items.append(
            {
                "number": f"{rng.randint(1, 300)}/BC-UBND",
                "date": date,
                "issuer": {"vi": "UBND xã", "en": "Commune People's Committee"},
            }
        )
    return items


def _write_news_post(rng: random.Random, folder: Path, start: dt.date, today: dt.date) -> None:
    date = start + dt.timedelta(days=rng.randint(0, (today - start).days))
    (title_vi, title_en), (detail_vi, detail_en) = rng.choice(ACTIONS), rng.choice(DETAILS)
    path = folder / f"{date.isoformat()}-tin-{len(list(folder.iterdir())) + 1}.md"
    front = {
        "date": date,
        "title": {"vi": title_vi, "en": title_en},
        "summary": {"vi": f"{title_vi}, {detail_vi}.", "en": f"{title_en}, {detail_en}."},
    }
    body_vi = "\n\n".join(_text(rng, 3)["vi"] for _ in range(3))
    body_en = "\n\n".join(_text(rng, 3)["en"] for _ in range(3))
    front_matter = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front_matter}---\n{body_vi}\n\n<!-- en -->\n\n{body_en}\n", encoding="utf-8")


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    result = ""
    for value, letters in numerals:
        while number >= value:
            result += letters
            number -= value
    return result
