"""The Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval') in a real Chromium:
Wagtail's admin and the public site work under it, without a single violation.

Each test opens many pages on one live server (a flush costs ~10 s)."""

import pytest
from playwright.sync_api import expect

from academie.factories import CoursePageFactory, EnrolmentFactory, LessonPageFactory
from academie.models import AcademieIndexPage
from communities.factories import CommunityFactory, MembershipFactory, PostFactory, TopicFactory
from kennisbank.factories import (
    EventPageFactory,
    HandreikingDocumentFactory,
    HandreikingPageFactory,
    ThemaPageFactory,
)
from kennisbank.models import KennisbankIndexPage
from kpo import roles
from kpo.factories import StaffUserFactory, ThemeFactory, VerifiedUserFactory
from tests.browser_support import ProblemRecorder, log_in

pytestmark = pytest.mark.django_db(transaction=True)

INLINE_PANEL_FORMS = "#id_documents-FORMS > [data-inline-panel-child]:not(.deleted)"


def visit(page, live_server, path):
    response = page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    assert response.status == 200, f"{path}: {response.status}"
    assert page.url == live_server.url + path, f"{path} redirected to {page.url}"


@pytest.fixture
def kennisbank_pages(migrated_data):
    kennisbank = KennisbankIndexPage.objects.get()
    theme = ThemeFactory(name="Wet Bibob")
    thema = ThemaPageFactory(parent=kennisbank, theme=theme)
    handreiking = HandreikingPageFactory(
        parent=kennisbank, title="Handreiking APV en ondermijning", themes=[theme]
    )
    HandreikingDocumentFactory(page=handreiking)
    event = EventPageFactory(parent=kennisbank, title="Kennisevent Bibob")
    return {"thema": thema, "handreiking": handreiking, "event": event}


def test_the_wagtail_editor_works_without_csp_violations(
    browser_page, live_server, kennisbank_pages
):
    page = browser_page
    recorder = ProblemRecorder(page)
    administrator = StaffUserFactory(email="beheerder@kpo.example", is_superuser=True)
    editor = StaffUserFactory(email="redacteur@kpo.example", group=roles.EDITORS)
    handreiking, event = kennisbank_pages["handreiking"], kennisbank_pages["event"]
    kennisbank = handreiking.get_parent()
    log_in(page, live_server, administrator)

    # The page editor: an InlinePanel with a document chooser, date and date-time fields.
    visit(page, live_server, f"/admin/pages/{handreiking.pk}/edit/")
    assert recorder.problems() == []
    forms_before = page.locator(INLINE_PANEL_FORMS).count()
    page.click("#id_documents-ADD")
    assert page.locator(INLINE_PANEL_FORMS).count() == forms_before + 1
    page.locator(f"{INLINE_PANEL_FORMS} [data-chooser-action-choose]").last.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for(state="visible")
    modal.locator("a[data-chooser-modal-choice]").first.click()
    modal.wait_for(state="hidden")
    chosen = page.locator(f"{INLINE_PANEL_FORMS} [data-chooser-title]").last
    assert chosen.inner_text().strip() != ""
    page.locator("#id_publication_date").click()
    page.locator(".xdsoft_datetimepicker >> visible=true").first.wait_for()
    assert recorder.problems() == []

    # The preview panel frames the page preview; the checks panel runs Wagtail's
    # accessibility checker (it stays enabled).
    page.locator("button[data-side-panel-toggle='preview']").click()
    page.wait_for_selector("#w-preview-iframe")
    page.wait_for_load_state("networkidle")
    page.locator("button[data-side-panel-toggle='checks']").click()
    # The checks run once the preview has rendered: slow on a loaded machine.
    expect(page.locator("[data-content-word-count]")).not_to_have_text("-", timeout=30_000)
    assert recorder.problems() == []

    for path in (
        f"/admin/pages/{event.pk}/edit/",
        f"/admin/pages/add/kennisbank/handreikingpage/{kennisbank.pk}/",
        f"/admin/pages/{kennisbank.pk}/",
        f"/admin/pages/{handreiking.pk}/history/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        f"/admin/documents/edit/{handreiking.documents.first().document.pk}/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/snippets/",
        "/admin/snippets/kpo/allowedemaildomain/add/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/reports/te-herzien/",
        "/admin/searchpicks/add/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/users/",
        f"/admin/users/edit/{editor.pk}/",
        "/admin/aanvragen/",
        "/admin/account/",
    ):
        visit(page, live_server, path)
        assert recorder.problems() == [], path

    # Promoted search results: the formset and the search term chooser start from markup.
    visit(page, live_server, "/admin/searchpicks/add/")
    picks = page.locator("[id$='-FORMS'] > [id^='inline_child_']")
    picks_before = picks.count()
    page.locator("button[id$='-ADD']").first.click()
    assert picks.count() == picks_before + 1
    page.click("#id_query_string-chooser")
    page.locator(".modal-dialog").wait_for(state="visible")
    assert recorder.problems() == []


def test_the_public_site_works_without_csp_violations(browser_page, live_server, kennisbank_pages):
    page = browser_page
    recorder = ProblemRecorder(page)
    member = VerifiedUserFactory(email="lid@gemeente.example")
    community = CommunityFactory(name="Buitengebied")
    MembershipFactory(community=community, user=member)
    topic = TopicFactory(community=community, author=member, title="Leegstaande stallen")
    PostFactory(topic=topic, is_opening=True, source="Wie heeft ervaring met signalen?")
    PostFactory(topic=topic, author=VerifiedUserFactory(), source="Wij werken met een meldpunt.")
    MembershipFactory(community=community, user=topic.posts.last().author)
    course = CoursePageFactory(parent=AcademieIndexPage.objects.get(), title="Wet Bibob")
    lesson = LessonPageFactory(parent=course, title="Wat is de Wet Bibob?")
    EnrolmentFactory(user=member, course=course)

    for path in ("/", kennisbank_pages["thema"].url, kennisbank_pages["handreiking"].url):
        visit(page, live_server, path)
        assert recorder.problems() == [], path

    log_in(page, live_server, member)
    for path in ("/zoeken/?q=bibob", lesson.url, community.get_absolute_url()):
        visit(page, live_server, path)
        assert recorder.problems() == [], path

    # htmx: report a post and reply in the thread, both without a page load.
    visit(page, live_server, topic.get_absolute_url())
    page.get_by_role("link", name="Melden").first.click()
    report_form = page.locator("form.kpo-report")
    report_form.locator("textarea").fill("Dit hoort hier niet.")
    report_form.get_by_role("button", name="Melding versturen").click()
    page.get_by_text("De community managers bekijken uw melding").wait_for()
    page.locator("#reply-area textarea").fill("Wij ook: het meldpunt werkt goed.")
    page.locator("#reply-area button[type=submit]").click()
    page.get_by_text("Wij ook: het meldpunt werkt goed.").wait_for()
    assert page.url == live_server.url + topic.get_absolute_url()
    assert recorder.problems() == []
