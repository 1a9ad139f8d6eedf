"""A security key (WebAuthn) end to end in the real Chromium: a member registers one on
allauth's MFA pages and then logs in with it. Chromium's virtual authenticator (DevTools
protocol ``WebAuthn`` domain) plays the key.

The origin is the live server's http://localhost, which browsers and fido2 (>= 1.1.3)
treat as a secure context, so ``MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN`` stays off: the
server checks the origin exactly as in production."""

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.urls import reverse

from kpo.factories import TEST_PASSWORD, VerifiedUserFactory
from kpo.models import AuditEvent
from tests.browser_steps import log_in, submit_password

pytestmark = pytest.mark.django_db(transaction=True)

VIRTUAL_SECURITY_KEY = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
    "automaticPresenceSimulation": True,
}


def attach_security_key(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": VIRTUAL_SECURITY_KEY})
    return cdp, authenticator["authenticatorId"]


def test_member_registers_a_security_key_and_logs_in_with_it(browser_page, live_server, home_page):
    assert not getattr(settings, "MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", False)
    member = VerifiedUserFactory(email="sleutel@gemeente.example", full_name="Sanne Sleutel")
    page = browser_page
    cdp, authenticator_id = attach_security_key(page)

    log_in(page, live_server.url, member.email)
    page.goto(live_server.url + reverse("mfa_add_webauthn"))
    page.wait_for_url(lambda url: reverse("account_reauthenticate") in url)
    page.fill('input[name="password"]', TEST_PASSWORD)
    page.locator('form:has(input[name="password"]) button[type="submit"]').click()
    page.wait_for_url(lambda url: url.endswith(reverse("mfa_add_webauthn")))
    page.fill('input[name="name"]', "Sleutel van Sanne")
    page.click("#mfa_webauthn_add")
    page.wait_for_url(lambda url: reverse("mfa_add_webauthn") not in url)

    key = Authenticator.objects.get(user=member, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Sleutel van Sanne"
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    assert len(credentials["credentials"]) == 1
    assert AuditEvent.objects.filter(
        kind=AuditEvent.Kind.MFA_ADDED, user=member, detail="webauthn"
    ).exists()

    page.context.clear_cookies()
    page.goto(live_server.url + reverse("account_login"))
    submit_password(page, member.email)
    page.wait_for_url(lambda url: reverse("mfa_authenticate") in url)
    page.click("#mfa_webauthn_authenticate")
    page.wait_for_url(live_server.url + "/")

    assert page.get_by_role("link", name="Mijn account").is_visible()
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    assert credentials["credentials"][0]["signCount"] >= 1
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN, user=member).count() == 2
