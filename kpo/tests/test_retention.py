"""Retention: rejected applications and old IP addresses in the audit log disappear."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from communities.factories import PostFactory
from kpo.factories import UserFactory
from kpo.models import ApprovalStatus, AuditEvent, User

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def rejected(email, days, **extra):
    return UserFactory(
        email=email,
        is_approved=False,
        approval_status=ApprovalStatus.REJECTED,
        rejection_reason="Geen medewerker van een RIEC-partner",
        reviewed_at=days_ago(days),
        **extra,
    )


def event(kind, days, user=None, ip="192.0.2.10", detail=""):
    created = AuditEvent.objects.create(kind=kind, user=user, ip_address=ip, detail=detail)
    AuditEvent.objects.filter(pk=created.pk).update(created_at=days_ago(days))
    return created


def run_retention():
    out = StringIO()
    call_command("kpo_retention", stdout=out)
    return out.getvalue()


def test_rejected_applications_are_deleted_after_the_retention_period(settings):
    settings.KPO_REJECTED_RETENTION_DAYS = 30
    old = rejected("oud@example.com", days=31)
    rejection = event(AuditEvent.Kind.REJECTED, 31, user=old, detail=old.rejection_reason)
    recent = rejected("recent@example.com", days=29)
    pending = UserFactory(email="wacht@example.com", is_approved=False)
    User.objects.filter(pk=pending.pk).update(date_joined=days_ago(400))
    member = UserFactory(email="lid@example.com", reviewed_at=days_ago(400))

    output = run_retention()

    assert "Rejected applications deleted (older than 30 days): 1" in output
    assert not User.objects.filter(pk=old.pk).exists()
    assert set(User.objects.values_list("pk", flat=True)) == {recent.pk, pending.pk, member.pk}
    rejection.refresh_from_db()
    assert (rejection.user, rejection.detail) == (None, "")


def test_a_rejected_applicant_with_content_is_anonymised_instead(settings):
    settings.KPO_REJECTED_RETENTION_DAYS = 30
    user = rejected("schrijver@example.com", days=40, full_name="Sam Schrijver")
    post = PostFactory(topic__author=user)

    run_retention()

    user.refresh_from_db()
    assert user.deleted_at is not None and user.full_name == "" and not user.is_active
    assert user.email.endswith("@verwijderd.invalid")
    post.refresh_from_db()
    assert post.author.display_name == "verwijderd lid"


def test_ip_addresses_in_the_audit_log_are_erased_after_the_retention_period(settings):
    settings.KPO_AUDIT_IP_RETENTION_DAYS = 90
    old = event(AuditEvent.Kind.LOGIN_FAILED, 91, ip="198.51.100.7")
    recent = event(AuditEvent.Kind.LOGIN, 89, ip="2001:db8::1")

    output = run_retention()

    assert "Audit log IP addresses erased (older than 90 days): 1" in output
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip_address is None and old.kind == AuditEvent.Kind.LOGIN_FAILED
    assert recent.ip_address == "2001:db8::1"


def test_retention_is_idempotent_and_logged_without_personal_data(settings):
    settings.KPO_REJECTED_RETENTION_DAYS = 30
    settings.KPO_AUDIT_IP_RETENTION_DAYS = 90
    rejected("oud@example.com", days=31, full_name="Olga Oud")
    event(AuditEvent.Kind.LOGIN, 100, ip="203.0.113.5")

    run_retention()
    logged = AuditEvent.objects.get(kind=AuditEvent.Kind.RETENTION)
    assert logged.detail == "1 afgewezen aanvragen verwijderd, 1 IP-adressen gewist"
    assert (logged.user, logged.actor, logged.ip_address, logged.identifier) == (
        None,
        None,
        None,
        "",
    )
    everything = list(AuditEvent.objects.values_list("detail", "identifier", "ip_address"))
    assert "Olga" not in str(everything) and "oud@example.com" not in str(everything)

    output = run_retention()

    assert "deleted (older than 30 days): 0" in output
    assert "erased (older than 90 days): 0" in output
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.RETENTION).count() == 1
