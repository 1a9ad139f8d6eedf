"""Settings shared by every environment. Environment-specific modules import from here."""

from pathlib import Path

from csp.constants import NONCE, NONE, REPORT_SAMPLE, SELF
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from kpo import env

BASE_DIR = Path(__file__).resolve().parents[2]
NODE_MODULES = BASE_DIR / "node_modules"

DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "kpo",
    "kennisbank",
    "communities",
    "academie",
    "search",
    "django_tasks_db",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "kpo.apps.KpoUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "csp",
]

FORM_RENDERER = "kpo.forms.KpoFormRenderer"

MIDDLEWARE = [
    # Answers /health/ before host checks, sessions and caching (kpo/health.py).
    "kpo.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before XFrameOptionsMiddleware, so that it sees the X-Frame-Options header (kpo/csp.py).
    "kpo.csp.ContentSecurityPolicyMiddleware",
    # On the separate SCORM content host only package content is answered (academie/README.md).
    "academie.scorm.middleware.ContentHostMiddleware",
    # Public pages for anonymous visitors, before any session or user lookup.
    "kpo.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Dutch unless the visitor chose English with the language switch (kpo/language.py).
    "kpo.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The site, page routes and view restrictions from the cache (kpo/routing.py).
    "kpo.routing.CachedRoutingMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "kpo.mfa.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "kpo.urls"
WSGI_APPLICATION = "kpo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.i18n",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Database: SQLite is the embedded default; DATABASE_URL selects PostgreSQL. ---
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "var" / "kpo.sqlite3",
    }
}

# --- Sessions: in the database, read through the cache (written to both). This needs the
# cache to be shared by every process that serves the site (KPO_CACHE_URL below): ending a
# session on one process must end it on all of them. ---
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Users and authentication: every login goes through allauth. ---
AUTH_USER_MODEL = "kpo.User"
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "kpo.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[KPO] "
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# allauth's default rate limits stay on (ACCOUNT_RATE_LIMITS unset): among others 5 failed
# logins per account per 5 minutes, 10 per IP per minute, 5 reset emails per address a minute.
# The client IP for rate limits: X-Forwarded-For is only trusted for the number of
# proxies we run ourselves (0 = ignore the header entirely, so it cannot be spoofed).
ALLAUTH_TRUSTED_PROXY_COUNT = env.integer("KPO_TRUSTED_PROXY_COUNT", 0)
# Password change keeps this session; kpo.audit ends every other one (allauth.usersessions
# records each login's session).
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Kennisplatform Ondermijning"
MFA_PASSKEY_LOGIN_ENABLED = False
# Staff (editors, editorial board, community managers, administrators) must use MFA.
KPO_REQUIRE_MFA_FOR_STAFF = env.boolean("KPO_REQUIRE_MFA_FOR_STAFF", True)
# Retention (kpo/retention.py, `manage.py kpo_retention`, run daily).
KPO_REJECTED_RETENTION_DAYS = env.integer("KPO_REJECTED_RETENTION_DAYS", 30)
KPO_AUDIT_IP_RETENTION_DAYS = env.integer("KPO_AUDIT_IP_RETENTION_DAYS", 90)

# --- Internationalisation: Dutch first, English second. ---
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language switch's choice is remembered for a year (kpo/language.py).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files and media. Front-end packages come from npm, never copied in. ---
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/utrecht-tokens", NODE_MODULES / "@utrecht" / "design-tokens" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/scorm-again", NODE_MODULES / "scorm-again" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.string("KPO_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Private downloads (documents, community files, attachments) after the access check:
# streamed by Django, or with media on S3 (KPO_S3_BUCKET, kpo/s3storage.py) "redirect" to a
# presigned URL valid for KPO_S3_URL_SECONDS.
KPO_MEDIA_DOWNLOADS = env.choice("KPO_MEDIA_DOWNLOADS", ["stream", "redirect"])
KPO_S3_URL_SECONDS = env.integer("KPO_S3_URL_SECONDS", 60)

# --- Email ---
DEFAULT_FROM_EMAIL = env.string(
    "DEFAULT_FROM_EMAIL", "Kennisplatform Ondermijning <noreply@kpo.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# With EMAIL_BACKEND = "kpo.mail.TaskEmailBackend", the backend the worker delivers with.
KPO_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# --- Wagtail ---
WAGTAIL_SITE_NAME = "Kennisplatform Ondermijning"
WAGTAILADMIN_BASE_URL = env.string("KPO_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = reverse_lazy("account_login")
# Passwords are managed by allauth only (rate limits, MFA, enumeration protection).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Email changes go through allauth too (verification and re-authentication).
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Shared page and collection passwords are stored in plain text: switched off.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Documents are only ever served through Django, which checks access first.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every upload is checked by content in kpo/uploads.py; these forms call it. The document
# form also keeps a replaced file as an earlier version (kennisbank/versions.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "kennisbank.document_forms.VersionedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "kpo.media_forms.ImageForm"
WAGTAILDOCS_EXTENSIONS = [
    *("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"),
    *("png", "jpg", "jpeg", "gif", "webp"),
    *("mp4", "webm", "vtt"),
]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Optional virus scan of every upload: clamd at "host:port" or a unix socket path.
KPO_CLAMD_ADDRESS = env.string("KPO_CLAMD_ADDRESS", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Days of search-term counts kept by `searchpromotions_garbage_collect` (scheduled daily):
# the Zoektermen report looks back up to a year.
WAGTAILSEARCH_HITS_MAX_AGE = 365
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_I18N_ENABLED = False
# Staff choose from the time zones of the Kingdom of the Netherlands. Wagtail's default list
# (every zone the system knows) includes names such as "localtime" that browsers reject,
# which broke the admin account page's script.
WAGTAIL_USER_TIME_ZONES = [
    "Europe/Amsterdam",
    "America/Aruba",
    "America/Curacao",
    "America/Kralendijk",
    "America/Lower_Princes",
    "UTC",
]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

# --- Site search (search/): the database engine, or Elasticsearch when its URL is set. ---
ELASTICSEARCH_URL = env.string("ELASTICSEARCH_URL")
# Index names start with this prefix, one per environment sharing a cluster.
KPO_SEARCH_INDEX_PREFIX = env.string("KPO_SEARCH_INDEX_PREFIX", "kpo-")
# Seconds an Elasticsearch request may take: searches and single updates (then search falls
# back to the database engine), and index management (create, bulk fill, alias switch).
KPO_ELASTICSEARCH_TIMEOUT = env.integer("KPO_ELASTICSEARCH_TIMEOUT", 5)
KPO_ELASTICSEARCH_ADMIN_TIMEOUT = env.integer("KPO_ELASTICSEARCH_ADMIN_TIMEOUT", 60)

# --- Background tasks (django-tasks): run at once by default; index updates catch engine
# errors themselves, so saving never fails on the search engine. KPO_TASKS_BACKEND=database
# stores them in the database for `manage.py db_worker` (the production profile). ---
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env.choice("KPO_TASKS_BACKEND", TASK_BACKENDS)]}}

# --- Cache: per process by default; KPO_CACHE_URL selects a cache shared by all processes
# (and app servers): file:///path or db://table_name (see docs/operations.md). ---
CACHES = {"default": env.cache("KPO_CACHE_URL")}
# How long a public page rendered for anonymous visitors is kept (kpo/page_cache.py); 0 is off.
KPO_PAGE_CACHE_SECONDS = env.integer("KPO_PAGE_CACHE_SECONDS", 300)

# --- Academie: SCORM package files are served from this separate origin when set (e.g.
# https://scorm.kpo.example, routed to the same application); empty: from the site itself.
# See academie/README.md for the trade-off. ---
KPO_SCORM_CONTENT_ORIGIN = env.string("KPO_SCORM_CONTENT_ORIGIN", "")

# --- Demo content ---
KPO_DEMO_PASSWORD = env.string("KPO_DEMO_PASSWORD", "kpo-demo-2026")

# --- Security defaults shared by every environment ---
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Forms carry the token; no script reads the cookie (Wagtail's admin and htmx neither).
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (django-csp, kpo/csp.py): no inline code without the request's
# nonce, never 'unsafe-inline' or 'unsafe-eval', no plug-ins, no framing unless a view opts in.
DRAFTJS_LIST_STYLE_HASH = "'sha256-Mhr2Q/2u+/s2WzwlFRrqCw7x0IU+emukGS8Q9RtPZ44='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, REPORT_SAMPLE],
        # The hash: the list-numbering <style> of Wagtail's rich-text editor (Draft.js).
        "style-src": [SELF, NONCE, REPORT_SAMPLE, DRAFTJS_LIST_STYLE_HASH],
        "style-src-attr": [NONE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
    }
}
# The admin shows avatars from our own storage only, never from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Logs go to stdout/stderr; KPO_LOG_FORMAT=json writes one JSON object per line.
LOG_FORMATTERS = {
    "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    },
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": LOG_FORMATTERS,
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.choice("KPO_LOG_FORMAT", LOG_FORMATTERS),
        }
    },
    "root": {"handlers": ["console"], "level": env.string("KPO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Per-task and per-publish lines are noise at INFO; failures still show.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
        # fpdf2 subsets the certificate font with fontTools, which logs every step at INFO.
        "fontTools": {"level": "WARNING"},
    },
}
