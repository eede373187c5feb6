"""pacer: keeps a year-long, multi-track self-study plan on pace."""

__version__ = "0.1.0"
