"""Crawls of the demo content (``kpo.demo.load_demo``) with ``DEBUG=False``: every admin URL
a staff role can reach (reports, listings, add views and the edit view of every model,
snippet and page type) as each staff role, and every page of the public site as each role.
No request may answer a server error.

The admin URLs come from the URL patterns without parameters (reports, listings, add
views) and from Wagtail's ``AdminURLFinder`` (the edit view of one object of every model
it knows, of every page type, and the explorer of every page with children). The public
crawl starts at the home page, every live page and every public route without parameters,
and follows the links each role is shown."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from kpo.demo import DEMO_ACCOUNTS, load_demo
from kpo.factories import activate_totp
from kpo.models import User
from tests.url_patterns import routes

pytestmark = pytest.mark.django_db

PASSWORD = "demo-crawl-wachtwoord"  # noqa: S105
STAFF_ROLES = [account.email for account in DEMO_ACCOUNTS if account.group]
MEMBER_ROLES = [account.email for account in DEMO_ACCOUNTS if not account.group]
PUBLIC_ROLES = [None, *MEMBER_ROLES, *STAFF_ROLES]

# Routes that end the session or exist to fail.
SKIPPED_ROUTES = {"admin/logout/", "admin/failwhale/", "accounts/logout/"}
# Public links not followed: the CMS (crawled on its own), leaving, changing the language.
NOT_FOLLOWED = ("/admin/", "/accounts/logout/", "/i18n/", "/django-admin/")
MAX_PUBLIC_URLS = 600  # per role: a crawl that grows past this is a bug in the crawl


@pytest.fixture
def demo(db):
    """The demo content; staff set up MFA, as they must before the CMS opens."""
    assert settings.DEBUG is False
    load_demo(PASSWORD)
    for user in User.objects.filter(email__in=STAFF_ROLES):
        activate_totp(user)


def client_for(email):
    client = Client(raise_request_exception=False)  # a server error is a status too
    if email is not None:
        client.force_login(User.objects.get(email=email))
    return client


def plain_routes(prefix=""):
    """The routes without parameters (or regular expressions), as paths."""
    return [
        "/" + route
        for route in routes()
        if not any(char in route for char in "<^($")
        and route not in SKIPPED_ROUTES
        and route.startswith(prefix)
    ]


def one_of_each_model():
    """One object of every model, and of every concrete page type."""
    for model in apps.get_models():
        if issubclass(model, Page):
            instance = model.objects.filter(content_type__model=model._meta.model_name).first()
        else:
            instance = model.objects.order_by("pk").first()
        if instance is not None:
            yield instance


def admin_urls():
    finder = AdminURLFinder()
    edit_urls = [finder.get_edit_url(instance) for instance in one_of_each_model()]
    explorers = [
        f"/admin/pages/{pk}/"
        for pk in Page.objects.filter(numchild__gt=0).values_list("pk", flat=True)
    ]
    return list(dict.fromkeys([*plain_routes("admin/"), *filter(None, edit_urls), *explorers]))


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)


def internal_links(html):
    parser = LinkParser()
    parser.feed(html)
    for link in parser.links:
        url = urlsplit(urldefrag(link).url)
        if url.scheme in ("", "http") and url.netloc in ("", "testserver", "localhost"):
            path = url.path
            if path.startswith("/") and not path.startswith(NOT_FOLLOWED):
                yield path


def server_errors(client, paths, follow_links=False):
    """``path: status`` for every path (and, when following links, every page reached)
    that answers a server error."""
    queue, seen, errors = deque(paths), set(paths), []
    while queue:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code >= 500:
            errors.append(f"{path}: {response.status_code}")
        if not follow_links or response.get("Content-Type", "").split(";")[0] != "text/html":
            continue
        for link in internal_links(response.content.decode("utf-8", "replace")):
            if link not in seen:
                seen.add(link)
                queue.append(link)
        assert len(seen) < MAX_PUBLIC_URLS, f"the crawl grew past {MAX_PUBLIC_URLS} URLs"
    return errors, seen


def test_no_admin_url_answers_a_server_error_to_a_staff_role(demo):
    urls = admin_urls()
    errors = []

    for email in STAFF_ROLES:
        role_errors, seen = server_errors(client_for(email), urls)
        errors += [f"{email} {error}" for error in role_errors]

    assert "/admin/reports/te-herzien/" in seen and len(seen) > 100
    assert not errors, "\n".join(errors)


def test_no_public_page_answers_a_server_error_to_any_role(demo):
    pages = [page.url for page in Page.objects.live().specific() if page.url]
    start = list(dict.fromkeys(["/", *pages, *(p for p in plain_routes() if "/admin" not in p)]))
    errors = []

    for email in PUBLIC_ROLES:
        role_errors, seen = server_errors(client_for(email), start, follow_links=True)
        errors += [f"{email or 'anonymous'} {error}" for error in role_errors]
        assert len(seen) > len(start), f"{email or 'anonymous'} followed no link"

    assert not errors, "\n".join(errors)
