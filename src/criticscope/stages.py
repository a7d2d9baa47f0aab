"""The stage registry: built-in stages by name, plus third-party stages registered
under the ``criticscope.stages`` entry-point group (``name = "module:factory"``).

A factory is ``create_component(settings, **resources) -> Component``; resources
are shared objects such as the store (the linking stage needs the catalog).
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

from .config import Settings
from .pipeline import Component, Pipeline

BUILTIN_STAGES: dict[str, str] = {
    "sentences": "criticscope.sentences:create_component",
    "ratings": "criticscope.ratings:create_component",
    "verdict": "criticscope.verdicts:create_component",
    "linking": "criticscope.linking:create_component",
    "aspects": "criticscope.aspects:create_component",
    "spoilers": "criticscope.spoilers:create_component",
    "pullquote": "criticscope.pullquote:create_component",
}


def registry() -> dict[str, str]:
    found = dict(BUILTIN_STAGES)
    for ep in entry_points(group="criticscope.stages"):
        found.setdefault(ep.name, ep.value)
    return found


def create_stage(name: str, settings: Settings, **resources: Any) -> Component:
    try:
        target = registry()[name]
    except KeyError:
        raise KeyError(f"unknown stage {name!r}; known: {', '.join(registry())}") from None
    module_name, _, attr = target.partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    return factory(settings, **resources)


def build_pipeline(settings: Settings, names: list[str] | None = None, **resources: Any) -> Pipeline:
    names = list(names or settings.pipeline.stages)
    return Pipeline([create_stage(n, settings, **resources) for n in names])
