from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from kpo.access import MEMBERS, PUBLIC


class Visibility(models.TextChoices):
    PUBLIC = PUBLIC, _("Openbaar")
    MEMBERS = MEMBERS, _("Alleen leden")


class KennisbankPage(Page):
    """Base of every kennisbank page: who may see it (``visibility``, an access token checked
    with ``kpo.access``) and the date by which its content must be reviewed."""

    visibility = models.CharField(
        _("zichtbaarheid"),
        max_length=40,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
        help_text=_(
            "Openbaar: iedereen. Alleen leden: goedgekeurde leden na inloggen. "
            "Documenten op deze pagina volgen deze keuze."
        ),
    )
    review_date = models.DateField(
        _("herzien vóór"),
        null=True,
        blank=True,
        help_text=_("De eigenaar krijgt een herinnering als deze datum nadert."),
    )

    is_creatable = False

    access_panel = MultiFieldPanel(
        [FieldPanel("visibility"), FieldPanel("review_date")],
        heading=_("Zichtbaarheid en herziening"),
    )
    search_fields = [*Page.search_fields, index.FilterField("visibility")]

    class Meta:
        verbose_name = _("kennisbankpagina")
        verbose_name_plural = _("kennisbankpagina's")

    def get_sitemap_urls(self, request=None):
        """Only public pages are listed in the sitemap."""
        if self.visibility != PUBLIC:
            return []
        return super().get_sitemap_urls(request)
