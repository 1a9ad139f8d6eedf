from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReminder(models.Model):
    """A review reminder sent to one person for one page and one review date: a page is
    reminded once per review period, and again only when its review date changes."""

    page = models.ForeignKey(
        "kennisbank.KennisbankPage",
        verbose_name=_("pagina"),
        on_delete=models.CASCADE,
        related_name="review_reminders",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ontvanger"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    review_date = models.DateField(_("herzien vóór"))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("herzieningsherinnering")
        verbose_name_plural = _("herzieningsherinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "recipient", "review_date"], name="kb_review_reminder_once"
            )
        ]

    def __str__(self):
        return f"{self.page_id} → {self.recipient_id} ({self.review_date})"
