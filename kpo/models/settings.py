from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="list-ul")
class SiteFooterSettings(BaseSiteSetting):
    """The statements every Dutch government site links to from its footer."""

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("toegankelijkheidsverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacyverklaring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contactadres"), blank=True)

    panels = [
        FieldPanel("accessibility_page"),
        FieldPanel("privacy_page"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("voettekst")
