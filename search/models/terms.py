from django.db import models
from django.utils.translation import gettext_lazy as _


class NoResultsDailyHits(models.Model):
    """How often a search term found nothing on one day, beside Wagtail's
    ``QueryDailyHits`` (every search). Nothing about who searched is stored."""

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        on_delete=models.CASCADE,
        related_name="no_results_daily_hits",
    )
    date = models.DateField(_("datum"))
    hits = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        verbose_name = _("zoekterm zonder resultaten")
        verbose_name_plural = _("zoektermen zonder resultaten")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="one_no_results_count_per_day")
        ]

    def __str__(self):
        return f"{self.query} ({self.date})"
