"""The JSON search API (``/api/zoeken/``, contract in docs/design) and autocomplete."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .analysis import MIN_PREFIX_LENGTH
from .params import search_params
from .query import search
from .terms import promoted_results, record_search

AUTOCOMPLETE_SIZE = 8


def result_json(result) -> dict:
    return {
        "title": result.title,
        "url": result.url,
        "type": result.type,
        "snippet": str(result.snippet),
        "themes": result.themes,
        "date": result.date.isoformat() if result.date else None,
    }


@require_GET
def search_api(request):
    """``{"count", "engine", "results", "facets", ...}`` for what the session may see.
    ``snippet`` is HTML: escaped text with the matched words in ``<mark>``."""
    params = search_params(request.GET)
    results = search(params.query, request.user, params.filters, page=params.page, sort=params.sort)
    first_page = params.page == 1
    if first_page:
        record_search(params.query, results.count)
    promoted = promoted_results(params.query, request.user) if first_page else []
    return JsonResponse(
        {
            "count": results.count,
            "engine": results.engine,
            "fallback": results.fallback,
            "partial": results.partial,
            "page": results.page,
            "num_pages": results.num_pages,
            "suggestion": results.suggestion,
            "promoted": [
                {"title": item.title, "url": item.url, "description": item.description}
                for item in promoted
            ],
            "results": [result_json(result) for result in results.results],
            "facets": {
                name: [
                    {"value": value.value, "label": value.label, "count": value.count}
                    for value in values
                ]
                for name, values in results.facets.items()
            },
        }
    )


def suggestions(request):
    """Up to ``AUTOCOMPLETE_SIZE`` results for what was typed so far (the last word as a
    prefix), or ``None`` when too little was typed. Shared by the API and the header box."""
    query = search_params(request.GET).query
    if len(query) < MIN_PREFIX_LENGTH:
        return None
    return search(query, request.user, per_page=AUTOCOMPLETE_SIZE, with_facets=False)


@require_GET
def autocomplete(request):
    """Titles matching what was typed so far, as JSON."""
    results = suggestions(request)
    if results is None:
        return JsonResponse({"engine": None, "results": []})
    return JsonResponse(
        {
            "engine": results.engine,
            "results": [
                {"title": result.title, "url": result.url, "type": result.type}
                for result in results.results
            ],
        }
    )
