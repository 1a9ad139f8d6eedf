"""The security audit log: one ``record`` function and the signal receivers that call it.

Only who, what, when and from which address is stored, never a password, code or key.
"""

import logging

from allauth.account.adapter import get_adapter
from allauth.core import context
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from kpo.models import AuditEvent, User

logger = logging.getLogger(__name__)
Kind = AuditEvent.Kind


def client_ip(request):
    """The client address as allauth's rate limits see it (trusted proxies only)."""
    if request is None:
        return None
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return None


def record(kind, request=None, *, user=None, actor=None, identifier="", detail=""):
    """Store one security event. ``actor`` defaults to the request's logged-in user."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    event = AuditEvent.objects.create(
        kind=kind,
        user=user,
        actor=actor,
        identifier=identifier[:254],
        ip_address=client_ip(request),
        detail=detail[:500],
    )
    logger.info("audit: %s user=%s actor=%s", kind, getattr(user, "pk", None), event.actor_id)
    return event


def on_logged_in(sender, request, user, **kwargs):
    record(Kind.LOGIN, request, user=user, actor=user)


def on_login_failed(sender, credentials, request=None, **kwargs):
    """Django's ``user_login_failed``: ``credentials`` is already cleansed of the password."""
    login = str(credentials.get("email") or credentials.get("username") or "")
    user = User.objects.filter(email__iexact=login).first() if login else None
    record(Kind.LOGIN_FAILED, request, user=user, identifier="" if user else login)


def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(Kind.LOGOUT, request, user=user, actor=user)


def on_signed_up(sender, request, user, **kwargs):
    record(Kind.SIGNUP, request, user=user, actor=user)


def end_other_sessions(request, user):
    """End every session of ``user`` except the one making this request."""
    current = request.session.session_key if request is not None else None
    for session in UserSession.objects.filter(user=user).exclude(session_key=current):
        session.end()


def on_password_changed(sender, request, user, **kwargs):
    end_other_sessions(request, user)
    record(Kind.PASSWORD_CHANGED, request, user=user, actor=user)


def on_password_reset(sender, request, user, **kwargs):
    end_other_sessions(request, user)
    record(Kind.PASSWORD_RESET, request, user=user, actor=user)


def authenticator_receiver(kind):
    def receiver(sender, request, user, authenticator, **kwargs):
        record(kind, request, user=user, actor=user, detail=authenticator.type)

    return receiver


def on_groups_changed(sender, instance, action, pk_set, reverse, **kwargs):
    """Role changes: groups added to or removed from a user (from either side)."""
    kinds = {"post_add": Kind.ROLE_ADDED, "post_remove": Kind.ROLE_REMOVED}
    if action not in kinds or not pk_set:
        return
    request = context.request
    if reverse:
        group_users = [(instance, user) for user in User.objects.filter(pk__in=pk_set)]
    else:
        group_users = [(group, instance) for group in Group.objects.filter(pk__in=pk_set)]
    for group, user in group_users:
        record(kinds[action], request, user=user, detail=group.name)


def remember_superuser_flag(sender, instance, update_fields=None, **kwargs):
    """Before saving a user, note whether the superuser flag is about to change."""
    if instance.pk is None or (update_fields is not None and "is_superuser" not in update_fields):
        return
    was_superuser = (
        User.objects.filter(pk=instance.pk).values_list("is_superuser", flat=True).first()
    )
    if was_superuser is not None and was_superuser != instance.is_superuser:
        instance._kpo_superuser_changed = True


def on_user_saved(sender, instance, **kwargs):
    if instance.__dict__.pop("_kpo_superuser_changed", False):
        kind = Kind.ROLE_ADDED if instance.is_superuser else Kind.ROLE_REMOVED
        record(kind, context.request, user=instance, detail="superuser")
