"""criticscope: turn raw film-review pages into linked, trustworthy critic data.

>>> import criticscope
>>> lib = criticscope.open("sqlite:///reviews.db")      # doctest: +SKIP
>>> result = lib.analyze(["pages/"])                    # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Settings, load_settings  # noqa: E402
from .library import Library, open  # noqa: E402,A004

__all__ = ["Library", "Settings", "__version__", "load_settings", "open"]
