from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from kennisbank.models import KennisbankPage
from kpo.access import access_tokens

RESULTS_PER_PAGE = 10


def searchable_pages(user):
    """Live pages ``user`` may see: Wagtail's view restrictions and KPO's visibility tokens."""
    hidden = KennisbankPage.objects.exclude(visibility__in=access_tokens(user)).values("pk")
    return Page.objects.live().public().exclude(pk__in=hidden)


def result_summary(page):
    """The short text under a result: the SEO description, else the page's own summary."""
    return page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")


def search(request):
    """Site search over the pages the visitor may see; members-only content stays hidden."""
    query = request.GET.get("q", "").strip()
    results = Page.objects.none()
    if query:
        results = searchable_pages(request.user).specific().search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "page_obj": page_obj,
            "results": [(page, result_summary(page)) for page in page_obj.object_list],
        },
    )
