"""The production profile on loopback, for `make prod-local` and the benchmarks: the
production settings (gunicorn, WhiteNoise, PostgreSQL, Elasticsearch, the task worker, the
shared cache, JSON logs) with only what plain HTTP on 127.0.0.1 needs changed: no HTTPS
redirect or HSTS, cookies without the Secure flag and ``__Host-`` prefix, and emails
delivered into files under var/prod-local/mail instead of over SMTP. Never for a server
reachable from outside."""

from kpo import env

from .production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_SECURE = False
CSRF_COOKIE_NAME = "csrftoken"
LANGUAGE_COOKIE_SECURE = False
CSRF_TRUSTED_ORIGINS = [f"http://{host}" for host in ALLOWED_HOSTS]
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
WAGTAILADMIN_BASE_URL = env.string("KPO_BASE_URL", f"http://{ALLOWED_HOSTS[0]}")
KPO_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env.string("KPO_EMAIL_FILE_PATH", str(BASE_DIR / "var" / "prod-local" / "mail"))
