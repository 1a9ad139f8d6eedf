"""The cluster tests' app servers: the production profile on loopback (``prod_local``)
unchanged but for static files, which are not collected for the tests (no manifest)."""

from kpo.settings.prod_local import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The test process creates the users, with the test settings' fast hasher.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]
