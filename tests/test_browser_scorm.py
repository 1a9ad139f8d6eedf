"""A SCORM 1.2 package in a real browser: scorm-again as window.API, the generated package
committing, leaving and resuming, then passing. Once on the site's own origin, and once with
the package on a separate content origin (``KPO_SCORM_CONTENT_ORIGIN``): the site on
``http://localhost:<port>`` and the content on ``http://127.0.0.1:<port>`` of the same live
server, two origins that share no cookies or scripts, talking by ``postMessage`` only."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from academie.factories import (
    CoursePageFactory,
    EnrolmentFactory,
    ScormLessonFactory,
)
from academie.models import AcademieIndexPage, LessonProgress, ScormAttempt
from kpo.factories import VerifiedUserFactory
from tests.browser_support import ProblemRecorder, log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def lesson(home_page):
    academie = AcademieIndexPage.objects.get()
    course = CoursePageFactory(parent=academie, title="E-learning Wet Bibob", slug="wet-bibob")
    return ScormLessonFactory(parent=course, title="Casus in SCORM", slug="casus")


@pytest.fixture
def learner(lesson):
    learner = VerifiedUserFactory(full_name="Sanne Scorm")
    EnrolmentFactory(user=learner, course=lesson.get_parent().specific)
    return learner


@pytest.fixture
def content_origin(settings, live_server):
    """Package content on 127.0.0.1, the site on localhost: the same server, two origins."""
    site = live_server.url
    content = site.replace("//localhost:", "//127.0.0.1:")
    assert content != site
    settings.WAGTAILADMIN_BASE_URL = site
    settings.KPO_SCORM_CONTENT_ORIGIN = content
    return content


def package_on_site(page):
    return page.frame_locator("#scorm-frame")


def package_below_launch_page(page):
    return page.frame_locator("#scorm-frame").frame_locator("#scorm-package")


def wait_for_server(page, attempt, reached):
    """Commits go out as the package calls the API (LMSFinish by navigator.sendBeacon): wait
    until the attempt stored on the server has ``reached`` what the package did."""
    for _tick in range(50):
        attempt.refresh_from_db()
        if reached(attempt):
            return
        page.wait_for_timeout(100)


def learn_leave_resume_and_pass(page, live_server, lesson, learner, open_package):
    """The learner's walk through the package, checked on the server at every step."""
    # First visit: the package starts fresh, the learner moves to page 2.
    page.goto(live_server.url + lesson.url)
    package = open_package(page)
    expect(package.locator("#welcome")).to_have_text("Welkom bij deze e-learning.")
    package.get_by_role("button", name="Volgende").click()
    expect(package.locator("body")).to_have_attribute("data-current-page", "2")
    attempt = ScormAttempt.objects.get(user=learner, lesson=lesson)
    wait_for_server(page, attempt, lambda attempt: attempt.lesson_location == "2")
    assert page.locator("#scorm-status").inner_text() == "Uw voortgang is opgeslagen."
    assert attempt.lesson_status == "incomplete"
    assert attempt.lesson_location == "2"
    assert attempt.suspend_data == '{"visited":[1,2]}'
    assert attempt.exit == "suspend"
    assert attempt.commit_count >= 2
    first_session = attempt.session_time
    assert first_session > timedelta(0), "the package reports its session time"

    # The learner leaves and comes back: the package sees the stored data.
    page.goto(live_server.url + "/academie/mijn-leeromgeving/")
    page.goto(live_server.url + lesson.url)
    package = open_package(page)
    expect(package.locator("#welcome")).to_have_text(
        "Welkom terug. U gaat verder op pagina 2 (eerder bekeken: 1, 2)."
    )
    expect(package.locator("body")).to_have_attribute("data-entry", "resume")
    expect(package.locator("body")).to_have_attribute("data-current-page", "2")

    # To the knowledge check: all answers right, so the package reports passed.
    package.get_by_role("button", name="Volgende").click()
    for fieldset in package.locator("fieldset").all():
        fieldset.locator("input[data-correct]").check()
    package.get_by_role("button", name="Controleer mijn antwoorden").click()
    expect(package.locator("#result")).to_have_text("Geslaagd met een score van 100%.")

    wait_for_server(page, attempt, lambda attempt: attempt.finished_at is not None)
    assert attempt.lesson_status == "passed"
    assert attempt.score_raw == 100
    assert attempt.score_min == 0
    assert attempt.score_max == 100
    assert attempt.finished_at is not None, "LMSFinish reached the server"
    assert attempt.session_key == ""
    assert attempt.total_time > first_session, "both sessions were added up"
    assert attempt.session_time == timedelta(0)
    assert LessonProgress.objects.filter(user=learner, lesson=lesson).exists()

    page.reload()
    assert "afgerond" in page.locator(".kpo-lessons__item--done").inner_text()


def test_scorm_package_commits_resumes_and_completes_the_lesson(
    browser_page, live_server, lesson, learner
):
    log_in(browser_page, live_server, learner)
    errors = []
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    learn_leave_resume_and_pass(browser_page, live_server, lesson, learner, package_on_site)
    assert errors == []


def test_on_a_separate_content_origin_the_package_commits_resumes_and_passes(
    browser_page, live_server, lesson, learner, content_origin
):
    log_in(browser_page, live_server, learner)
    problems = ProblemRecorder(browser_page)
    requests = []
    browser_page.on("request", lambda request: requests.append(request))
    learn_leave_resume_and_pass(
        browser_page, live_server, lesson, learner, package_below_launch_page
    )
    assert problems.problems() == [], "no script errors or policy violations in any frame"

    # The launch page and the package came from the content origin, which set no cookies
    # (the site's are not sent there); commits went to the site, with its session.
    launch_frame = browser_page.main_frame.child_frames[0]
    package_frame = launch_frame.child_frames[0]
    assert launch_frame.url.startswith(content_origin + "/academie/scorm/inhoud/")
    assert package_frame.url.startswith(launch_frame.url)
    assert package_frame.url.endswith("/index.html")
    assert browser_page.context.cookies([content_origin]) == []
    content_types = {r.resource_type for r in requests if r.url.startswith(content_origin)}
    assert content_types == {"document", "script", "stylesheet"}
    commits = [r for r in requests if "/opslaan/" in r.url]
    assert commits and all(r.url.startswith(live_server.url) for r in commits)


def open_player(page, live_server, lesson):
    page.goto(live_server.url + lesson.url)
    package = package_below_launch_page(page)
    expect(package.locator("body")).to_have_attribute("data-current-page", "1")
    page.wait_for_function("window.API.lastErrorCode === '0' && window.API.isInitialized()")
    return page.main_frame.child_frames[0]


def test_the_player_takes_calls_only_from_the_content_origin(
    browser_page, live_server, lesson, learner, content_origin
):
    log_in(browser_page, live_server, learner)
    launch_frame = open_player(browser_page, live_server, lesson)
    forged_pass = """([origin, prefix]) => {
        const calls = [["LMSSetValue", ["cmi.core.lesson_status", "passed"]],
                       ["LMSSetValue", ["cmi.core.score.raw", "100"]],
                       ["LMSCommit", [""]]];
        calls.forEach(([method, params], n) =>
            window.parent.postMessage({messageId: prefix + n, method, params}, origin));
    }"""
    # A page of the site's own origin (any window that is not on the content origin) posts
    # calls to the player: ignored, nothing is set or saved.
    browser_page.evaluate(forged_pass.replace("window.parent", "window"), ["*", "forged-"])
    browser_page.wait_for_timeout(500)
    assert browser_page.evaluate("window.API.cmi.core.lesson_status") == "incomplete"
    assert ScormAttempt.objects.get(user=learner, lesson=lesson).lesson_status == "incomplete"

    # The same calls from the content origin are the package's own: they are carried out
    # (so the check above can fail).
    launch_frame.evaluate(forged_pass, [live_server.url, "content-"])
    browser_page.wait_for_function("window.API.cmi.core.lesson_status === 'passed'")
    assert ScormAttempt.objects.get(user=learner, lesson=lesson).lesson_status == "passed"


def test_the_launch_page_takes_answers_only_from_the_site(
    browser_page, live_server, lesson, learner, content_origin
):
    """While a call waits for the player's answer, an answer with the right message id from
    another window of the content origin (the package's, or the launch page's own) is
    ignored: the real answer from the site is the one the package gets."""
    log_in(browser_page, live_server, learner)
    launch_frame = open_player(browser_page, live_server, lesson)
    answers = launch_frame.evaluate(
        """async () => {
        const api = window.API;
        const packageWindow = document.getElementById("scorm-package").contentWindow;
        const ask = () => {
            const answer = api._post("LMSGetValue", ["cmi.core.lesson_location"]);
            return [answer, Array.from(api._pending.keys()).pop()];
        };
        const [fromPackage, firstId] = ask();
        packageWindow.eval(
            `parent.postMessage({messageId: ${JSON.stringify(firstId)}, result: "9"}, "*")`);
        const [fromItself, secondId] = ask();
        window.postMessage({messageId: secondId, result: "9"}, "*");
        return [await fromPackage, await fromItself];
    }"""
    )
    assert answers == ["1", "1"]
