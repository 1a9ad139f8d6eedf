"""Document builders for the Ondermijningsacademie: e-learnings and trainings. Their pages
are public, like other pages without a ``visibility``; a view restriction keeps one out of
search altogether (``page_url``). Lessons are not searched on their own."""

from django.utils.translation import gettext_lazy as _

from academie.models import CoursePage, TrainingPage
from kpo.access import PUBLIC

from . import ItemData, html_text, local_date, page_url, register, stream_text

TYPE_COURSE = "e-learning"
TYPE_TRAINING = "training"


def academy_item(page, type_: str) -> ItemData | None:
    url = page_url(page)
    if url is None:
        return None
    body = " ".join(
        [stream_text(page.description), html_text(page.learning_objectives), page.audience]
    )
    return ItemData(
        title=page.title,
        url=url,
        type=type_,
        access=PUBLIC,
        summary=page.intro,
        body=body,
        themes=list(page.themes.all()),
        date=local_date(page.last_published_at),
    )


def prefetch_themes(pages):
    return pages.prefetch_related("themes")


@register(CoursePage, {TYPE_COURSE: _("E-learning")}, prefetch=prefetch_themes)
def build_course(page) -> ItemData | None:
    return academy_item(page, TYPE_COURSE)


@register(TrainingPage, {TYPE_TRAINING: _("Training")}, prefetch=prefetch_themes)
def build_training(page) -> ItemData | None:
    return academy_item(page, TYPE_TRAINING)
