"""Security headers on every kind of response: pages, error pages, the CSRF failure page,
the Wagtail admin and document downloads; and the frame policy's two opt-ins."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

from kennisbank.factories import HandreikingDocumentFactory, HandreikingPageFactory
from kennisbank.models import KennisbankIndexPage
from kpo.factories import TEST_PASSWORD, StaffUserFactory, VerifiedUserFactory
from kpo.tests.test_settings import PRODUCTION_ENV, run_manage

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls_frames")]


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_secure_headers(response):
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in csp[directive]
        assert "'unsafe-eval'" not in csp[directive]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    return csp


def assert_not_frameable(response):
    csp = assert_secure_headers(response)
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    return csp


@pytest.fixture
def handreiking(home_page):
    page = HandreikingPageFactory(parent=KennisbankIndexPage.objects.get(), title="Handboek")
    HandreikingDocumentFactory(page=page)
    page.save_revision().publish()
    return page


def test_pages_send_every_security_header_and_frame_nothing(client, handreiking):
    for url in ("/", handreiking.url, "/zoeken/?q=bibob", "/accounts/login/"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = assert_not_frameable(response)
        assert csp["frame-src"] == ["'none'"]


def test_inline_code_needs_the_nonce_of_this_response(client, db):
    nonces = []
    for _ in range(2):
        response = client.get("/inline/")
        nonce = response.content.decode().split('"')[1]
        assert f"'nonce-{nonce}'" in policy(response)["script-src"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_error_pages_send_the_security_headers(home_page):
    client = Client(raise_request_exception=False)
    with override_settings(DEBUG=False):
        for url, status in (("/bestaat-niet/", 404), ("/verboden/", 403), ("/kapot/", 500)):
            response = client.get(url)
            assert response.status_code == status
            assert_not_frameable(response)


def test_the_csrf_failure_page_sends_the_security_headers(home_page):
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"login": "x"})
    assert response.status_code == 403
    assert_not_frameable(response)


def test_document_downloads_send_the_security_headers(client, handreiking):
    document = handreiking.documents.first().document
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # Wagtail's own, stricter policy for files: nothing in them may load or run.
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_admin_sends_the_headers_and_may_frame_only_its_own_preview(client, handreiking):
    client.force_login(StaffUserFactory(is_superuser=True))
    edit = client.get(f"/admin/pages/{handreiking.pk}/edit/")
    assert edit.status_code == 200
    assert assert_not_frameable(edit)["frame-src"] == ["'self'"]

    preview = client.get(f"/admin/pages/{handreiking.pk}/edit/preview/")
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert assert_secure_headers(preview)["frame-ancestors"] == ["'self'"]


def test_a_player_may_frame_same_origin_content_and_that_content_only_same_origin(client, db):
    player = client.get("/speler/")
    assert assert_not_frameable(player)["frame-src"] == ["'self'"]

    content = client.get("/inhoud/")
    csp = assert_secure_headers(content)
    assert content["X-Frame-Options"] == "SAMEORIGIN"
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["frame-src"] == ["'none'"]


def test_cookies_are_httponly_and_samesite(client, home_page):
    member = VerifiedUserFactory()
    response = client.post("/accounts/login/", {"login": member.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        cookie = response.cookies[name]
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


def test_production_cookies_are_host_only_secure_and_https_is_enforced():
    command = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT)"
    )
    result = run_manage("shell", "-c", command, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "True",
        "True",
        "31536000",
        "True",
    ]
