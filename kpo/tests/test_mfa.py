"""Staff must set up MFA before they can use anything else, including the Wagtail admin."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern

from kpo import roles
from kpo.factories import StaffUserFactory, VerifiedUserFactory, activate_totp
from kpo.mfa import EXEMPT_URL_NAMES

pytestmark = pytest.mark.django_db

PROTECTED_URLS = ["/", "/admin/", "/admin/pages/", "/admin/users/", "/mijn-account/", "/zoeken/"]


@pytest.mark.parametrize("path", PROTECTED_URLS)
def test_superuser_without_mfa_is_sent_to_mfa_setup(client, home_page, path):
    client.force_login(VerifiedUserFactory(is_staff=True, is_superuser=True, mfa=False))

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@pytest.mark.parametrize("group", roles.STAFF_GROUPS)
def test_every_staff_role_without_mfa_is_sent_to_mfa_setup(client, home_page, group):
    client.force_login(StaffUserFactory(group=group, mfa=False))

    for path in PROTECTED_URLS:
        response = client.get(path)
        assert (response.status_code, response.url) == (302, reverse("mfa_activate_totp")), path


def test_mfa_setup_itself_and_logout_stay_reachable(client, home_page):
    client.force_login(StaffUserFactory(group=roles.EDITORS, mfa=False))

    assert client.get(reverse("mfa_index")).status_code == 200
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response.url.startswith(reverse("account_reauthenticate"))
    assert client.post(reverse("account_logout")).status_code == 302


def test_staff_with_an_authenticator_get_in(client, home_page):
    user = VerifiedUserFactory(is_staff=True, is_superuser=True, mfa=False)
    activate_totp(user)
    client.force_login(user)

    assert client.get("/admin/").status_code == 200
    assert client.get("/mijn-account/").status_code == 200


def test_members_do_not_need_mfa(member_client, home_page):
    assert member_client.get("/mijn-account/").status_code == 200


@override_settings(KPO_REQUIRE_MFA_FOR_STAFF=False)
def test_the_requirement_can_be_switched_off_for_local_demos(client, home_page):
    client.force_login(VerifiedUserFactory(is_staff=True, is_superuser=True, mfa=False))
    assert client.get("/admin/").status_code == 200


def test_joining_a_staff_group_makes_a_user_staff_and_leaving_undoes_it(db):
    user = VerifiedUserFactory()
    assert not user.is_staff

    user.groups.add(Group.objects.get(name=roles.EDITORS))
    assert user.is_staff

    Group.objects.get(name=roles.EDITORS).user_set.clear()
    user.refresh_from_db()
    assert not user.is_staff


def test_wagtail_account_settings_do_not_change_the_email_address(client, home_page):
    user = StaffUserFactory(group=roles.EDITORS)
    client.force_login(user)

    response = client.get("/admin/account/")

    assert response.status_code == 200
    assert 'name="name_email-email"' not in response.content.decode()


def test_staff_save_their_name_and_admin_preferences(client, home_page):
    user = StaffUserFactory(group=roles.EDITORS, full_name="Oude Naam")
    client.force_login(user)

    response = client.post(
        "/admin/account/",
        {
            "name-full_name": "Ruben de Vries",
            "locale-preferred_language": "nl",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.full_name == "Ruben de Vries"


def route_paths(patterns=None, prefix="/"):
    """A concrete path for every route-style URL pattern (project, allauth, Wagtail admin),
    with 1 or "x" for each parameter; the page-serving regex catch-all is left out."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        route = pattern.pattern
        if not isinstance(route, RoutePattern) and "(" in str(route):
            continue
        text = str(route).removeprefix("^").removesuffix("$")
        text = re.sub(r"<int:\w+>", "1", text)
        text = re.sub(r"<\w+:\w+>|<\w+>", "x", text)
        if isinstance(pattern, URLResolver):
            yield from route_paths(pattern.url_patterns, prefix + text)
        else:
            yield prefix + text


def test_staff_without_mfa_are_sent_to_mfa_setup_from_every_url(client, home_page):
    client.force_login(StaffUserFactory(group=roles.EDITORS, mfa=False))
    paths = sorted(set(route_paths()))
    assert len(paths) > 300 and "/admin/pages/1/edit/" in paths
    checked = []

    for path in paths:
        match = resolve(path)
        if match.url_name in EXEMPT_URL_NAMES or (match.url_name or "").startswith("mfa_"):
            continue
        response = client.get(path)
        assert (response.status_code, response.get("Location")) == (
            302,
            reverse("mfa_activate_totp"),
        ), path
        checked.append(path)

    assert "/admin/" in checked and "/collegas/" in checked and "/mijn-account/" in checked
