"""The security audit log: what is recorded, and who may read it in the Wagtail admin."""

import time

import pytest
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from kpo import roles
from kpo.factories import TEST_PASSWORD, StaffUserFactory, VerifiedUserFactory
from kpo.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(db):
    return StaffUserFactory(email="beheer@riec.example", group=roles.ADMINISTRATORS)


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_staff_member_sets_up_totp_and_then_reaches_the_admin(
    home_page, django_capture_on_commit_callbacks
):
    editor = StaffUserFactory(email="redacteur@riec.example", group=roles.EDITORS, mfa=False)
    client = Client()
    client.post(reverse("account_login"), {"login": editor.email, "password": TEST_PASSWORD})
    assert client.get("/admin/").url == reverse("mfa_activate_totp")

    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    added = AuditEvent.objects.filter(kind=AuditEvent.Kind.MFA_ADDED, user=editor)
    assert sorted(added.values_list("detail", flat=True)) == ["recovery_codes", "totp"]
    assert secret not in str(list(AuditEvent.objects.values_list()))


def test_role_changes_in_the_admin_are_recorded_with_who_did_it(client, home_page, beheerder):
    member = VerifiedUserFactory(full_name="Lotte Lid", job_title="Analist")
    client.force_login(beheerder)
    editors = Group.objects.get(name=roles.EDITORS)

    response = client.post(
        f"/admin/users/edit/{member.pk}/",
        {
            "email": member.email,
            "full_name": member.full_name,
            "job_title": member.job_title,
            "is_active": "on",
            "is_approved": "on",
            "groups": [editors.pk],
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.ROLE_ADDED, user=member)
    assert (event.actor, event.detail) == (beheerder, roles.EDITORS)
    member.refresh_from_db()
    assert member.is_staff, "joining a staff group makes the member staff (and MFA required)"


def test_granting_superuser_is_recorded(db, beheerder):
    member = VerifiedUserFactory()
    member.is_superuser = True
    member.save()

    event = AuditEvent.objects.get(kind=AuditEvent.Kind.ROLE_ADDED, user=member)
    assert event.detail == "superuser"


def test_beheerders_read_and_filter_the_log(client, home_page, beheerder):
    VerifiedUserFactory(email="lid@politie.example")
    Client().post(reverse("account_login"), {"login": "lid@politie.example", "password": "x"})
    Client().post(reverse("account_login"), {"login": "niemand@politie.example", "password": "x"})
    client.force_login(beheerder)

    response = client.get(reverse("kpo_audit_log"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "lid@politie.example" in html and "niemand@politie.example" in html

    response = client.get(reverse("kpo_audit_log"), {"q": "niemand", "kind": "login_failed"})
    assert [event.identifier for event in response.context["page_obj"]] == [
        "niemand@politie.example"
    ]


@pytest.mark.parametrize("group", [roles.EDITORS, roles.EDITORIAL_BOARD])
def test_other_staff_cannot_read_the_log(client, home_page, group):
    client.force_login(StaffUserFactory(group=group))

    response = client.get(reverse("kpo_audit_log"))

    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
