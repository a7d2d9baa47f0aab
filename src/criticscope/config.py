"""Typed settings: packaged defaults, then a user TOML file, then the environment.

Settings are built explicitly with :func:`load_settings` and passed to whatever
needs them; nothing is created at import time.
"""

from __future__ import annotations

import copy
import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

ENV_PREFIX = "CRITICSCOPE_"


class StoreSettings(BaseModel):
    url: str = ""


class IngestSettings(BaseModel):
    max_input_bytes: int = 20_000_000
    url_timeout_seconds: float = 20.0
    url_max_bytes: int = 10_000_000
    allow_private_urls: bool = False
    near_duplicate_threshold: float = 0.8
    minhash_permutations: int = 128


class PipelineSettings(BaseModel):
    stages: list[str] = Field(default_factory=list)


class VerdictSettings(BaseModel):
    positive_min: float = 60.0
    mixed_min: float = 40.0
    small_scale_max: float = 5.0
    small_scale_positive_min: float = 70.0
    small_scale_mixed_min: float = 50.0
    p_positive_min: float = 0.979
    p_negative_max: float = 0.405


class LinkingSettings(BaseModel):
    strong_threshold: float = 0.80
    medium_threshold: float = 0.60
    low_threshold: float = 0.40
    gap_threshold: float = 0.15
    sharpness: float = 0.06
    unknown_penalty: float = 0.3
    mention_threshold: float = 0.64
    provisional_min_evidence: int = 2
    create_provisional: bool = True
    max_rec: dict[str, str] = Field(default_factory=dict)
    weights: dict[str, float] = Field(default_factory=dict)


class AggregateSettings(BaseModel):
    min_reviews_for_share: int = 5
    min_rated_for_average: int = 4
    positive_rating_min: float = 60.0


class ApiSettings(BaseModel):
    page_size: int = 50
    max_page_size: int = 500
    max_upload_bytes: int = 20_000_000
    max_upload_files: int = 50
    api_key: str = ""
    cors_origins: list[str] = Field(default_factory=list)


class Settings(BaseModel):
    store: StoreSettings = Field(default_factory=StoreSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    pipeline: PipelineSettings = Field(default_factory=PipelineSettings)
    verdicts: VerdictSettings = Field(default_factory=VerdictSettings)
    linking: LinkingSettings = Field(default_factory=LinkingSettings)
    aggregates: AggregateSettings = Field(default_factory=AggregateSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    data_dir: Path = Field(default_factory=lambda: default_data_dir())

    @property
    def db_url(self) -> str:
        return self.store.url or f"sqlite:///{self.data_dir / 'criticscope.db'}"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"


def default_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The per-user data folder: ``$CRITICSCOPE_HOME``, else ``$XDG_DATA_HOME/criticscope``,
    else ``~/.local/share/criticscope``."""
    env = os.environ if env is None else env
    if env.get("CRITICSCOPE_HOME"):
        return Path(env["CRITICSCOPE_HOME"]).expanduser()
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "criticscope"


def default_config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("CRITICSCOPE_CONFIG"):
        return Path(env["CRITICSCOPE_CONFIG"]).expanduser()
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base).expanduser() / "criticscope" / "config.toml"


def packaged_defaults() -> dict[str, Any]:
    text = resources.files("criticscope").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _env_overrides(env: Mapping[str, str]) -> dict[str, Any]:
    """``CRITICSCOPE_DB`` and ``CRITICSCOPE_SECTION__KEY[__SUBKEY]`` (values parsed as TOML
    scalars where possible, else kept as strings)."""
    out: dict[str, Any] = {}
    if env.get("CRITICSCOPE_DB"):
        out.setdefault("store", {})["url"] = env["CRITICSCOPE_DB"]
    if env.get("CRITICSCOPE_HOME"):
        out["data_dir"] = env["CRITICSCOPE_HOME"]
    for name, raw in env.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        path = name[len(ENV_PREFIX):].lower().split("__")
        try:
            value: Any = tomllib.loads(f"v = {raw}")["v"]
        except tomllib.TOMLDecodeError:
            value = raw
        node = out
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return out


def load_settings(
    config_file: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build settings from packaged defaults, a user file, the environment and
    explicit keyword overrides (``db_url=`` is accepted as a shortcut)."""
    env = os.environ if env is None else env
    data = packaged_defaults()
    path = Path(config_file) if config_file else default_config_path(env)
    if path.is_file():
        with path.open("rb") as fh:
            data = _merge(data, tomllib.load(fh))
    elif config_file:
        raise FileNotFoundError(f"config file not found: {path}")
    data = _merge(data, _env_overrides(env))
    db_url = overrides.pop("db_url", None)
    if db_url:
        data = _merge(data, {"store": {"url": db_url}})
    data = _merge(data, overrides)
    if "data_dir" not in data:
        data["data_dir"] = default_data_dir(env)
    return Settings.model_validate(data)
