from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """A member's report of a post, waiting in the community's moderation queue."""

    post = models.ForeignKey("communities.Post", on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reden"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("melding van een bericht")
        verbose_name_plural = _("meldingen van berichten")

    def __str__(self):
        return f"{self.reporter}: {self.reason[:50]}"


class ModerationAction(models.TextChoices):
    APPROVE_MEMBER = "approve", _("Aanvraag goedgekeurd")
    REFUSE_MEMBER = "refuse", _("Aanvraag afgewezen")
    REMOVE_MEMBER = "remove", _("Lid verwijderd")
    BAN_MEMBER = "ban", _("Lid geblokkeerd")
    INVITE = "invite", _("Uitgenodigd")
    APPROVE_POST = "approve_post", _("Eerste bericht goedgekeurd")
    HIDE_POST = "hide", _("Bericht verborgen")
    RESTORE_POST = "restore", _("Bericht hersteld")
    DISMISS_REPORT = "dismiss", _("Melding afgehandeld zonder actie")
    LOCK_TOPIC = "lock", _("Onderwerp gesloten")
    UNLOCK_TOPIC = "unlock", _("Onderwerp heropend")
    PIN_TOPIC = "pin", _("Onderwerp vastgezet")
    UNPIN_TOPIC = "unpin", _("Onderwerp losgemaakt")
    HIDE_FILE = "hide_file", _("Bestand verborgen")
    RESTORE_FILE = "restore_file", _("Bestand hersteld")
    DELETE_FILE = "delete_file", _("Bestand verwijderd")


class ModerationLogEntry(models.Model):
    """Who did what to which member, post or topic, and why. Never edited afterwards."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="moderation_log"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20, choices=ModerationAction.choices)
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    topic = models.ForeignKey(
        "communities.Topic", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    post = models.ForeignKey(
        "communities.Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    file = models.ForeignKey(
        "communities.CommunityFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderatieregel")
        verbose_name_plural = _("moderatielog")

    def __str__(self):
        return f"{self.actor}: {self.get_action_display()}"
