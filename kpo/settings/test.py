"""Test suite settings. The database comes from DATABASE_URL, which `make test` points at
the PostgreSQL server it starts; without it the suite refuses to run."""

import tempfile

import dj_database_url

from kpo import env

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {"default": dj_database_url.parse(env.required("DATABASE_URL"))}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kpo-test-media-"))  # noqa: F405
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# Search tests choose their engine themselves (search/tests/conftest.py).
ELASTICSEARCH_URL = ""
KPO_SEARCH_INDEX_PREFIX = "kpo-test-"
KPO_REQUIRE_MFA_FOR_STAFF = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests that need the page cache turn it on themselves (kpo/tests/test_page_cache.py).
KPO_PAGE_CACHE_SECONDS = 0
