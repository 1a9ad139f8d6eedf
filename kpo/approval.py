"""Account approval: applicants from an allowlisted email domain are approved as soon
as they verify their address; everyone else waits for a beheerder. The applicant is
emailed either way."""

from allauth.account.adapter import get_adapter
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from kpo import audit, roles
from kpo.models import AllowedEmailDomain, ApprovalStatus, AuditEvent, User


def login_url(request) -> str:
    return request.build_absolute_uri(reverse("account_login"))


def send_status_mail(request, user, template: str, **context):
    """Email the applicant in Dutch about their application (kpo/email/<template>_*.txt)."""
    context.update(user=user, login_url=login_url(request))
    get_adapter(request).send_mail(f"kpo/email/{template}", user.email, context)


@transaction.atomic
def approve(request, user, actor=None):
    """Approve ``user``: they see the members-only part from their next request."""
    user.is_approved = True
    user.approval_status = ApprovalStatus.APPROVED
    user.rejection_reason = ""
    user.reviewed_at = timezone.now()
    user.save(update_fields=["is_approved", "approval_status", "rejection_reason", "reviewed_at"])
    detail = "automatisch (toegestaan domein)" if actor is None else ""
    audit.record(AuditEvent.Kind.APPROVED, request, user=user, actor=actor, detail=detail)
    send_status_mail(request, user, "account_approved")


@transaction.atomic
def reject(request, user, reason: str, actor):
    """Reject ``user``'s application with a reason that is emailed to them."""
    user.is_approved = False
    user.approval_status = ApprovalStatus.REJECTED
    user.rejection_reason = reason
    user.reviewed_at = timezone.now()
    user.save(update_fields=["is_approved", "approval_status", "rejection_reason", "reviewed_at"])
    audit.record(AuditEvent.Kind.REJECTED, request, user=user, actor=actor, detail=reason)
    send_status_mail(request, user, "account_rejected", reason=reason)


def pending_applications():
    """Verified accounts waiting for a beheerder, oldest first."""
    return (
        User.objects.filter(
            approval_status=ApprovalStatus.PENDING,
            is_approved=False,
            is_active=True,
            deleted_at__isnull=True,
            emailaddress__verified=True,
        )
        .select_related("organisation")
        .prefetch_related("themes")
        .distinct()
        .order_by("date_joined")
    )


def notify_administrators(request, applicant):
    """Tell the beheerders that an application is waiting in the queue."""
    recipients = (
        User.objects.filter(
            Q(is_superuser=True) | Q(groups__name=roles.ADMINISTRATORS),
            is_active=True,
            deleted_at__isnull=True,
        )
        .values_list("email", flat=True)
        .distinct()
    )
    context = {
        "applicant": applicant,
        "queue_url": request.build_absolute_uri(reverse("kpo_approval_queue")),
    }
    adapter = get_adapter(request)
    for email in recipients:
        adapter.send_mail("kpo/email/application_waiting", email, context)


def on_email_confirmed(sender, request, email_address, **kwargs):
    """allauth ``email_confirmed``: approve allowlisted domains, queue the rest."""
    user = email_address.user
    audit.record(AuditEvent.Kind.EMAIL_CONFIRMED, request, user=user)
    if user.approval_status != ApprovalStatus.PENDING or user.is_approved:
        return
    if AllowedEmailDomain.matches(email_address.email):
        approve(request, user)
    else:
        send_status_mail(request, user, "application_received")
        notify_administrators(request, user)
