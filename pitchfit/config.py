"""Settings from ``pitchfit.toml`` or ``[tool.pitchfit]`` in pyproject.toml, and CLI flags.

Keys are kebab-case in files and the same words as the library's keyword arguments::

    select = ["ALL"]            # codes, code prefixes, family names or rule names
    ignore = ["S104"]
    min-severity = "suggestion" # findings below are not reported
    fail-on = "error"           # exit 1 when a finding is at or above this
    fit-method = "auto"         # auto | semantic | lexical
    store = "sqlite:///path.db" # the reply/suppression store (or PITCHFIT_DB)

    [rules.too-long]            # per-rule options
    max-chars = 500

    [weights]                   # point overrides by rule name or code
    too-long = 6
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .rules.base import Severity

FIT_METHODS = ("auto", "semantic", "lexical")
_TOP_KEYS = {
    "select",
    "ignore",
    "min-severity",
    "fail-on",
    "fit-method",
    "store",
    "rules",
    "weights",
}


@dataclass(frozen=True)
class Settings:
    """Everything that changes what ``check`` reports. Immutable; use :meth:`merged`."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.SUGGESTION
    fail_on: Severity = Severity.ERROR
    fit_method: str = "auto"
    store: str | None = None
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    weights: Mapping[str, float] = field(default_factory=dict)
    source: str | None = None

    def rule_option(self, rule_name: str, key: str, default: Any) -> Any:
        """A per-rule option (``[rules.<name>] <key> = …``), else ``default``."""
        opts = self.rule_options.get(rule_name)
        if opts is None:
            return default
        return opts.get(key.replace("-", "_"), default)

    def merged(self, **changes: Any) -> Settings:
        """A copy with the given fields replaced (``None`` values are ignored)."""
        clean = {k: v for k, v in changes.items() if v is not None}
        if "min_severity" in clean:
            clean["min_severity"] = Severity.parse(clean["min_severity"])
        if "fail_on" in clean:
            clean["fail_on"] = Severity.parse(clean["fail_on"])
        if "rule_options" in clean:
            opts = {k: dict(v) for k, v in self.rule_options.items()}
            for name, values in clean["rule_options"].items():
                opts.setdefault(name, {}).update(values)
            clean["rule_options"] = opts
        if "weights" in clean:
            clean["weights"] = {**self.weights, **clean["weights"]}
        return replace(self, **clean)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``pitchfit.toml``, or ``pyproject.toml`` with ``[tool.pitchfit]``, upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pitchfit.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
            if "pitchfit" in data.get("tool", {}):
                return pyproject
    return None


def load_settings(path: str | Path | None = None, *, start: Path | None = None) -> Settings:
    """Read settings from ``path``, or the nearest config file, or defaults when none exists."""
    cfg = Path(path) if path is not None else find_config(start)
    settings = Settings()
    if cfg is None:
        return _with_env(settings)
    try:
        data = tomllib.loads(cfg.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError("no such file", where=str(cfg)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", where=str(cfg)) from None
    if cfg.name == "pyproject.toml":
        data = data.get("tool", {}).get("pitchfit", {})
    return _with_env(settings_from_mapping(data, where=str(cfg)))


def settings_from_mapping(data: Mapping[str, Any], *, where: str) -> Settings:
    """Validate a config mapping; errors name the file and the key."""
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigError(f"unknown key {unknown[0]!r}", where=where)
    try:
        min_sev = Severity.parse(data.get("min-severity", "suggestion"))
        fail_on = Severity.parse(data.get("fail-on", "error"))
    except ValueError as exc:
        raise ConfigError(str(exc), where=where) from None
    fit_method = str(data.get("fit-method", "auto"))
    if fit_method not in FIT_METHODS:
        raise ConfigError(f"fit-method must be one of {', '.join(FIT_METHODS)}", where=where)
    rules = data.get("rules", {})
    if not isinstance(rules, Mapping) or not all(isinstance(v, Mapping) for v in rules.values()):
        raise ConfigError(
            "[rules] must hold one table per rule, e.g. [rules.too-long]", where=where
        )
    weights = data.get("weights", {})
    if not isinstance(weights, Mapping):
        raise ConfigError("[weights] must map rule names or codes to points", where=where)
    try:
        weight_map = {str(k): float(v) for k, v in weights.items()}
    except (TypeError, ValueError):
        raise ConfigError("[weights] values must be numbers", where=where) from None
    validate_rule_keys([*rules, *weight_map], where=where)
    validate_rule_options(rules, where=where)
    store = data.get("store")
    if store is not None and not isinstance(store, str):
        raise ConfigError("store must be a database URL string", where=where)
    return Settings(
        select=_str_list(data.get("select", ["ALL"]), "select", where),
        ignore=_str_list(data.get("ignore", []), "ignore", where),
        min_severity=min_sev,
        fail_on=fail_on,
        fit_method=fit_method,
        store=store,
        rule_options=normalise_rule_options(rules),
        weights=weight_map,
        source=where,
    )


def validate_rule_keys(keys: Iterable[str], *, where: str) -> None:
    """Every key must name a rule (by name or code)."""
    from .rules.registry import get_rule

    for key in keys:
        if get_rule(key) is None:
            raise ConfigError(f"no rule named {key!r} (see `pitchfit rules`)", where=where)


def validate_rule_options(options: Mapping[str, Mapping[str, Any]], *, where: str) -> None:
    """Per-rule options must be options the rule has, of the same type as the default."""
    from .rules.registry import get_rule

    for key, values in options.items():
        cls = get_rule(key)
        if cls is None:
            raise ConfigError(f"no rule named {key!r}", where=where)
        for opt, value in values.items():
            name = opt.replace("-", "_")
            if name not in cls.options:
                known = ", ".join(k.replace("_", "-") for k in cls.options) or "none"
                raise ConfigError(
                    f"rule {cls.name} has no option {opt!r} (options: {known})", where=where
                )
            default = cls.options[name]
            if isinstance(default, bool) != isinstance(value, bool) or (
                isinstance(default, (int, float)) and not isinstance(value, (int, float))
            ):
                raise ConfigError(
                    f"rules.{cls.name}.{opt} must be {type(default).__name__}", where=where
                )


def normalise_rule_options(options: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Key per-rule options by rule name and snake_case option names."""
    from .rules.registry import get_rule

    out: dict[str, dict[str, Any]] = {}
    for key, values in options.items():
        cls = get_rule(key)
        name = cls.name if cls else key
        out.setdefault(name, {}).update({k.replace("-", "_"): v for k, v in values.items()})
    return out


def _str_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings", where=where)
    return tuple(v.strip() for v in value)


def _with_env(settings: Settings) -> Settings:
    env_db = os.environ.get("PITCHFIT_DB")
    if env_db and settings.store is None:
        return replace(settings, store=env_db)
    return settings
