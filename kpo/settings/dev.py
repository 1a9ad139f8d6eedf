"""Local development: SQLite (or DATABASE_URL if set), database search, local media,
email on the console."""

import dj_database_url

from kpo import env

from .base import *  # noqa: F403

if env.string("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(env.string("DATABASE_URL"))}

DEBUG = env.boolean("DEBUG", True)
SECRET_KEY = env.string("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# `make run` logs in with the demo staff accounts without an authenticator app;
# set KPO_REQUIRE_MFA_FOR_STAFF=true to try the MFA enrolment as in production.
KPO_REQUIRE_MFA_FOR_STAFF = env.boolean("KPO_REQUIRE_MFA_FOR_STAFF", False)
# Edited templates show at once: no page cache unless asked for.
KPO_PAGE_CACHE_SECONDS = env.integer("KPO_PAGE_CACHE_SECONDS", 0)
