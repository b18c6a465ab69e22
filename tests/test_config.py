"""Config files: found upwards, validated with file and key in the error, flags win."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitchfit.config import load_settings
from pitchfit.errors import ConfigError
from pitchfit.rules.base import Severity


def test_pitchfit_toml_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pitchfit.toml").write_text(
        'ignore = ["hype"]\nfail-on = "warning"\n[rules.too-long]\nmax-chars = 500\n'
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    settings = load_settings(start=sub)
    assert settings.ignore == ("hype",)
    assert settings.fail_on is Severity.WARNING
    assert settings.rule_option("too-long", "max_chars", 400) == 500


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pitchfit]\nselect = ["style"]\n')
    assert load_settings(start=tmp_path).select == ("style",)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('selekt = ["ALL"]\n', "unknown key 'selekt'"),
        ('fail-on = "fatal"\n', "unknown severity"),
        ('[rules.too-long]\nmax-chars = "many"\n', "must be int"),
        ("[rules.too-long]\nmax-words = 3\n", "has no option 'max-words'"),
        ("[rules.not-a-rule]\nx = 1\n", "no rule named 'not-a-rule'"),
        ('[weights]\nhype = "high"\n', "must be numbers"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, needle: str) -> None:
    cfg = tmp_path / "pitchfit.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert needle in str(err.value)
    assert str(cfg) in str(err.value)


def test_merged_flags_override_file(tmp_path: Path) -> None:
    (tmp_path / "pitchfit.toml").write_text('fail-on = "warning"\n')
    settings = load_settings(start=tmp_path).merged(fail_on="error", weights={"hype": 3.0})
    assert settings.fail_on is Severity.ERROR
    assert settings.weights == {"hype": 3.0}
