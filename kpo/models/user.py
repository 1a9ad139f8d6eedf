from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(
            is_staff=True,
            is_superuser=True,
            is_approved=True,
            approval_status=ApprovalStatus.APPROVED,
        )
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op beoordeling")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")


class User(AbstractBaseUser, PermissionsMixin):
    """A professional with an account. Logs in with their email address."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("volledige naam"), max_length=200)
    organisation = models.ForeignKey(
        "kpo.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    organisation_other = models.CharField(
        _("andere organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Door de aanvrager opgegeven organisatie die niet in de lijst staat."),
    )
    job_title = models.CharField(_("functie"), max_length=200, blank=True)
    expertise = models.TextField(_("expertise"), max_length=1000, blank=True)
    themes = models.ManyToManyField(
        "kpo.Theme", verbose_name=_("thema's"), blank=True, related_name="interested_users"
    )
    join_reason = models.TextField(_("reden van aanmelding"), max_length=2000, blank=True)
    approval_status = models.CharField(
        _("status aanvraag"),
        max_length=20,
        choices=ApprovalStatus.choices,
        default=ApprovalStatus.PENDING,
    )
    rejection_reason = models.TextField(_("reden van afwijzing"), blank=True)
    reviewed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    show_organisation = models.BooleanField(_("organisatie tonen aan leden"), default=True)
    show_job_title = models.BooleanField(_("functie tonen aan leden"), default=True)
    show_expertise = models.BooleanField(_("expertise tonen aan leden"), default=True)
    show_themes = models.BooleanField(_("thema's tonen aan leden"), default=True)
    show_email = models.BooleanField(_("e-mailadres tonen aan leden"), default=False)
    deleted_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    is_approved = models.BooleanField(
        _("goedgekeurd"),
        default=False,
        help_text=_("Alleen goedgekeurde leden zien het besloten deel van het platform."),
    )
    is_staff = models.BooleanField(_("medewerker"), default=False)
    is_active = models.BooleanField(_("actief"), default=True)
    date_joined = models.DateTimeField(_("lid sinds"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        # Approving in the user admin (the is_approved box) also settles the application.
        if self.is_approved:
            self.approval_status = ApprovalStatus.APPROVED
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        """The name shown next to anything this user wrote, also after account deletion."""
        if self.deleted_at:
            return str(_("verwijderd lid"))
        return self.full_name or self.email

    @property
    def organisation_name(self):
        return self.organisation.name if self.organisation else self.organisation_other

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email
