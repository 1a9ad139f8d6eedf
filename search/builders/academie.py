"""Document builder for the e-learnings of the Ondermijningsacademie. Their catalogue pages
are public, like other pages without a ``visibility``; a view restriction keeps a course
out of search altogether (``page_url``). Lessons are not searched on their own."""

from django.utils.translation import gettext_lazy as _

from academie.models import CoursePage
from kpo.access import PUBLIC

from . import ItemData, html_text, local_date, page_url, register, stream_text

TYPE_COURSE = "e-learning"


@register(CoursePage, {TYPE_COURSE: _("E-learning")})
def build_course(page) -> ItemData | None:
    url = page_url(page)
    if url is None:
        return None
    body = " ".join(
        [stream_text(page.description), html_text(page.learning_objectives), page.audience]
    )
    return ItemData(
        title=page.title,
        url=url,
        type=TYPE_COURSE,
        access=getattr(page, "visibility", PUBLIC),
        summary=page.intro,
        body=body,
        themes=list(page.themes.all()),
        date=local_date(page.last_published_at),
    )
