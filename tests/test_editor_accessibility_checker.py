"""Wagtail's editor accessibility checker (the userbar's content checker, formerly
``AccessibilityItem``) stays on: editors see it on the site, on a draft and in the preview
panel, and no ``construct_wagtail_userbar`` hook takes it away."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.userbar import AdminItem, ContentCheckerItem, Userbar

from kpo import roles
from kpo.factories import StaffUserFactory, StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("migrated_data")]

# What the checker item renders: its axe configuration for the userbar's script.
CHECKER_MARKUP = 'id="checker-axe-configuration"'


@pytest.fixture
def editor():
    return StaffUserFactory(email="redacteur@riec.example", group=roles.EDITORS)


@pytest.fixture
def standard_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Over het platform")
    page.save_revision().publish()
    return page


def test_editor_sees_the_accessibility_checker_on_a_live_page(client, editor, standard_page):
    client.force_login(editor)

    response = client.get(standard_page.url)

    assert response.status_code == 200
    assert CHECKER_MARKUP in response.text


def test_editor_sees_the_accessibility_checker_on_a_draft(client, editor, standard_page):
    standard_page.title = "Over het platform (concept)"
    standard_page.save_revision(user=editor)
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[standard_page.pk]))

    assert response.status_code == 200
    assert "Over het platform (concept)" in response.text
    assert CHECKER_MARKUP in response.text


def test_the_preview_panel_runs_the_accessibility_checker(editor, standard_page):
    request = RequestFactory().get(standard_page.url)
    request.user = editor
    request.in_preview_panel = True

    html = Userbar(object=standard_page).render_html({"request": request})

    assert CHECKER_MARKUP in html


def test_no_userbar_hook_removes_the_accessibility_checker(editor, standard_page):
    request = RequestFactory().get(standard_page.url)
    request.user = editor
    items = [AdminItem(), ContentCheckerItem()]

    for hook in hooks.get_hooks("construct_wagtail_userbar"):
        hook(request, items, standard_page)

    assert any(isinstance(item, ContentCheckerItem) for item in items)


def test_visitors_and_members_get_no_userbar(client, member_client, standard_page):
    for visitor in (client, member_client):
        assert CHECKER_MARKUP not in visitor.get(standard_page.url).text
