"""Shared helpers for the benchmarks that run against `make prod-local`: its environment,
Django set up on the same database (to find the URLs to measure), logged-in HTTP
sessions, and percentiles."""

import os
import re
import sys
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
ENV_FILE = ROOT / "var" / "prod-local" / "env"
RESULTS = ROOT / "bench" / "results"
MEMBER = "lid@kpo.example"


def load_env() -> str:
    """Read prod-local's environment into os.environ; return its base URL."""
    if not ENV_FILE.exists():
        raise SystemExit("prod-local is not running: start it with `make prod-local`.")
    for line in ENV_FILE.read_text().splitlines():
        for assignment in line.removeprefix("export ").split():
            name, _sep, value = assignment.partition("=")
            os.environ[name] = value
    return os.environ["KPO_PROD_URL"]


def setup_django():
    load_env()
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def login(base_url: str, email: str = MEMBER, forwarded_for: str | None = None):
    """A requests session logged in through allauth's form, as a browser would."""
    session, response = post_login(base_url, email, forwarded_for)
    if response.status_code != 302:
        raise SystemExit(f"login as {email} failed: {response.status_code}")
    return session


def post_login(base_url: str, email: str = MEMBER, forwarded_for: str | None = None):
    """Send allauth's login form with the demo password; the session and the response (a
    302 when it succeeded)."""
    from django.conf import settings

    session = requests.Session()
    if forwarded_for:
        session.headers["X-Forwarded-For"] = forwarded_for
    page = session.get(f"{base_url}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{base_url}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": email, "password": settings.KPO_DEMO_PASSWORD},
        headers={"Referer": f"{base_url}/accounts/login/"},
        timeout=30,
        allow_redirects=False,
    )
    return session, response


def percentile(sorted_values, fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def static_reference(base_url: str) -> str:
    """The fingerprinted stylesheet the pages link to, served by WhiteNoise."""
    html = requests.get(f"{base_url}/", timeout=30).text
    return re.search(r'href="(/static/css/kpo[^"]*\.css)"', html).group(1)


def save(name: str, data) -> Path:
    import json

    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, default=str))
    return path
