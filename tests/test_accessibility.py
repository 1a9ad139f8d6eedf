"""WCAG 2.1 AA in a real browser: axe-core (npm, pinned in package.json) checks every page
type and main view of the demo site, logged out and as the role that uses it.

One test per role: live-server tests flush the database after each test, so the demo is
loaded once per role and the role's pages are checked in one browser context; the test
fails with every violation of every page in one readable list (rule, impact, elements,
help page), not just the first. ``AXE_EXCLUSIONS`` would hold a rule excluded for a
third-party widget we cannot change, with the reason; it is empty, and the
toegankelijkheidsverklaring (fixtures/pages.json) says so."""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.images.tests.utils import get_test_image_file
from wagtail_factories import ImageFactory

from academie.factories import LessonPageFactory
from academie.models import (
    Certificate,
    CoursePage,
    Enrolment,
    LessonPage,
    TrainingPage,
)
from communities.models import Community, Topic
from kennisbank.factories import PdfDocumentFactory
from kennisbank.models import (
    EventPage,
    FactsheetPage,
    HandreikingPage,
    KennisbankIndexPage,
    NewsIndexPage,
    NewsPage,
    ThemaPage,
)
from kpo.blocks import BodyBlock
from kpo.demo import load_demo
from kpo.factories import TEST_PASSWORD, activate_totp
from kpo.models import SiteFooterSettings, User
from tests.browser_steps import log_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_data")]

AXE_SOURCE = (settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js").read_text("utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Rules switched off, each with the widget and the reason (none so far).
AXE_EXCLUSIONS = {}

# axe is injected with ``frame.evaluate``: Playwright runs it through the DevTools
# protocol (Runtime.evaluate), to which the page's Content-Security-Policy does not apply,
# so the site is tested under its real nonce CSP (no ``bypass_csp`` context, which would
# also hide a page that only works without the policy). It goes into every frame, so axe
# also checks the SCORM package in the player's iframe.
RUN_AXE = """([tags, disabled]) => axe.run(document, {
  runOnly: {type: 'tag', values: tags},
  rules: Object.fromEntries(disabled.map((id) => [id, {enabled: false}])),
  resultTypes: ['violations'],
}).then((results) => ({
  passed: results.passes.length,
  violations: results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    helpUrl: violation.helpUrl,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  })),
}))"""

MEMBER = "lid@kpo.example"
MANAGER = "communitymanager@kpo.example"  # manages Buitengebied, owns an e-learning


@dataclass
class Check:
    """A page to check: a name for the report, its path, and the status it must answer
    (so that a redirect to the login page is never mistaken for the page itself)."""

    name: str
    path: str
    status: int = 200


def axe_violations(page):
    """The WCAG 2.1 A/AA violations axe finds in the page and its frames."""
    for frame in page.frames:
        frame.evaluate(AXE_SOURCE)
    results = page.evaluate(RUN_AXE, [AXE_TAGS, list(AXE_EXCLUSIONS)])
    assert results["passed"], f"axe checked nothing on {page.url}"  # an empty page
    return results["violations"]


def describe(name, url, violations):
    lines = [f"{name} ({url}):"]
    for violation in violations:
        lines.append(
            f"  {violation['id']} [{violation['impact']}] {violation['help']} "
            f"({violation['helpUrl']})"
        )
        lines += [f"    {target}" for target in violation["targets"]]
    return "\n".join(lines)


def check_pages(page, base_url, checks):
    """Visit each page, check its status and run axe; return the readable failures."""
    failures = []
    for check in checks:
        response = page.goto(base_url + check.path)
        if response.status != check.status or response.url != base_url + check.path:
            failures.append(
                f"{check.name} ({check.path}): got {response.status} at {response.url}, "
                f"expected {check.status}"
            )
            continue
        violations = axe_violations(page)
        if violations:
            failures.append(describe(check.name, check.path, violations))
    return failures


def assert_no_failures(failures):
    assert not failures, "WCAG 2.1 AA violations found by axe-core:\n" + "\n".join(failures)


@pytest.fixture
def demo(home_page, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    load_demo(TEST_PASSWORD)


def public(model, **filters):
    return model.objects.live().filter(**filters).order_by("pk").first()


def rich_lesson(course):
    """A lesson that uses every body block (with their preview values)."""
    ImageFactory(file=get_test_image_file())
    PdfDocumentFactory(title="Handreiking APV en ondermijning")
    body = [(name, block.get_preview_value()) for name, block in BodyBlock.base_blocks.items()]
    body = [(name, value) for name, value in body if name != "video"]
    lesson = LessonPageFactory(parent=course, title="Alle onderdelen van een les", body=body)
    lesson.save_revision().publish()
    return lesson


def public_checks():
    footer = SiteFooterSettings.objects.get()
    course = public(CoursePage, slug="e-learning-wet-bibob-basis")
    return [
        Check("home", "/"),
        Check("kennisbank", public(KennisbankIndexPage).url),
        Check("themapagina", public(ThemaPage, visibility="public").url),
        Check("handreiking", public(HandreikingPage, visibility="public").url),
        Check("factsheet", public(FactsheetPage, visibility="public").url),
        Check("bijeenkomst", public(EventPage, visibility="public").url),
        Check("nieuws", public(NewsIndexPage).url),
        Check("nieuwsbericht", public(NewsPage).url),
        Check("zoeken met resultaten", reverse("search") + "?q=bibob"),
        Check("zoeken zonder resultaten", reverse("search") + "?q=qwxyzzy"),
        Check("inloggen", reverse("account_login")),
        Check("account aanvragen", reverse("account_signup")),
        Check("wachtwoord vergeten", reverse("account_reset_password")),
        Check("toegankelijkheidsverklaring", footer.accessibility_page.url),
        Check("privacyverklaring", footer.privacy_page.url),
        Check("communities", "/communities/"),
        Check("academie", public(CoursePage).get_parent().url),
        Check("e-learning", course.url),
        Check("training", public(TrainingPage).url),
        Check("certificaat controleren", reverse("academie:certificate_check")),
        Check("niet gevonden", "/bestaat-niet/", 404),
    ]


def test_pages_logged_out(browser_page, live_server, demo):
    assert_no_failures(check_pages(browser_page, live_server.url, public_checks()))


def member_checks(member):
    course = public(CoursePage, slug="e-learning-ondermijning")
    scorm_course = public(CoursePage, slug="e-learning-wet-bibob-verdieping")
    Enrolment.objects.create(user=member, course=scorm_course)
    certificate = Certificate.objects.create(
        user=member,
        course=course,
        learner_name=member.full_name,
        course_title=course.title,
        completed_at=course.first_published_at,
    )
    buitengebied = Community.objects.get(slug="buitengebied")
    thread = Topic.objects.filter(community=buitengebied, posts__is_opening=False).first()
    logged_out_only = {"inloggen", "account aanvragen"}
    return [
        *[check for check in public_checks() if check.name not in logged_out_only],
        Check("handreiking voor leden", public(HandreikingPage, visibility="members").url),
        Check("mijn account", reverse("account_overview")),
        Check("profiel", reverse("kpo_edit_profile")),
        Check("e-mailadressen", reverse("account_email")),
        Check("wachtwoord wijzigen", reverse("account_change_password")),
        Check("tweestapsverificatie", reverse("mfa_index")),
        Check("collega's", reverse("kpo_member_directory")),
        Check("collega", reverse("kpo_member_profile", args=[member.pk])),
        Check("community", reverse("communities:home", args=[buitengebied.slug])),
        Check("onderwerp met reacties", thread.get_absolute_url()),
        Check("nieuw onderwerp", reverse("communities:new_topic", args=[buitengebied.slug])),
        Check("bestanden", reverse("communities:files", args=[buitengebied.slug])),
        Check("meldingen", reverse("communities:notifications")),
        Check("rijke les", rich_lesson(course).url),
        Check("scorm-les", public(LessonPage, kind="scorm").url),
        Check("mijn leeromgeving", reverse("academie:dashboard")),
        Check("certificaat", reverse("academie:certificate", args=[certificate.code])),
        Check("geen toegang", reverse("academie:reports"), 403),
    ]


def reauthenticated_checks(page, base_url):
    """Pages behind allauth's reauthentication: its password form first, then the pages."""
    reauthenticate = reverse("account_reauthenticate")
    target = reverse("mfa_activate_totp")
    failures = check_pages(page, base_url, [Check("wachtwoord bevestigen", reauthenticate)])
    page.goto(f"{base_url}{reauthenticate}?next={target}")
    page.fill('input[name="password"]', TEST_PASSWORD)
    page.locator('main form button[type="submit"]').click()
    page.wait_for_url(base_url + target)
    checks = [
        Check("authenticator instellen", target),
        Check("account verwijderen", reverse("kpo_delete_account")),
    ]
    return failures + check_pages(page, base_url, checks)


def quiz_checks(page, base_url):
    """The quiz lesson before and after the member hands in answers."""
    quiz = public(LessonPage, kind="quiz")
    failures = check_pages(page, base_url, [Check("toets", quiz.url)])
    for fieldset in page.locator(".kpo-quiz__form fieldset").all():
        fieldset.locator("input").first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Antwoorden inleveren").click()
    assert page.get_by_text("Uw laatste poging").is_visible()
    violations = axe_violations(page)
    if violations:
        failures.append(describe("toets na inleveren", quiz.url, violations))
    return failures


def manager_checks():
    buitengebied = Community.objects.get(slug="buitengebied")
    owned = public(CoursePage, slug="e-learning-wet-bibob-verdieping")
    training = public(TrainingPage, course_owner__email=MANAGER)
    return [
        Check("leden beheren", reverse("communities:members", args=[buitengebied.slug])),
        Check("moderatie", reverse("communities:moderation", args=[buitengebied.slug])),
        Check("aanmeldingen e-learning", reverse("academie:approvals")),
        Check("rapportages", reverse("academie:reports")),
        Check("rapportage e-learning", reverse("academie:course_report", args=[owned.pk])),
        Check("rapportage training", reverse("academie:training_report", args=[training.pk])),
    ]


def test_pages_logged_in_as_member_and_as_community_manager(new_browser_page, live_server, demo):
    """The member (one browser context) and the community manager who also owns an
    e-learning (another)."""
    base_url = live_server.url
    member_page, manager_page = new_browser_page(), new_browser_page()
    member_pages = member_checks(User.objects.get(email=MEMBER))
    manager = User.objects.get(email=MANAGER)
    secret = activate_totp(manager)  # staff must use MFA

    log_in(member_page, base_url, MEMBER)
    failures = check_pages(member_page, base_url, member_pages)
    failures += quiz_checks(member_page, base_url)
    failures += reauthenticated_checks(member_page, base_url)
    log_in(manager_page, base_url, MANAGER, totp_secret=secret)
    failures += check_pages(manager_page, base_url, manager_checks())

    assert_no_failures(failures)
