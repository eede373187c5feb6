"""Messages for regional holidays and curriculum windows: key -> (English, 中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- calendar.country / calendar.subdivision ---------------------------------------------
    "regions.country_with_subdivision": (
        "country '{raw}' names a region: write country: {country} and subdivision: {subdivision}",
        "country '{raw}' 含有地区：请写 country: {country} 和 subdivision: {subdivision}",
    ),
    "regions.unknown_country_hint": (
        "country '{raw}' is not a country the holiday library knows; did you mean {hint}?",
        "节假日库中没有国家 '{raw}'；是否想写 {hint}？",
    ),
    "regions.unknown_country": (
        "country '{raw}' is not a country the holiday library knows;"
        " write a two-letter code such as DE or CN, or none",
        "节假日库中没有国家 '{raw}'；请写两位国家代码（如 DE、CN）或 none",
    ),
    "regions.unknown_subdivision_hint": (
        "subdivision '{raw}' is not one of {country}'s; did you mean {hint}?",
        "'{raw}' 不是 {country} 的 subdivision；是否想写 {hint}？",
    ),
    "regions.unknown_subdivision": (
        "subdivision '{raw}' is not one of {country}'s: {known}",
        "'{raw}' 不是 {country} 的 subdivision；可选：{known}",
    ),
    "regions.no_subdivisions": (
        "subdivision '{raw}': the holiday library has no subdivisions for {country};"
        " remove the line",
        "subdivision '{raw}'：节假日库中 {country} 没有地区划分；请删除这一行",
    ),
    "regions.subdivision_without_country": (
        "subdivision '{raw}' needs a country: write country: first",
        "subdivision '{raw}' 需要国家：请先写 country:",
    ),
    # -- curricula[].from / to ----------------------------------------------------------------
    "regions.want_month_or_date": (
        "{where}: expected a month YYYY-MM or a date YYYY-MM-DD, got '{raw}'",
        "{where}：应为月份 YYYY-MM 或日期 YYYY-MM-DD，实际为 '{raw}'",
    ),
    "regions.window_order": (
        "window ends ({end}) before it starts ({start})",
        "时间窗口的结束（{end}）早于开始（{start}）",
    ),
    "regions.day_outside": (
        "date {day} is outside the plan span {start}..{end}",
        "日期 {day} 不在计划范围 {start}..{end} 内",
    ),
}
