from __future__ import annotations

import os
from pathlib import Path

import pytest

from criticscope.config import load_settings

from .pg import PgCluster, find_pg_bin

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def pg_cluster():
    """A real PostgreSQL cluster; in CI its absence is a failure, elsewhere a skip."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) not found; .ci/run must install them")
        pytest.skip("PostgreSQL server binaries not installed")
    cluster = PgCluster(bin_dir).start()
    os.environ.setdefault("CRITICSCOPE_TEST_PG", cluster.new_database())
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    return pg_cluster.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """Run a test against SQLite and against a throwaway PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def settings(tmp_path):
    """Settings isolated from the user's files, with a shared model cache so trained
    models are built once per machine rather than once per test."""
    cache_home = Path(os.environ.get("CRITICSCOPE_TEST_HOME", REPO / ".cache" / "test-home"))
    cache_home.mkdir(parents=True, exist_ok=True)
    return load_settings(env={"CRITICSCOPE_HOME": str(cache_home)},
                         db_url=f"sqlite:///{tmp_path / 'cs.db'}")


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"seed pages not found at {SEEDS}")
    return SEEDS
