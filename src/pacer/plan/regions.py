"""`calendar.country`, `calendar.subdivision` and `calendar.holidays_off`, checked against the
holiday library's own lists (imported only here, when a plan is compiled or checked)."""

from __future__ import annotations

import difflib
import re

from pacer.plan.problems import Loc
from pacer.plan.reader import Reader
from pacer.plan.yamlnodes import Located
from pacer.record import record

REGION_KEYS = ("country", "subdivision", "holidays_off")  # of `calendar`
_CODE = re.compile(r"^[A-Z]{2}$", re.ASCII)
# ISO 3166-2 writes a region as COUNTRY-REGION: DE-BE, US-CA, GB-SCT.
_ISO_REGION = re.compile(r"^([A-Za-z]{2})[-_ ]([A-Za-z0-9]{1,8})$", re.ASCII)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@record
class Region:
    country: str | None
    subdivision: str | None
    holidays_off: bool


def read_region(r: Reader, f: dict[str, Located]) -> Region:
    """The three keys of `calendar` (default CN, no subdivision, holidays off), each problem a
    PATH:LINE:COL error with what to write instead."""
    country: str | None = "CN"
    no_country = False
    if "country" in f:
        raw = r.text(f["country"], "country")
        country_loc = f["country"].loc
        no_country = raw.lower() in ("", "none")
        country = None if no_country else raw.upper()
        iso = _ISO_REGION.match(raw) if country is not None else None
        if iso is not None:
            r.err(
                country_loc,
                "regions.country_with_subdivision",
                raw=raw,
                country=iso.group(1).upper(),
                subdivision=iso.group(2).upper(),
            )
            country = None
        elif country is not None:
            country = _known_country(r, country_loc, raw, country)
    subdivision: str | None = None
    if "subdivision" in f:
        raw = r.text(f["subdivision"], "subdivision")
        loc = f["subdivision"].loc
        if raw.lower() in ("", "none"):
            subdivision = None
        elif country is None:
            if no_country:
                r.err(loc, "regions.subdivision_without_country", raw=raw)
            # else: the country was refused already, the subdivision cannot be checked
        else:
            subdivision = _known_subdivision(r, loc, raw, country)
    holidays_off = r.boolean(f.get("holidays_off"), "holidays_off", True)
    return Region(country, subdivision, holidays_off)


def _known_country(r: Reader, loc: Loc, raw: str, country: str) -> str | None:
    import holidays  # heavy: only when a plan is compiled (cold cache) or checked

    supported = holidays.list_supported_countries()
    if _CODE.match(country) and country in supported:
        return country
    hint = _country_hint(raw, country, supported)
    if hint:
        r.err(loc, "regions.unknown_country_hint", raw=raw, hint=hint)
    else:
        r.err(loc, "regions.unknown_country", raw=raw)
    return None


def _country_hint(raw: str, country: str, supported: dict[str, list[str]]) -> str:
    """The two-letter code meant by `raw`: a name (Germany) or a code close to it (DEU). Two
    letters are as close to many codes as to one (XX, XK, MX): those get no guess."""
    names = _country_names()
    alpha2 = {code for code in supported if _CODE.match(code)}
    by_name = {name.lower(): code for code, name in names.items()}
    close = difflib.get_close_matches(raw.lower(), list(by_name), n=1, cutoff=0.6)
    if close:
        code = by_name[close[0]]
        return f"{code} ({names[code]})"
    close = difflib.get_close_matches(country, sorted(alpha2), n=1, cutoff=0.6)
    if close:
        return f"{close[0]} ({names[close[0]]})" if close[0] in names else close[0]
    return ""


def _registry() -> list[tuple[str, ...]]:
    try:
        from holidays.registry import COUNTRIES
    except ImportError:  # pragma: no cover - an older or newer library: codes only
        return []
    return [v for v in COUNTRIES.values() if len(v) >= 3]


def _country_names() -> dict[str, str]:
    """alpha-2 code -> English name ("UnitedKingdom" in the registry -> "United Kingdom")."""
    return {v[1]: _CAMEL.sub(" ", v[0]) for v in _registry()}


def _known_subdivision(r: Reader, loc: Loc, raw: str, country: str) -> str | None:
    import holidays

    try:
        entity = holidays.country_holidays(country, years=[])
    except NotImplementedError:
        return None  # the country is refused already
    codes = tuple(str(c) for c in entity.subdivisions)
    aliases = {str(k): str(v) for k, v in getattr(entity, "subdivisions_aliases", {}).items()}
    for code in codes:
        if raw.lower() == code.lower():
            return code
    for alias, code in aliases.items():
        if raw.lower() == alias.lower():
            return code
    if not codes:
        r.err(loc, "regions.no_subdivisions", raw=raw, country=country)
        return None
    named = {code: name for name, code in aliases.items()}
    by_text = {code.lower(): code for code in codes} | {a.lower(): c for a, c in aliases.items()}
    close = difflib.get_close_matches(raw.lower(), list(by_text), n=1, cutoff=0.5)
    if close:
        code = by_text[close[0]]
        hint = f"{code} ({named[code]})" if code in named else code
        r.err(loc, "regions.unknown_subdivision_hint", raw=raw, country=country, hint=hint)
    else:
        r.err(loc, "regions.unknown_subdivision", raw=raw, country=country, known=", ".join(codes))
    return None
