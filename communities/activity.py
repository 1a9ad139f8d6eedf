"""Activity figures for the manager dashboard: posts and active members per week."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count
from django.db.models.functions import TruncWeek
from django.utils import timezone

from communities.models import Post

WEEKS = 8


@dataclass(frozen=True)
class Week:
    start: date
    posts: int
    active_members: int


def weekly_activity(community, weeks=WEEKS):
    """The last ``weeks`` weeks, oldest first, including weeks without posts (one query)."""
    this_monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    rows = (
        Post.objects.filter(topic__community=community, created_at__date__gte=first)
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(posts=Count("pk"), members=Count("author", distinct=True))
    )
    by_week = {row["week"].date(): row for row in rows}
    result = []
    for offset in range(weeks):
        start = first + timedelta(weeks=offset)
        row = by_week.get(start, {"posts": 0, "members": 0})
        result.append(Week(start, row["posts"], row["members"]))
    return result
