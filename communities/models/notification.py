from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowLevel(models.TextChoices):
    WATCH = "watch", _("Alles volgen")
    NORMAL = "normal", _("Normaal")
    MUTE = "mute", _("Negeren")


class Subscription(models.Model):
    """How closely a member follows a community (``topic`` empty) or one thread."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_subscriptions"
    )
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.ForeignKey(
        "communities.Topic",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    level = models.CharField(
        _("volgen"), max_length=10, choices=FollowLevel.choices, default=FollowLevel.NORMAL
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "community"],
                condition=models.Q(topic__isnull=True),
                name="one_subscription_per_community",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=models.Q(topic__isnull=False),
                name="one_subscription_per_thread",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_level_display()}"


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("Nieuwe reactie")
    TOPIC = "topic", _("Nieuw onderwerp")
    MENTION = "mention", _("Vermelding")
    ACCEPTED = "accepted", _("Antwoord geaccepteerd")
    MEMBERSHIP = "membership", _("Lidmaatschap")


class Notification(models.Model):
    """One entry in a member's in-app notification list."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_notifications"
    )
    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    post = models.ForeignKey(
        "communities.Post", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")

    def __str__(self):
        return self.message


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Direct, per melding")
    DAILY = "daily", _("Eén keer per dag een overzicht")
    WEEKLY = "weekly", _("Eén keer per week een overzicht")
    NEVER = "never", _("Nooit (alleen in het platform)")


class NotificationPreference(models.Model):
    """A member's choice of email notifications; one-click unsubscribe sets ``never``."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_preference"
    )
    email_frequency = models.CharField(
        _("e-mail over communities"),
        max_length=20,
        choices=EmailFrequency.choices,
        default=EmailFrequency.IMMEDIATE,
    )

    def __str__(self):
        return f"{self.user}: {self.get_email_frequency_display()}"
