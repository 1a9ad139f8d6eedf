import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("Lid")
    MANAGER = "manager", _("Community manager")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Aangevraagd")
    ACTIVE = "active", _("Actief")
    REFUSED = "refused", _("Afgewezen")
    BANNED = "banned", _("Geblokkeerd")
    LEFT = "left", _("Vertrokken")


class Membership(models.Model):
    """One user's place in one community: role and status, kept after leaving or a ban."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    motivation = models.TextField(_("motivatie"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        ordering = ["community", "user__full_name"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="one_membership_per_user")
        ]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self):
        return f"{self.user} · {self.community} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_manager(self):
        return self.is_active and self.role == Role.MANAGER


def new_invitation_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An invitation by email, also for people without an account yet: accepted by following
    the link once logged in, or automatically when that address is verified after signup."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mailadres"))
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self):
        return f"{self.email} → {self.community}"
