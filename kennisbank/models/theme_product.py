from django.db import models
from django.utils.translation import gettext_lazy as _


class ThemeProduct(models.Model):
    """One live product under one of its themes: a narrow copy of what a theme page's list
    filters, sorts and counts on, so that a deep page and the type and year counts read one
    index range of one theme instead of joining the page tables (``kennisbank.theme_listing``
    keeps it; the pages themselves are still read from the page tables, with their own
    ``live`` and ``visibility`` checks)."""

    theme = models.ForeignKey("kpo.Theme", on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(
        "kennisbank.ProductPage", on_delete=models.CASCADE, related_name="+"
    )
    visibility = models.CharField(max_length=40)
    product_type = models.CharField(max_length=20)
    publication_date = models.DateField()

    class Meta:
        verbose_name = _("product in een themalijst")
        verbose_name_plural = _("producten in themalijsten")
        constraints = [
            models.UniqueConstraint(fields=["product", "theme"], name="kb_theme_product_once")
        ]
        # Every column a theme page's list reads, in its order: index-only range reads.
        indexes = [
            models.Index(
                fields=["theme", "-publication_date", "-product", "visibility", "product_type"],
                name="kb_theme_product_list",
            )
        ]

    def __str__(self):
        return f"{self.product_id} @ {self.theme_id}"
