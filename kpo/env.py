"""Typed access to environment variables for the settings modules.

Secrets have no defaults in production: ``required()`` raises
``ImproperlyConfigured`` naming the missing variable, so the process refuses to
start instead of running with a guessable value.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def required(name: str) -> str:
    """Return the variable's value, or refuse to start when it is missing or empty."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required but not set.")
    return value


def string(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def boolean(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def integer(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from error


def listing(value: str) -> list[str]:
    """Split a comma-separated value into its non-empty, stripped parts."""
    return [part.strip() for part in value.split(",") if part.strip()]
