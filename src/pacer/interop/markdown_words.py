"""Reading one short piece of a Markdown plan: a month, a span of months, minutes, days, an id."""

from __future__ import annotations

import re

# Only ever applied to the text of one heading, table cell or list item — never to a document.
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_WORD = r"(?P<name>[A-Za-z]{3,9})\.?"
_SEP = r"\s*(?:[｜|:：\-–—·,，]\s*)?"
_NUMERIC_MONTH = re.compile(
    r"^(?:(?:month|月份)\s*)?(?P<y>\d{4})\s*(?:[.\-/]|年)\s*(?P<m>\d{1,2})\s*月?(?![\d])(?!\s*[–\-~～至到]\s*\d)"
    + _SEP
)
_WORD_MONTH = re.compile(r"^" + _MONTH_WORD + r"\s+(?P<y>\d{4})(?![\d])" + _SEP)
_MONTH_RANGE = re.compile(
    r"(?P<a>\d{1,2})\s*(?:月)?\s*[–\-~～至到]\s*(?P<b>\d{1,2})\s*月"
    r"|(?P<c>\d{1,2})\s*月"
    r"|(?P<wa>[A-Za-z]{3,9})\.?(?:\s+\d{4})?\s*[–\-~]\s*(?P<wb>[A-Za-z]{3,9})\.?"
    r"|\b(?P<wc>[A-Za-z]{3,9})\b"
)
_HOURS = r"(?:小时|h\b|hrs?\b|hours?\b)"
_MINUTES = r"(?:分钟|min\b|mins\b|minutes?\b|m\b)"
_AMOUNT = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)\s*(?:[–\-~～到至]\s*(?P<b>\d+(?:\.\d+)?))?\s*"
    r"(?:(?P<h>" + _HOURS + r")|(?P<m>" + _MINUTES + r"))",
    re.I,
)
_WEEK_CELL = re.compile(r"^(?:w|week|wk|第)\s*(\d{1,2})\s*(?:周)?$", re.I)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def month_number(word: str) -> int | None:
    """1–12 for an English month name or its first three letters."""
    w = word.lower().rstrip(".")
    for i, name in enumerate(MONTH_NAMES, 1):
        if len(w) >= 3 and name.startswith(w) and (len(w) == 3 or w == name or w == "sept"):
            return i
    return None


def month_heading(text: str) -> tuple[int, int, str] | None:
    """(year, month, the rest) for `2026.03｜主题`, `2026年3月 …`, `March 2026: theme`."""
    m = _NUMERIC_MONTH.match(text.strip())
    if m:
        month = int(m["m"])
        if 1 <= month <= 12:
            return int(m["y"]), month, text.strip()[m.end() :].strip()
        return None
    m = _WORD_MONTH.match(text.strip())
    named = month_number(m["name"]) if m else None
    if m and named is not None:
        return int(m["y"]), named, text.strip()[m.end() :].strip()
    return None


def month_span(text: str) -> tuple[int, int] | None:
    """The first months named in a cell or heading: `2–3 月` → (2, 3), `10 月` → (10, 10),
    `March–May` → (3, 5)."""
    for m in _MONTH_RANGE.finditer(text):
        if m["a"]:
            a, b = int(m["a"]), int(m["b"])
        elif m["c"]:
            a = b = int(m["c"])
        elif m["wa"]:
            ma, mb = month_number(m["wa"]), month_number(m["wb"])
            if ma is None or mb is None:
                continue
            a, b = ma, mb
        else:
            mc = month_number(m["wc"])
            # `may` and `mar` in running text are words, not months
            if mc is None or (m["wc"].lower() in ("may", "mar") and not m["wc"][0].isupper()):
                continue
            a = b = mc
        if 1 <= a <= 12 and 1 <= b <= 12:
            return a, b
    return None


def minutes_in(text: str) -> tuple[int, int] | None:
    """(minutes, most) of the first amount of time in a text: `30 min` → (30, 30),
    `3–4 小时` → (180, 240), `5–10 min` → (5, 10), `1.5 h` → (90, 90)."""
    m = _AMOUNT.search(text)
    if m is None:
        return None
    scale = 60 if m["h"] else 1
    low = round(float(m["a"]) * scale)
    high = round(float(m["b"]) * scale) if m["b"] else low
    if low <= 0 or high < low or high > 24 * 60:
        return None
    return low, high


def without_minutes(text: str) -> str:
    """The text with its first amount of time (and the colon after it) taken out."""
    m = _AMOUNT.search(text)
    if m is None:
        return text.strip()
    rest = text[: m.start()] + text[m.end() :]
    rest = rest.replace("（）", "").replace("()", "")  # `泛听（15 min）`: the brackets go too
    return " ".join(rest.split()).strip(" ：:，,").strip()


def week_cell(text: str) -> int | None:
    """The week number of a cell like `W3`, `Week 3`, `第 3 周`."""
    m = _WEEK_CELL.match(text.strip())
    return int(m[1]) if m else None


def ascii_slug(text: str, words: int = 4) -> str:
    """The first ASCII words of a text, lower-case and joined by `-` ('' when it has no
    ASCII letter): `MIT 18.02 – Multivariable` → `mit-18-02-multivariable`."""
    found = _ASCII_WORD.findall(text)[:words]
    slug = "-".join(w.lower() for w in found)
    return slug if any(c.isalpha() for c in slug) else ""


def has_cjk(text: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)


# Which weekdays a heading or list label speaks of (0 = Monday). Longest words first.
WEEKDAYS_WORDS: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...] = (
    (("周一～周五", "周一到周五", "周一至周五", "工作日", "平日"), (0, 1, 2, 3, 4)),
    (
        ("weekdays", "weekday", "mon–fri", "mon-fri", "monday–friday", "monday-friday"),
        (0, 1, 2, 3, 4),
    ),
    (("周六", "星期六", "saturday"), (5,)),
    (("周日", "星期日", "星期天", "周天", "sunday"), (6,)),
    (("周末", "weekend", "weekends"), (5, 6)),
    (("每天", "每日", "daily", "every day", "each day"), (0, 1, 2, 3, 4, 5, 6)),
)
TRAVEL_WORDS = ("出差", "旅行", "差旅", "travel", "trip", "on the road")
TEMPLATE_WORDS = (
    "模板",
    "周计划",
    "template",
    "routine",
    "weekly plan",
    "week plan",
    "typical week",
)
# A daily block for a course is work through its units, not a habit of practice.
COURSE_WORDS = ("course", "class", "lecture", "module", "lesson", "课程", "课", "讲")
RITUAL_WORDS = ("复盘", "回顾", "review", "retrospective", "reflection")
KEYWORD_LABELS = ("关键词", "关键字", "主题", "keywords", "keyword", "focus", "theme")
PHASE_HEADERS = ("阶段", "phase", "stage")
WHEN_HEADERS = ("月份", "时间", "月", "months", "month", "when", "time", "period", "dates")
MAPS_HEADERS = ("对照", "对应", "maps to", "counterpart", "mapping")
WEEK_HEADERS = ("周", "周次", "week", "wk", "w")

# Common track names written in Chinese, by the English word their id is made of (the id is
# that word in lower case); the other words of an entry name the same subject, so that a table
# under 多变量微积分 finds the track 数学.
GLOSSARY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Mathematics", ("数学", "微积分", "线性代数", "线代", "概率", "calculus")),
    ("English", ("英语", "英文")),
    ("Japanese", ("日语", "日文")),
    ("German", ("德语",)),
    ("French", ("法语",)),
    ("Engineering", ("工程",)),
    ("Writing", ("输出", "写作")),
    ("Blog", ("博客",)),
    ("Reading", ("阅读", "读书")),
    ("Exercise", ("运动", "健身", "跑步", "running")),
)


def weekdays_named(text: str) -> tuple[int, ...] | None:
    low = text.lower()
    for words, days in WEEKDAYS_WORDS:
        if any(w in low for w in words):
            return days
    return None


def names_any(text: str, words: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(w in low for w in words)


def _entries() -> list[tuple[str, tuple[str, ...]]]:
    return [(name.lower(), (name.lower(), *words)) for name, words in GLOSSARY]


def glossary_id(title: str) -> str:
    """The glossary id of a title that is (nearly) just one known word, else ''."""
    low = title.lower().strip()
    for tid, words in _entries():
        if any(low == w or (len(low) <= len(w) + 2 and w in low) for w in words):
            return tid
    return ""


def glossary_hits(text: str) -> list[tuple[int, str]]:
    """(position, glossary id) of each glossary word in a text."""
    low = text.lower()
    hits = []
    for tid, words in _entries():
        for w in words:
            pos = low.find(w)
            if pos >= 0:
                hits.append((pos, tid))
    return sorted(hits)
