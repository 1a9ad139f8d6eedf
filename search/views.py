from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .api import suggestions as find_suggestions
from .engines import SORT_DATE, SORT_RELEVANCE
from .params import search_params
from .query import search as run_search
from .terms import promoted_results, record_search


def search(request):
    """The search page: results the visitor may see, with facets, sorting and pages."""
    params = search_params(request.GET)
    results, promoted = None, []
    if params.active:
        results = run_search(
            params.query, request.user, params.filters, page=params.page, sort=params.sort
        )
        if params.page == 1:
            record_search(params.query, results.count)
            promoted = promoted_results(params.query, request.user)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": params.query,
            "params": params,
            "search_results": results,
            "promoted": promoted,
            "sort_options": [SORT_RELEVANCE, SORT_DATE],
        },
    )


@require_GET
def suggestions(request):
    """The header search box's suggestions (htmx): a short list of links, or nothing."""
    results = find_suggestions(request)
    return TemplateResponse(
        request,
        "search/suggestions.html",
        {"suggestions": results.results if results else []},
    )
