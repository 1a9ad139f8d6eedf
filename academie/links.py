"""Links between the academy, the kennisbank's theme pages and the communities, for one
user: the e-learnings and trainings a theme page or a community shows, and the theme pages
and the community an e-learning or training links to.

Academy pages have no ``visibility``: they are public unless a Wagtail view restriction
applies to them or an ancestor. Lists follow the access tokens (``open_to``): a page under
a login restriction is listed for approved members only (they hold ``members`` and pass
it), a page under any other restriction for nobody (it is still reached by its URL). So
what is listed depends on the user's tokens alone and may be kept in fragment caches keyed
by them, like the theme page's."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kpo.access import MEMBERS, can_see, visible_to
from kpo.navigation import section_url


def open_to(pages, user):
    """Narrow ``pages`` to those no view restriction (on them or an ancestor) keeps from
    ``user``, judged by the user's access tokens."""
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    if can_see(user, MEMBERS):
        restrictions = restrictions.exclude(restriction_type=PageViewRestriction.LOGIN)
    return pages.filter(~Exists(restrictions))


def offer(user, condition: Q, distinct=False):
    """The live e-learnings and trainings matching ``condition`` that ``user`` may see, by
    title; each training with ``next_start``, the start of its first session to come (or
    None). Two queries, however many there are."""
    from academie.models import CoursePage, TrainingPage, TrainingSession

    upcoming = (
        TrainingSession.objects.filter(page=OuterRef("pk"), start__gt=timezone.now())
        .order_by("start")
        .values("start")[:1]
    )
    pages = []
    for queryset in (
        CoursePage.objects.all(),
        TrainingPage.objects.annotate(next_start=Subquery(upcoming)),
    ):
        queryset = open_to(queryset.live().filter(condition), user)
        pages.extend(queryset.distinct() if distinct else queryset)
    return sorted(pages, key=lambda page: page.title.casefold())


def theme_offer(user, theme_id):
    """What the academy offers on one theme, for its theme page."""
    return offer(user, Q(themes=theme_id))


def community_offer(user, community):
    """The e-learnings and trainings linked to ``community``, then those on one of its
    themes."""
    linked_or_themed = Q(community=community) | Q(themes__communities=community)
    pages = offer(user, linked_or_themed, distinct=True)
    return sorted(pages, key=lambda page: page.community_id != community.pk)


def catalogue_url(request):
    """The academy's catalogue, or "" when it is not published (from the navigation's
    cache: no query)."""
    from academie.models import AcademieIndexPage

    return section_url(request, AcademieIndexPage)


def theme_links(user, themes):
    """``(theme, theme page)`` for each of ``themes``; the page is None unless it is live
    and ``user`` may see it."""
    from kennisbank.models import ThemaPage

    themes = list(themes)
    pages = visible_to(ThemaPage.objects.live().filter(theme__in=themes), user)
    by_theme = {page.theme_id: page for page in open_to(pages, user)}
    return [(theme, by_theme.get(theme.pk)) for theme in themes]


def discussion_community(user, page):
    """The community ``page`` is discussed in, unless ``user`` may not know of it (a hidden
    community is named to its members only)."""
    from communities.models import Community

    if page.community_id is None:
        return None
    return Community.objects.listed_for(user).filter(pk=page.community_id).first()


def page_links(user, page) -> dict:
    """The template context of an e-learning's or training's links."""
    return {
        "theme_links": theme_links(user, page.themes.all()),
        "discussion_community": discussion_community(user, page),
    }
