"""Workspace settings: factcheck.toml over the documented defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.settings import Settings
from factcheck.workspace import load_settings


def test_defaults_without_a_file(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == Settings()


def test_tolerances_and_synonyms_from_toml(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(
        'approx_tolerance = 0.05\nlink_threshold = 0.5\n[events]\nkilled = ["Slain"]\n'
        'evacuated = ["evacuate"]\n[nouns]\ntroops = ["marine"]\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path)
    assert settings.approx_tolerance == 0.05
    assert settings.link_threshold == 0.5
    assert "slain" in settings.events["killed"]
    assert "kill" in settings.events["killed"]  # defaults kept
    assert settings.events["evacuated"] == ["evacuate"]
    assert "marine" in settings.nouns["troops"]


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("approx_tolerance = 'x'\n", "approx_tolerance"),
        ("approx_tolerance = 2\n", "approx_tolerance"),
        ("unknown_key = 1\n", "unknown_key"),
        ("[events]\nkilled = 'slain'\n", "[events]"),
        ("this is not toml", "cannot read settings"),
    ],
)
def test_bad_settings_are_one_line_errors(tmp_path: Path, text: str, fragment: str) -> None:
    (tmp_path / "factcheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_settings(tmp_path)
    message = str(raised.value)
    assert fragment in message
    assert "\n" not in message
