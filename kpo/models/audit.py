from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One security event. Never holds passwords, codes or keys: only who, what and when."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Ingelogd")
        LOGIN_FAILED = "login_failed", _("Inloggen mislukt")
        LOGOUT = "logout", _("Uitgelogd")
        SIGNUP = "signup", _("Account aangevraagd")
        EMAIL_CONFIRMED = "email_confirmed", _("E-mailadres bevestigd")
        PASSWORD_CHANGED = "password_changed", _("Wachtwoord gewijzigd")
        PASSWORD_RESET = "password_reset", _("Wachtwoord hersteld")
        MFA_ADDED = "mfa_added", _("Tweestapsverificatie toegevoegd")
        MFA_REMOVED = "mfa_removed", _("Tweestapsverificatie verwijderd")
        MFA_RESET = "mfa_reset", _("Herstelcodes opnieuw aangemaakt")
        MFA_FAILED = "mfa_failed", _("Tweestapsverificatie mislukt")
        APPROVED = "approved", _("Account goedgekeurd")
        REJECTED = "rejected", _("Account afgewezen")
        ROLE_ADDED = "role_added", _("Rol toegekend")
        ROLE_REMOVED = "role_removed", _("Rol ingetrokken")
        ACCOUNT_DELETED = "account_deleted", _("Account verwijderd")
        DATA_EXPORTED = "data_exported", _("Gegevens gedownload")
        EMAIL_CHANGED = "email_changed", _("E-mailadres gewijzigd door beheerder")
        RETENTION = "retention", _("Bewaartermijnen toegepast")

    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("gebeurtenis"), max_length=30, choices=Kind.choices, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgevoerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    identifier = models.CharField(
        _("opgegeven login"),
        max_length=254,
        blank=True,
        help_text=_("Het ingevulde e-mailadres bij een mislukte poging zonder bekend account."),
    )
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    detail = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("beveiligingsgebeurtenis")
        verbose_name_plural = _("beveiligingslogboek")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"
