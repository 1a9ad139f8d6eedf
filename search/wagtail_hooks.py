from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import can_view_report, search_terms_report
from .models import SearchSynonym


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_admin_urls")
def register_search_terms_url():
    return [path("reports/zoektermen/", search_terms_report, name="kpo_search_terms")]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Zoektermen"), reverse("kpo_search_terms"), name="kpo-search-terms", icon_name="search"
    )


# Wagtail's own report (from wagtail.contrib.search_promotions) counts the same searches as
# "Zoektermen" above, without the searches that found nothing; its promoted results admin
# stays.
WAGTAIL_SEARCH_TERMS_ITEM = "search-terms"


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms_report(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != WAGTAIL_SEARCH_TERMS_ITEM]


class SearchSynonymViewSet(SnippetViewSet):
    """Instellingen > Synoniemen, for those who manage promoted results too (migration 0006)."""

    model = SearchSynonym
    icon = "search"
    menu_label = _("Synoniemen")
    menu_name = "kpo-search-synonyms"
    add_to_settings_menu = True
    list_display = ["term", "synonyms_display", "note"]
    search_fields = ["term", "synonyms"]
    ordering = ["key"]


register_snippet(SearchSynonymViewSet)
