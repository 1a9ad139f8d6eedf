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


def choice(name: str, choices, default: str | None = None) -> str:
    """One of ``choices`` (the first one by default); anything else refuses to start."""
    options = list(choices)
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default or options[0]
    if raw not in options:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(options)}, not {raw!r}.")
    return raw


def cache(name: str) -> dict:
    """A ``CACHES`` entry from a URL: empty for a per-process memory cache,
    ``file:///path`` for a folder shared by the processes of one server,
    ``db://table`` for a table shared by every app server (create it with
    ``manage.py createcachetable``), or ``redis://host:port/db`` (``rediss://`` with TLS)
    for Redis shared by every app server (``kpo.cache``, the cluster profile)."""
    url = string(name)
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith(("redis://", "rediss://")):
        return redis_cache(url)
    scheme, _sep, location = url.partition("://")
    backends = {
        "file": "django.core.cache.backends.filebased.FileBasedCache",
        "db": "django.core.cache.backends.db.DatabaseCache",
    }
    if scheme not in backends or not location:
        raise ImproperlyConfigured(
            f"{name} must be file:///path, db://table or redis://host:port/db, not {url!r}."
        )
    return {
        "BACKEND": backends[scheme],
        "LOCATION": location,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }


def redis_cache(url: str) -> dict:
    """Redis with short timeouts: an unreachable Redis costs a request a fraction of a
    second, after which ``kpo.cache`` leaves it alone for ``KPO_CACHE_RETRY_SECONDS``."""
    timeout = integer("KPO_CACHE_TIMEOUT_MS", 500) / 1000
    return {
        "BACKEND": "kpo.cache.TolerantRedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "socket_connect_timeout": timeout,
            "socket_timeout": timeout,
            "RETRY_SECONDS": integer("KPO_CACHE_RETRY_SECONDS", 5),
        },
    }


def media_storage() -> dict:
    """The ``STORAGES["default"]`` entry: local files, or the S3-compatible bucket
    ``KPO_S3_BUCKET`` (``kpo.s3storage``; then its credentials are required)."""
    bucket = string("KPO_S3_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    from botocore.config import Config

    # A store that is down or hangs answers a request well inside the app server's 30 s
    # worker timeout: connect and read timeouts in seconds, attempts including the first.
    connect_timeout = integer("KPO_S3_TIMEOUT", 3)
    read_timeout = integer("KPO_S3_READ_TIMEOUT", 8)
    attempts = integer("KPO_S3_ATTEMPTS", 2)
    return {
        "BACKEND": "kpo.s3storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": string("KPO_S3_ENDPOINT_URL") or None,
            "access_key": required("KPO_S3_ACCESS_KEY_ID"),
            "secret_key": required("KPO_S3_SECRET_ACCESS_KEY"),
            "region_name": string("KPO_S3_REGION", "us-east-1"),
            "client_config": Config(
                connect_timeout=connect_timeout,
                read_timeout=read_timeout,
                retries={"total_max_attempts": attempts, "mode": "standard"},
                signature_version="s3v4",
                s3={"addressing_style": choice("KPO_S3_ADDRESSING_STYLE", ["path", "virtual"])},
            ),
        },
    }
