"""Privacy rights (AVG): a member downloads all their data and deletes their account.

Deleting anonymises the user row instead of removing it, so content that points at
the user (community posts use ``on_delete=PROTECT``) stays and shows "verwijderd lid"
(``User.display_name``). Other apps add their own data to the export and clean up on
deletion through the two signals below.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from kpo import audit
from kpo.models import AuditEvent

# Receivers return ``(section_name, json_serialisable_data)`` for ``user``.
collect_personal_data = Signal()
# Sent before the user row is anonymised; receivers remove or detach their own data.
account_deleted = Signal()

PROFILE_FIELDS = [
    "email",
    "full_name",
    "job_title",
    "organisation_other",
    "expertise",
    "join_reason",
    "approval_status",
    "rejection_reason",
    "show_organisation",
    "show_job_title",
    "show_expertise",
    "show_themes",
    "show_email",
    "is_approved",
]


def account_data(user):
    data = {field: getattr(user, field) for field in PROFILE_FIELDS}
    data.update(
        organisation=user.organisation.name if user.organisation else None,
        themes=sorted(theme.name for theme in user.themes.all()),
        date_joined=user.date_joined.isoformat(),
        last_login=user.last_login.isoformat() if user.last_login else None,
        reviewed_at=user.reviewed_at.isoformat() if user.reviewed_at else None,
        roles=sorted(user.groups.values_list("name", flat=True)),
        email_addresses=list(
            user.emailaddress_set.values("email", "verified", "primary").order_by("email")
        ),
        authenticators=[
            {"type": kind, "created_at": created.isoformat()}
            for kind, created in user.authenticator_set.values_list("type", "created_at")
        ],
    )
    return data


def security_events(user):
    return [
        {
            "time": event.created_at.isoformat(),
            "event": event.get_kind_display(),
            "ip_address": event.ip_address,
        }
        for event in user.audit_events.order_by("created_at")
    ]


def export_personal_data(user) -> dict:
    """Everything the platform holds about ``user``, as one JSON-serialisable dict."""
    data = {"account": account_data(user), "security_events": security_events(user)}
    for _receiver, section in collect_personal_data.send(sender=user.__class__, user=user):
        name, content = section
        data[name] = content
    return data


@transaction.atomic
def delete_account(request, user):
    """Remove the member's personal data and sign them out everywhere; keep an
    anonymous row so their posts show as written by "verwijderd lid"."""
    account_deleted.send(sender=user.__class__, user=user)
    audit.record(AuditEvent.Kind.ACCOUNT_DELETED, request, user=user, actor=user)
    for session in UserSession.objects.filter(user=user):
        session.end()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.audit_events.update(identifier="")
    user.themes.clear()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"verwijderd-{user.pk}@verwijderd.invalid"
    user.full_name = ""
    user.organisation = None
    for field in (
        "organisation_other",
        "job_title",
        "expertise",
        "join_reason",
        "rejection_reason",
    ):
        setattr(user, field, "")
    user.is_active = user.is_approved = user.is_staff = user.is_superuser = False
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()
