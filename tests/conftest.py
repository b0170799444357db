"""Shared fixtures: the repository's sample letters, the `../shared` folder beside the repository (eval
gold), and one spaCy pipeline per test session."""

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return REPO / "samples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def gold(shared_dir: Path) -> dict:
    path = shared_dir / "eval" / "gold_samples.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent: clone the shared folder beside the repository")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from parsers.nlp import load_pipeline

    return load_pipeline()
