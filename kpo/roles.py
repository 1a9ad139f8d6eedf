"""The staff roles of the platform, as Django groups. Names are stable: code refers to them."""

from django.db import models

EDITORS = "Redacteuren"
EDITORIAL_BOARD = "Redactieraad"
COMMUNITY_MANAGERS = "Community managers"
ADMINISTRATORS = "Beheerders"

STAFF_GROUPS = [EDITORS, EDITORIAL_BOARD, COMMUNITY_MANAGERS, ADMINISTRATORS]


def is_administrator(user) -> bool:
    """Beheerders and superusers: user approval, the audit log."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists()


def sync_staff_flag(user_ids):
    """``is_staff`` is true exactly for superusers and members of a staff role group."""
    from kpo.models import User

    users = User.objects.filter(pk__in=user_ids)
    in_staff_group = models.Exists(
        User.groups.through.objects.filter(
            user_id=models.OuterRef("pk"), group__name__in=STAFF_GROUPS
        )
    )
    users.filter(in_staff_group | models.Q(is_superuser=True)).update(is_staff=True)
    users.exclude(in_staff_group | models.Q(is_superuser=True)).update(is_staff=False)


def on_groups_changed(sender, instance, action, pk_set, reverse, **kwargs):
    """Keep ``is_staff`` in step with group membership, from either side of the relation."""
    if action == "pre_clear" and reverse:
        instance._kpo_clearing_user_ids = list(instance.user_set.values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        user_ids = [instance.pk]
    elif action == "post_clear":
        user_ids = instance.__dict__.pop("_kpo_clearing_user_ids", [])
    else:
        user_ids = pk_set
    sync_staff_flag(user_ids)
    if not reverse:
        instance.refresh_from_db(fields=["is_staff"])
