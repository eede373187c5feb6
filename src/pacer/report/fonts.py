"""A CJK font for matplotlib: Noto Sans CJK from the package index, else the system's."""

from __future__ import annotations

from functools import cache

# In order of preference; the first one that matplotlib knows is used.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK JP",
)


@cache
def cjk_family() -> str | None:
    """Register the bundled Noto Sans CJK collection and return a family with Chinese glyphs
    (None when no such font can be found: charts then say so in one notice)."""
    from matplotlib import font_manager

    try:
        from noto_cjk_sans_otc import FONT_PATH  # type: ignore[import-untyped]

        font_manager.fontManager.addfont(str(FONT_PATH))
    except (ImportError, OSError, RuntimeError):
        pass  # fall back to the system's fonts (e.g. Debian's fonts-noto-cjk)
    known = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FAMILIES if name in known), None)


def configure() -> str | None:
    """Set matplotlib up for pacer's charts; returns the CJK family in use."""
    import matplotlib

    matplotlib.use("Agg")
    family = cjk_family()
    rc = matplotlib.rcParams
    rc["font.family"] = "sans-serif"
    rc["font.sans-serif"] = [f for f in (family, "DejaVu Sans") if f]
    rc["svg.fonttype"] = "path"  # glyphs as outlines: the SVG looks the same everywhere
    rc["svg.hashsalt"] = "pacer"  # stable ids, so the same data gives the same file
    rc["axes.unicode_minus"] = False
    rc["date.epoch"] = "1970-01-01T00:00:00"  # charts.py counts days from it
    return family
