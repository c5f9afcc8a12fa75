"""Shared, generic fixtures. Keep this file small: module-specific helpers live in their test file."""
from __future__ import annotations

from pathlib import Path

import os

import pytest

from sukien.config import Config, Resources
from sukien.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


def pytest_sessionstart(session):
    """On CI the seeds and the gold must be there: a quality gate that silently skips is no gate."""
    if os.environ.get("CI") and not (SEEDS.is_dir() and (SHARED / "eval" / "score.py").is_file()):
        raise pytest.UsageError(f"CI: ../shared (seeds, eval/score.py) not found at {SHARED}; "
                                "the quality gates would be skipped")


@pytest.fixture
def seeds_dir() -> Path:
    """The five third-party seed articles (read-only; never copy their sentences)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    return SEEDS


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path):
    st = Store(db_path)
    yield st
    st.close()


@pytest.fixture
def res(db_path) -> Resources:
    """Resources with the pipeline off (ingest/clean only); tests needing it build their own."""
    return Resources(Config(db=str(db_path), run_pipeline=False))
