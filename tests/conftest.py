"""Shared fixtures: every test runs in its own temporary workspace."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point FACTCHECK_WORKSPACE at tmp_path and run from there, so no test touches the real one."""
    monkeypatch.setenv("FACTCHECK_WORKSPACE", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path
