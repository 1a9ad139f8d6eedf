from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

domain_validator = RegexValidator(
    r"^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$",
    _("Vul een domeinnaam in zoals politie.nl, zonder @ of https://."),
)


class AllowedEmailDomain(index.Indexed, models.Model):
    """An email domain of a RIEC participant: its accounts are approved after verification."""

    domain = models.CharField(
        _("domein"),
        max_length=253,
        unique=True,
        validators=[domain_validator],
        help_text=_("Bijvoorbeeld politie.nl. Subdomeinen (zoals oost.politie.nl) tellen mee."),
    )
    organisation = models.ForeignKey(
        "kpo.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="email_domains",
    )

    panels = [FieldPanel("domain"), FieldPanel("organisation")]
    search_fields = [index.SearchField("domain"), index.AutocompleteField("domain")]

    class Meta:
        ordering = ["domain"]
        verbose_name = _("toegestaan e-maildomein")
        verbose_name_plural = _("toegestane e-maildomeinen")

    def __str__(self):
        return self.domain

    def clean(self):
        self.domain = self.domain.strip().lower().removeprefix("@")
        if not self.domain:
            raise ValidationError({"domain": _("Vul een domeinnaam in.")})

    @classmethod
    def matches(cls, email: str) -> bool:
        """Whether ``email`` belongs to an allowlisted domain or one of its subdomains."""
        domain = email.rsplit("@", 1)[-1].strip().lower()
        parts = domain.split(".")
        candidates = {".".join(parts[i:]) for i in range(len(parts) - 1)}
        return cls.objects.filter(domain__in=candidates).exists()
