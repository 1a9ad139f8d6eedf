"""Document builders for the Ondermijningsacademie: e-learnings and trainings. Their pages
are public, like other pages without a ``visibility``; a view restriction keeps one out of
search altogether (``page_url``). Lessons are not searched on their own.

Each carries its themes (the ``thema`` facet) and the community it is discussed in (the
``community`` facet and filter), unless that community is hidden: a public document must
not tell anyone which hidden community it belongs to."""

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
    community = page.community
    if community is not None and community.is_hidden:
        community = None
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
        community_id=community.pk if community else None,
        community_name=community.name if community else "",
    )


def prefetch_themes_and_community(pages):
    return pages.select_related("community").prefetch_related("themes")


@register(CoursePage, {TYPE_COURSE: _("E-learning")}, prefetch=prefetch_themes_and_community)
def build_course(page) -> ItemData | None:
    return academy_item(page, TYPE_COURSE)


@register(TrainingPage, {TYPE_TRAINING: _("Training")}, prefetch=prefetch_themes_and_community)
def build_training(page) -> ItemData | None:
    return academy_item(page, TYPE_TRAINING)
