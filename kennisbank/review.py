"""Pages due for review: their "herzien vóór" date has passed or falls within 30 days."""

import datetime

from django.utils import timezone

from .models import KennisbankPage

REVIEW_WINDOW = datetime.timedelta(days=30)


def pages_due_for_review(today=None):
    today = today or timezone.localdate()
    return KennisbankPage.objects.filter(review_date__lte=today + REVIEW_WINDOW).order_by(
        "review_date", "title"
    )
