"""Steps the browser journeys share: logging in (with a TOTP code where the account has
an authenticator) and reading links from the emails the live server sent."""

import re
import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.urls import reverse

from kpo.factories import TEST_PASSWORD

# allauth accepts only the current period's code (MFA_TOTP_TOLERANCE 0): a code taken just
# before the period ends could expire before the server checks it.
TOTP_SAFETY_SECONDS = 10


def totp_code(secret):
    """The code an authenticator app shows for ``secret``, from a period that will not end
    before the login step has been submitted."""
    period = mfa_settings.TOTP_PERIOD
    remaining = period - time.time() % period
    if remaining < TOTP_SAFETY_SECONDS:
        time.sleep(remaining)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def submit_password(page, email, password=TEST_PASSWORD):
    page.fill('input[name="login"]', email)
    page.fill('input[name="password"]', password)
    page.locator('form:has(input[name="password"]) button[type="submit"]').click()


def log_in(page, base_url, email, *, totp_secret=None, next_url="/"):
    """Log in through allauth's form; answer the TOTP step when ``totp_secret`` is given.
    Waits until the browser has arrived at ``next_url``."""
    page.goto(f"{base_url}{reverse('account_login')}?next={next_url}")
    submit_password(page, email)
    if totp_secret is not None:
        page.wait_for_url(lambda url: reverse("mfa_authenticate") in url)
        page.fill('input[name="code"]', totp_code(totp_secret))
        page.locator('form:has(input[name="code"]) button[type="submit"]').click()
    page.wait_for_url(base_url + next_url)


def link_in_last_email(to, path_fragment):
    """The absolute link containing ``path_fragment`` in the last email sent to ``to``."""
    message = [message for message in mail.outbox if to in message.to][-1]
    match = re.search(rf"(https?://\S*{re.escape(path_fragment)}\S*)", message.body)
    assert match, f"no link containing {path_fragment!r} in:\n{message.body}"
    return match.group(1)
