"""Retention periods (AVG data minimisation): what the platform stops keeping after a while.

- A rejected application is deleted ``KPO_REJECTED_RETENTION_DAYS`` after the rejection.
- IP addresses in the security audit log are erased after ``KPO_AUDIT_IP_RETENTION_DAYS``;
  the events themselves stay.

``apply_retention`` is idempotent: a second run finds nothing left to remove. Each run that
removed something is recorded in the audit log with counts only, no personal data.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone

from kpo import audit, privacy
from kpo.models import ApprovalStatus, AuditEvent, User

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionResult:
    applications_deleted: int
    ip_addresses_erased: int

    def __bool__(self):
        return bool(self.applications_deleted or self.ip_addresses_erased)

    def summary(self) -> str:
        return (
            f"{self.applications_deleted} afgewezen aanvragen verwijderd, "
            f"{self.ip_addresses_erased} IP-adressen gewist"
        )


def expired_rejections(now):
    cutoff = now - timedelta(days=settings.KPO_REJECTED_RETENTION_DAYS)
    return User.objects.filter(
        Q(reviewed_at__lt=cutoff) | Q(reviewed_at__isnull=True, date_joined__lt=cutoff),
        approval_status=ApprovalStatus.REJECTED,
        is_approved=False,
        deleted_at__isnull=True,
    )


def delete_application(user):
    """Remove a rejected applicant entirely; their audit events stay without a link or
    free text. Someone who left content behind is anonymised instead (``privacy``)."""
    user.audit_events.update(identifier="", detail="")
    try:
        with transaction.atomic():
            user.delete()
    except ProtectedError:
        privacy.delete_account(None, user)


def erase_old_ip_addresses(now) -> int:
    cutoff = now - timedelta(days=settings.KPO_AUDIT_IP_RETENTION_DAYS)
    return AuditEvent.objects.filter(created_at__lt=cutoff, ip_address__isnull=False).update(
        ip_address=None
    )


@transaction.atomic
def apply_retention(now=None) -> RetentionResult:
    now = now or timezone.now()
    applications = list(expired_rejections(now))
    for user in applications:
        delete_application(user)
    result = RetentionResult(
        applications_deleted=len(applications), ip_addresses_erased=erase_old_ip_addresses(now)
    )
    if result:
        audit.record(AuditEvent.Kind.RETENTION, detail=result.summary())
    logger.info("retention: %s", result.summary())
    return result
