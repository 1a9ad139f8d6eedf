"""Production: every secret comes from the environment and has no default."""

import dj_database_url

from kpo import env

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env.required("SECRET_KEY")
ALLOWED_HOSTS = env.listing(env.required("ALLOWED_HOSTS"))
DATABASES = {
    "default": dj_database_url.parse(
        env.required("DATABASE_URL"), conn_max_age=60, conn_health_checks=True
    )
}
# Never the SCORM content host (academie/README.md): package scripts run there.
CSRF_TRUSTED_ORIGINS = [
    f"https://{host}"
    for host in ALLOWED_HOSTS
    if not host.startswith(".") and f"https://{host}" != KPO_SCORM_CONTENT_ORIGIN.rstrip("/")  # noqa: F405
]
WAGTAILADMIN_BASE_URL = env.string("KPO_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# Emails are queued as background tasks; the worker delivers them over SMTP (kpo/mail.py).
EMAIL_BACKEND = "kpo.mail.TaskEmailBackend"
EMAIL_HOST = env.string("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.string("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.string("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", False)

# Static files: collected, fingerprinted and compressed by `collectstatic`, served by
# WhiteNoise from the app server with far-future cache headers.
# Media: local files (KPO_MEDIA_ROOT), or a private S3-compatible bucket (KPO_S3_BUCKET).
STORAGES = {
    "default": env.media_storage(),
    "staticfiles": {"BACKEND": "kpo.storage.StaticFilesStorage"},
}
if env.string("KPO_S3_BUCKET") and KPO_MEDIA_DOWNLOADS == "redirect":
    # Wagtail redirects to the document's presigned URL after before_serve_document.
    WAGTAILDOCS_SERVE_METHOD = "redirect"
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)

# Background tasks in the database, run by `manage.py db_worker` (docs/operations.md).
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS[env.choice("KPO_TASKS_BACKEND", ["database", "immediate"])]
    }
}
# One cache for every worker process of this server; with several app servers set
# KPO_CACHE_URL=redis://… (the cluster profile, kpo/cache.py) or db://kpo_cache.
CACHES = {
    "default": env.cache("KPO_CACHE_URL")
    if env.string("KPO_CACHE_URL")
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(BASE_DIR / "var" / "cache"),
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}
# One JSON object per log line on stdout, for the log collector.
LOGGING["handlers"]["console"]["formatter"] = env.choice("KPO_LOG_FORMAT", ["json", "text"])

# HTTPS only, behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Rate limits use the address our own proxy appended to X-Forwarded-For, never one a
# client sent along (allauth counts from the right).
ALLAUTH_TRUSTED_PROXY_COUNT = env.integer("KPO_TRUSTED_PROXY_COUNT", 1)
KPO_REQUIRE_MFA_FOR_STAFF = True
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
# Load balancers probe over plain HTTP (kpo/health.py answers before the redirect anyway).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = True
