"""Production settings refuse to start without their secrets, and pass the deploy checks."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION_ENV = {
    "SECRET_KEY": "test-only-3f9c1a7e5b2d8f4c6a0e9b7d5c3a1f8e6d4b2a0c9e7f5d3b1",
    "DATABASE_URL": "postgres://kpo:secret@127.0.0.1:5432/kpo",
    "ALLOWED_HOSTS": "kennisplatform.example",
}


def run_manage(*args, **env_overrides):
    inherited = set(PRODUCTION_ENV) | {"DJANGO_ALLOW_ASYNC_UNSAFE"}  # set for browser tests
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update({"DJANGO_SETTINGS_MODULE": "kpo.settings.production", **env_overrides})
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_a_secret(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = run_manage("check", **env)

    assert result.returncode != 0
    assert f"The environment variable {missing} is required but not set." in result.stderr


def test_production_settings_pass_the_deploy_checks():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_session_cookie_is_host_only_and_secure():
    command = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.DEBUG, s.WAGTAILDOCS_SERVE_METHOD)"
    )
    result = run_manage("shell", "-c", command, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "__Host-sessionid",
        "True",
        "False",
        "serve_view",
    ]


def test_the_scorm_content_host_is_no_trusted_csrf_origin():
    command = "from django.conf import settings as s; print(*s.CSRF_TRUSTED_ORIGINS)"
    env = {
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": "kennisplatform.example,scorm.kennisplatform.example",
        "KPO_SCORM_CONTENT_ORIGIN": "https://scorm.kennisplatform.example",
    }
    result = run_manage("shell", "-c", command, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "https://kennisplatform.example"
