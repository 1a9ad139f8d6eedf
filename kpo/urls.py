from django.conf import settings
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kennisbank import version_views
from kpo import admin_views, s3storage, views
from search import views as search_views

# Every login route goes through allauth: Wagtail's admin and frontend login and
# password-reset views are replaced by redirects before Wagtail's own URLs.
allauth_only_routes = [
    path("admin/login/", views.redirect_to_allauth_login),
    path("admin/password_reset/", views.redirect_to_allauth_password_reset),
    path("_util/login/", views.redirect_to_allauth_login),
]

# Wagtail's account settings, with a name panel that fits KPO's user model.
account_routes = [path("admin/account/", admin_views.account_settings)]

# A database outage answers 503 "tijdelijk niet beschikbaar" instead of a 500.
handler500 = "kpo.views.server_error"

urlpatterns = [
    *allauth_only_routes,
    *account_routes,
    path("admin/", include(wagtailadmin_urls)),
    path("accounts/", include("allauth.urls")),
    path("mijn-account/", views.account_overview, name="account_overview"),
    path("", include("kpo.accounts_urls")),
    path(
        "documenten/versies/<int:version_id>/<str:filename>",
        version_views.download_version,
        name="document_version_download",
    ),
    path("documenten/", include(wagtaildocs_urls)),
    path("feeds/", include("kennisbank.urls")),
    path("zoeken/", search_views.search, name="search"),
    path("zoeken/suggesties/", search_views.suggestions, name="search_suggestions"),
    path("api/zoeken/", include("search.urls")),
    path("academie/", include("academie.urls")),
    path("communities/", include("communities.urls")),
    # Choosing a language only sets the language cookie; without a CSRF token in the footer
    # form, public pages hold nothing per visitor and can be cached (kpo/page_cache.py).
    # Public pages only: each page type decides in ``get_sitemap_urls`` (kpo.access).
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Only images are served from MEDIA_ROOT in development; documents always go
    # through Django's access check (WAGTAILDOCS_SERVE_METHOD = "serve_view").
    urlpatterns += static(
        f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images"
    )

# Image renditions (public by design) from whichever storage holds the media, e.g. the
# private S3 bucket of the cluster profile (kpo/s3storage.py); documents never.
urlpatterns.append(path(f"{settings.MEDIA_URL[1:]}images/<path:path>", s3storage.serve_image))
urlpatterns.append(path("", include(wagtail_urls)))
