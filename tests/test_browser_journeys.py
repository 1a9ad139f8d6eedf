"""The users' main journeys, one role per test, in the real Chromium against the live
server. Each journey is one test with several steps (live-server tests flush the
database, so they are slow); the data comes from the factories. A failing journey leaves
a screenshot and the HTML of its pages in var/test-artifacts/ (tests/conftest.py)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from academie.factories import CoursePageFactory, LessonPageFactory, ScormLessonFactory
from academie.models import AcademieIndexPage
from communities.factories import CommunityFactory, MembershipFactory, PostFactory
from communities.models import CommunityType, MembershipStatus, Report, Role
from kennisbank.factories import HandreikingDocumentFactory, HandreikingPageFactory
from kennisbank.models import KennisbankIndexPage
from kpo import roles
from kpo.factories import (
    OrganisationFactory,
    StaffUserFactory,
    ThemeFactory,
    VerifiedUserFactory,
    activate_totp,
)
from kpo.models import ApprovalStatus, User
from tests.browser_steps import link_in_last_email, log_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Groups, permissions, workflow and root collection, which the flush removes.
    pytest.mark.usefixtures("migrated_data"),
]

NEW_PASSWORD = "Ondermijning-Aanpak-2026"
MORE_ACTIONS = re.compile("Meer acties|More actions")


def posted(response):
    """For ``expect_response``: the answer to a form the browser posted."""
    return response.request.method == "POST"


def footer_action(page, selector):
    """A button of the Wagtail editor's footer action menu, opening its dropdown if the
    button is not the visible default action."""
    button = page.locator(selector).first
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name=MORE_ACTIONS).click()
    return button


def test_visitor_signs_up_verifies_and_waits_for_approval(browser_page, live_server, home_page):
    OrganisationFactory(name="Gemeente Zwolle")
    ThemeFactory(name="Wet Bibob")
    page = browser_page
    base = live_server.url

    page.goto(base + "/")
    page.get_by_role("link", name="Inloggen").click()
    page.locator(f'a[href^="{reverse("account_signup")}"]').first.click()
    page.fill('input[name="email"]', "nieuwe.collega@zwolle.example")
    page.fill('input[name="password1"]', NEW_PASSWORD)
    page.fill('input[name="password2"]', NEW_PASSWORD)
    page.get_by_label("Volledige naam").fill("Nadia Nieuw")
    page.locator("#id_organisation").select_option(label="Gemeente Zwolle")
    page.get_by_label("Functie").fill("Beleidsadviseur ondermijning")
    page.get_by_label("Wet Bibob").check()
    page.get_by_label("Waarom wilt u lid worden?").fill("Ik werk aan Bibob-toetsen in Zwolle.")
    page.locator('form:has(input[name="password2"]) button[type="submit"]').click()

    page.wait_for_url(lambda url: reverse("account_email_verification_sent") in url)
    user = User.objects.get(email="nieuwe.collega@zwolle.example")
    assert (user.full_name, user.organisation.name) == ("Nadia Nieuw", "Gemeente Zwolle")
    assert list(user.themes.values_list("name", flat=True)) == ["Wet Bibob"]

    page.goto(link_in_last_email(user.email, "/accounts/confirm-email/"))
    with page.expect_response(posted):
        page.locator("main form button[type=submit]").click()
    user.refresh_from_db()
    assert user.emailaddress_set.get().verified
    assert (user.approval_status, user.is_approved) == (ApprovalStatus.PENDING, False)

    page.goto(f"{base}{reverse('account_login')}")
    page.fill('input[name="login"]', user.email)
    page.fill('input[name="password"]', NEW_PASSWORD)
    page.locator('form:has(input[name="password"]) button[type="submit"]').click()
    page.wait_for_url(base + "/")
    page.get_by_role("link", name="Mijn account").click()
    expect(page.get_by_text("Wacht op goedkeuring")).to_be_visible()
    expect(page.get_by_role("link", name="Vind een collega")).to_have_count(0)
    page.goto(base + reverse("kpo_member_directory"))
    expect(page.get_by_role("heading", name="Vind een collega")).to_have_count(0)


def test_member_logs_in_with_totp_searches_downloads_and_posts(
    browser_page, live_server, home_page
):
    member = VerifiedUserFactory(email="lid@gemeente.example", full_name="Lotte Lid", mfa=False)
    secret = activate_totp(member)
    community = CommunityFactory(name="Buitengebied")
    MembershipFactory(community=community, user=member)
    kennisbank = KennisbankIndexPage.objects.get()
    handreiking = HandreikingPageFactory(
        parent=kennisbank, title="Handreiking APV en ondermijning", visibility="members"
    )
    HandreikingDocumentFactory(page=handreiking, document__title="Handreiking APV (pdf)")
    handreiking.save_revision().publish()
    page = browser_page
    base = live_server.url

    log_in(page, base, member.email, totp_secret=secret)

    page.get_by_role("searchbox").first.fill("handreikingen apv")
    page.get_by_role("search").first.get_by_role("button").click()
    page.get_by_role("link", name="Handreiking APV en ondermijning").click()
    page.wait_for_url(base + handreiking.url)
    link = page.get_by_role("link", name="Handreiking APV (pdf)")
    with page.expect_download() as download:
        link.click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    answer = page.request.get(base + link.get_attribute("href"))  # with the session cookie
    assert (answer.status, answer.headers["content-type"]) == (200, "application/pdf")

    page.goto(base + reverse("communities:home", args=[community.slug]))
    page.get_by_role("link", name="Nieuw onderwerp").first.click()
    page.get_by_label("Titel").fill("Signalen bij leegstaande stallen")
    page.get_by_label("Bericht").fill("Wie heeft ervaring met controles in het buitengebied?")
    page.locator('form:has(textarea[name="source"]) button[type="submit"]').click()
    page.wait_for_url(lambda url: "/onderwerpen/" in url)
    expect(page.get_by_role("heading", name="Signalen bij leegstaande stallen")).to_be_visible()
    question = "Wie heeft ervaring met controles in het buitengebied?"
    expect(page.get_by_text(question)).to_be_visible()
    topic = community.topics.get()
    assert (topic.author, topic.posts.get().needs_approval) == (member, False)


def test_community_manager_admits_a_member_and_handles_a_report(
    browser_page, live_server, home_page
):
    manager = StaffUserFactory(
        email="cm@liec.example", full_name="Carla Visser", group=roles.COMMUNITY_MANAGERS, mfa=False
    )
    secret = activate_totp(manager)
    community = CommunityFactory(name="Buitengebied", type=CommunityType.ON_REQUEST)
    MembershipFactory(community=community, user=manager, role=Role.MANAGER)
    applicant = VerifiedUserFactory(email="piet@politie.example", full_name="Piet Aanvrager")
    request = MembershipFactory(
        community=community,
        user=applicant,
        status=MembershipStatus.PENDING,
        motivation="Ik doe controles bij agrarische bedrijven.",
    )
    writer = VerifiedUserFactory(email="bas@gemeente.example", full_name="Bas Schrijver")
    MembershipFactory(community=community, user=writer)
    post = PostFactory(
        topic__community=community, topic__author=writer, is_opening=True, source="Koop nu!"
    )
    reporter = VerifiedUserFactory(email="rita@gemeente.example", full_name="Rita Melder")
    MembershipFactory(community=community, user=reporter)
    report = Report.objects.create(post=post, reporter=reporter, reason="Dit is reclame.")
    page = browser_page
    base = live_server.url

    log_in(page, base, manager.email, totp_secret=secret)

    page.goto(base + reverse("communities:members", args=[community.slug]))
    expect(page.get_by_text("Ik doe controles bij agrarische bedrijven.")).to_be_visible()
    with page.expect_response(posted):
        page.get_by_role("button", name="Piet Aanvrager toelaten").click()
    expect(page.get_by_role("button", name="Piet Aanvrager toelaten")).to_have_count(0)
    request.refresh_from_db()
    assert request.status == MembershipStatus.ACTIVE

    page.goto(base + reverse("communities:moderation", args=[community.slug]))
    item = page.locator("li", has_text="Rita Melder meldde een bericht van Bas Schrijver")
    expect(item.get_by_text("Dit is reclame.")).to_be_visible()
    item.get_by_label("Reden om te verbergen").fill("Reclame hoort hier niet.")
    with page.expect_response(posted):
        item.get_by_role("button", name="Verbergen").click()
    expect(page.get_by_text("Er zijn geen openstaande meldingen.")).to_be_visible()
    post.refresh_from_db()
    report.refresh_from_db()
    assert (post.is_hidden, post.hidden_reason) == (True, "Reclame hoort hier niet.")
    assert report.resolved_at is not None


def test_editor_submits_a_page_and_the_redactieraad_approves_it(
    new_browser_page, live_server, home_page
):
    editor = StaffUserFactory(
        email="redacteur@riec.example", full_name="Rob Redacteur", group=roles.EDITORS, mfa=False
    )
    editor_secret = activate_totp(editor)
    board_member = StaffUserFactory(
        email="redactieraad@riec.example",
        full_name="Ria Raad",
        group=roles.EDITORIAL_BOARD,
        mfa=False,
    )
    board_secret = activate_totp(board_member)
    kennisbank = KennisbankIndexPage.objects.get()
    draft = HandreikingPageFactory(
        parent=kennisbank,
        title="Handreiking weerbaar buitengebied",
        live=False,
        owner=editor,
        themes=[ThemeFactory(name="Buitengebied")],
    )
    HandreikingDocumentFactory(page=draft, document__title="Handreiking buitengebied (pdf)")
    draft.save_revision(user=editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    base = live_server.url

    page = new_browser_page()
    log_in(page, base, editor.email, totp_secret=editor_secret, next_url=edit_url)
    page.locator("#id_title").fill("Handreiking voor een weerbaar buitengebied")
    with page.expect_response(posted):
        footer_action(page, 'button[name="action-submit"]').click()
    draft.refresh_from_db()
    assert draft.workflow_in_progress and not draft.live
    assert draft.get_latest_revision().as_object().title == (
        "Handreiking voor een weerbaar buitengebied"
    )

    board_page = new_browser_page()
    log_in(board_page, base, board_member.email, totp_secret=board_secret, next_url="/admin/")
    awaiting_review = board_page.get_by_text("Handreiking voor een weerbaar buitengebied")
    expect(awaiting_review.first).to_be_visible()
    board_page.goto(base + edit_url)
    approve = 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    with board_page.expect_response(posted):
        footer_action(board_page, approve).click()

    draft.refresh_from_db()
    assert draft.live and draft.title == "Handreiking voor een weerbaar buitengebied"
    assert not draft.workflow_in_progress
    page.goto(base + draft.url)
    assert page.get_by_role("heading", level=1).inner_text() == draft.title


def test_learner_enrols_leaves_and_resumes_an_e_learning(browser_page, live_server, home_page):
    learner = VerifiedUserFactory(email="leerling@gemeente.example", full_name="Lea Leerling")
    course = CoursePageFactory(
        parent=AcademieIndexPage.objects.get(), title="E-learning Wet Bibob basis"
    )
    LessonPageFactory(parent=course, title="Wat is de Wet Bibob?")
    scorm_lesson = ScormLessonFactory(parent=course, title="Casus in SCORM")
    LessonPageFactory(parent=course, title="Het advies van het LBB")
    page = browser_page
    base = live_server.url

    log_in(page, base, learner.email, next_url=course.url)
    page.get_by_role("button", name="Inschrijven").click()
    page.get_by_role("link", name="Beginnen met Wat is de Wet Bibob?").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Wat is de Wet Bibob?"

    # Leave, come back through the menu and "Mijn leeromgeving": on to the SCORM lesson.
    page.goto(base + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Academie").click()
    page.get_by_role("link", name="Naar mijn leeromgeving").click()
    expect(page.locator("p", has_text="1 van 3 lessen afgerond")).to_be_visible()
    page.get_by_role("link", name="Verder met Casus in SCORM").click()
    package = page.frame_locator("#scorm-frame")
    expect(package.locator("#welcome")).to_have_text("Welkom bij deze e-learning.")
    package.get_by_role("button", name="Volgende").click()
    page.wait_for_function("window.API.lastErrorCode === '0'")
    expect(page.locator("#scorm-status")).to_have_text("Uw voortgang is opgeslagen.")

    # Log out and in again: the dashboard resumes the package where the learner left it.
    page.context.clear_cookies()
    log_in(page, base, learner.email, next_url=reverse("academie:dashboard"))
    expect(page.locator("p", has_text="1 van 3 lessen afgerond")).to_be_visible()
    page.get_by_role("link", name="Verder met Casus in SCORM").click()
    page.wait_for_url(base + scorm_lesson.url)
    package = page.frame_locator("#scorm-frame")
    expect(package.locator("#welcome")).to_have_text(
        "Welkom terug. U gaat verder op pagina 2 (eerder bekeken: 1, 2)."
    )
    assert package.locator("body").get_attribute("data-entry") == "resume"
