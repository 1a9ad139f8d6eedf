"""A SCORM 1.2 package in a real browser: scorm-again as window.API, the generated package
committing, leaving and resuming, then passing. Once on the site's own origin, and once with
the package on a separate content origin (``KPO_SCORM_CONTENT_ORIGIN``): the site on
``http://localhost:<port>`` and the content on ``http://127.0.0.1:<port>`` of the same live
server, two origins that share no cookies or scripts, talking by ``postMessage`` only.
Last, both ways again while the server is stopped and started: nothing the learner did
is lost, and the package is not told it was saved while it was not."""

import contextlib
import json
import socket
import threading
from datetime import timedelta

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.test.testcases import LiveServerThread
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


def resume(page, lesson_url, open_package, at_page):
    """Open the lesson again: the package resumes on ``at_page``, all before it visited."""
    page.goto(lesson_url)
    package = open_package(page)
    visited = ", ".join(str(number) for number in range(1, at_page + 1))
    expect(package.locator("#welcome")).to_have_text(
        f"Welkom terug. U gaat verder op pagina {at_page} (eerder bekeken: {visited})."
    )
    expect(package.locator("body")).to_have_attribute("data-entry", "resume")
    expect(package.locator("body")).to_have_attribute("data-current-page", str(at_page))
    return package


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
    package = resume(page, live_server.url + lesson.url, open_package, at_page=2)

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
        const api = window.API.crossFrame;
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


# --- the server stopped and started again ---


class CuttableServer(ThreadedWSGIServer):
    """Remembers its open connections, so that stopping it cuts them all (keep-alive
    connections would otherwise go on being served by their threads)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.open_connections = set()
        self.lock = threading.Lock()

    def process_request(self, request, client_address):
        with self.lock:
            self.open_connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self.lock:
            self.open_connections.discard(request)
        super().shutdown_request(request)

    def cut_connections(self):
        with self.lock:
            for connection in self.open_connections:
                with contextlib.suppress(OSError):  # already closed by the client
                    connection.shutdown(socket.SHUT_RDWR)
            self.open_connections.clear()


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        return


class RestartableServerThread(LiveServerThread):
    server_class = CuttableServer

    def _create_server(self, connections_override=None):
        return self.server_class(
            (self.host, self.port),
            QuietHandler,
            allow_reuse_address=True,  # the same port again right after a stop
            connections_override=connections_override,
        )

    def terminate(self):
        if hasattr(self, "httpd"):
            self.httpd.cut_connections()
        super().terminate()


class RestartableServer:
    """The site on a fixed port of ``localhost``, stopped and started like an application
    server being restarted: while it is down, every request fails to connect."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("localhost", 0))
            self.port = probe.getsockname()[1]
        self.thread = None

    @property
    def url(self):
        return f"http://localhost:{self.port}"

    def start(self):
        self.thread = RestartableServerThread("localhost", StaticFilesHandler, port=self.port)
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error

    def stop(self):
        self.thread.terminate()
        self.thread = None


@pytest.fixture
def server(transactional_db):
    server = RestartableServer()
    server.start()
    yield server
    if server.thread:
        server.stop()


@pytest.fixture(params=["same origin", "content origin"])
def origin_mode(request, settings, server):
    """The package on the site's origin, or on 127.0.0.1 below the launch page."""
    if request.param == "content origin":
        settings.WAGTAILADMIN_BASE_URL = server.url
        settings.KPO_SCORM_CONTENT_ORIGIN = server.url.replace("//localhost:", "//127.0.0.1:")
        return package_below_launch_page
    return package_on_site


def scorm_api_frame(page):
    """The frame whose window.API the package calls: the player, or the launch page."""
    frames = page.main_frame.child_frames
    if frames and "/academie/scorm/inhoud/" in frames[0].url and "index.html" not in frames[0].url:
        return frames[0]
    return page.main_frame


def unsaved_commits(page, lesson, learner):
    key = f"kpo.scorm.unsaved.{learner.pk}.{lesson.pk}"
    return json.loads(page.evaluate("key => localStorage.getItem(key) || '[]'", key))


SAVED = "Uw voortgang is opgeslagen."
NOT_SAVED = (
    "Uw voortgang kon niet worden opgeslagen: de verbinding met de server is verbroken. "
    "Deze browser bewaart uw voortgang en probeert het steeds opnieuw."
)
SAVED_LATE = "De verbinding is hersteld: uw voortgang is alsnog opgeslagen."


def halfway(page, server, lesson, learner, open_package):
    """The learner opens the lesson and reaches page 2, stored on the server."""
    page.goto(server.url + lesson.url)
    package = open_package(page)
    package.get_by_role("button", name="Volgende").click()
    expect(package.locator("body")).to_have_attribute("data-current-page", "2")
    attempt = ScormAttempt.objects.get(user=learner, lesson=lesson)
    wait_for_server(page, attempt, lambda attempt: attempt.lesson_location == "2")
    assert attempt.lesson_location == "2"
    expect(page.locator("#scorm-status")).to_have_text(SAVED)
    return package, attempt


def answer_all_but_one_right(package):
    """The knowledge check with one wrong answer: a score below the mastery score."""
    fieldsets = package.locator("fieldset").all()
    for fieldset in fieldsets[:-1]:
        fieldset.locator("input[data-correct]").check()
    fieldsets[-1].locator("input:not([data-correct])").first.check()
    package.get_by_role("button", name="Controleer mijn antwoorden").click()
    return round(100 * (len(fieldsets) - 1) / len(fieldsets))


def test_commits_made_while_the_server_is_down_are_stored_once_it_is_back(
    browser_page, server, lesson, learner, origin_mode
):
    log_in(browser_page, server, learner)
    package, attempt = halfway(browser_page, server, lesson, learner, origin_mode)

    server.stop()
    package.get_by_role("button", name="Volgende").click()
    expect(package.locator("body")).to_have_attribute("data-current-page", "3")
    score = answer_all_but_one_right(package)
    expect(package.locator("#result")).to_have_text(
        f"Niet geslaagd: uw score is {score}%. Probeer het nog eens."
    )
    expect(browser_page.locator("#scorm-status")).to_have_text(NOT_SAVED)
    # The package is not told that its data was saved: LMSCommit answers "false" with
    # SCORM 1.2's general exception.
    api_frame = scorm_api_frame(browser_page)
    assert api_frame.evaluate("window.API.LMSCommit('')") == "false"
    assert api_frame.evaluate("window.API.LMSGetLastError()") == "101"
    kept = unsaved_commits(browser_page, lesson, learner)
    assert [entry["commit"]["cmi"]["core"]["lesson_location"] for entry in kept] == ["3"]
    attempt.refresh_from_db()
    assert attempt.lesson_location == "2", "nothing reached the stopped server"

    server.start()
    expect(browser_page.locator("#scorm-status")).to_have_text(SAVED_LATE, timeout=20_000)
    attempt.refresh_from_db()
    assert attempt.lesson_location == "3"
    assert attempt.score_raw == score
    assert attempt.lesson_status == "failed"
    assert json.loads(attempt.suspend_data) == {"visited": [1, 2, 3]}
    assert unsaved_commits(browser_page, lesson, learner) == []
    assert api_frame.evaluate("window.API.LMSCommit('')") == "true"

    # The learner comes back later: the same point, the same score.
    browser_page.goto(server.url + "/academie/mijn-leeromgeving/")
    resume(browser_page, server.url + lesson.url, origin_mode, at_page=3)
    assert float(browser_page.evaluate("window.API.cmi.core.score.raw")) == score


def test_a_learner_who_left_while_the_server_was_down_resumes_where_they_were(
    browser_page, server, lesson, learner, origin_mode
):
    """The page is closed before the server is back: the commit it kept is delivered at
    the next launch in this browser, before the package starts, and counts once."""
    log_in(browser_page, server, learner)
    package, attempt = halfway(browser_page, server, lesson, learner, origin_mode)
    first_session = attempt.session_time

    server.stop()
    package.get_by_role("button", name="Volgende").click()
    expect(package.locator("body")).to_have_attribute("data-current-page", "3")
    expect(browser_page.locator("#scorm-status")).to_have_text(NOT_SAVED)
    context = browser_page.context
    browser_page.close()

    server.start()
    page = context.new_page()
    resume(page, server.url + lesson.url, origin_mode, at_page=3)
    expect(page.locator("#scorm-status")).to_have_text(SAVED)
    attempt.refresh_from_db()
    assert attempt.lesson_location == "3"
    assert attempt.total_time >= first_session, "the first session's time is in the total"
    assert unsaved_commits(page, lesson, learner) == []
