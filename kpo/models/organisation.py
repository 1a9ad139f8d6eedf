from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    """A RIEC, the LIEC, or a participant in the RIEC-LIEC network."""

    class Kind(models.TextChoices):
        RIEC = "riec", _("RIEC")
        LIEC = "liec", _("LIEC")
        MUNICIPALITY = "gemeente", _("Gemeente")
        PROVINCE = "provincie", _("Provincie")
        POLICE = "politie", _("Politie")
        PROSECUTION = "om", _("Openbaar Ministerie")
        NATIONAL = "rijk", _("Rijksdienst")
        OTHER = "overig", _("Overig")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name
