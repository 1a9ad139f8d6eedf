"""A SCORM 1.2 package in a real browser: scorm-again as window.API in the player page,
the generated package committing, leaving and resuming, then passing."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client

from academie.factories import (
    CoursePageFactory,
    EnrolmentFactory,
    ScormLessonFactory,
)
from academie.models import AcademieIndexPage, LessonProgress, ScormAttempt
from kpo.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def log_in(browser_page, live_server, user):
    """Give the browser a session of ``user``, made by Django's test client."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    browser_page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
    )


def test_scorm_package_commits_resumes_and_completes_the_lesson(
    browser_page, live_server, home_page
):
    academie = AcademieIndexPage.objects.get()
    course = CoursePageFactory(parent=academie, title="E-learning Wet Bibob", slug="wet-bibob")
    lesson = ScormLessonFactory(parent=course, title="Casus in SCORM", slug="casus")
    learner = VerifiedUserFactory(full_name="Sanne Scorm")
    EnrolmentFactory(user=learner, course=course)
    log_in(browser_page, live_server, learner)
    errors = []
    browser_page.on("pageerror", lambda error: errors.append(str(error)))

    # First visit: the package starts fresh, the learner moves to page 2.
    browser_page.goto(live_server.url + lesson.url)
    package = browser_page.frame_locator("#scorm-frame")
    assert package.locator("#welcome").inner_text() == "Welkom bij deze e-learning."
    package.get_by_role("button", name="Volgende").click()
    assert package.locator("body").get_attribute("data-current-page") == "2"
    browser_page.wait_for_function("window.API.lastErrorCode === '0'")
    assert browser_page.locator("#scorm-status").inner_text() == "Uw voortgang is opgeslagen."
    attempt = ScormAttempt.objects.get(user=learner, lesson=lesson)
    assert attempt.lesson_status == "incomplete"
    assert attempt.lesson_location == "2"
    assert attempt.suspend_data == '{"visited":[1,2]}'
    assert attempt.exit == "suspend"
    assert attempt.commit_count >= 2
    first_session = attempt.session_time
    assert first_session > timedelta(0), "the package reports its session time"

    # The learner leaves and comes back: the package sees the stored data.
    browser_page.goto(live_server.url + "/academie/mijn-leeromgeving/")
    browser_page.goto(live_server.url + lesson.url)
    package = browser_page.frame_locator("#scorm-frame")
    assert package.locator("#welcome").inner_text() == (
        "Welkom terug. U gaat verder op pagina 2 (eerder bekeken: 1, 2)."
    )
    assert package.locator("body").get_attribute("data-entry") == "resume"
    assert package.locator("body").get_attribute("data-current-page") == "2"

    # To the knowledge check: all answers right, so the package reports passed.
    package.get_by_role("button", name="Volgende").click()
    for fieldset in package.locator("fieldset").all():
        fieldset.locator("input[data-correct]").check()
    package.get_by_role("button", name="Controleer mijn antwoorden").click()
    assert package.locator("#result").inner_text() == "Geslaagd met een score van 100%."

    # LMSFinish is sent with navigator.sendBeacon: wait for the server to have it.
    for _tick in range(50):
        attempt.refresh_from_db()
        if attempt.finished_at:
            break
        browser_page.wait_for_timeout(100)
    assert attempt.lesson_status == "passed"
    assert attempt.score_raw == 100
    assert attempt.score_min == 0
    assert attempt.score_max == 100
    assert attempt.finished_at is not None, "LMSFinish reached the server"
    assert attempt.session_key == ""
    assert attempt.total_time > first_session, "both sessions were added up"
    assert attempt.session_time == timedelta(0)
    assert LessonProgress.objects.filter(user=learner, lesson=lesson).exists()

    browser_page.reload()
    assert "afgerond" in browser_page.locator(".kpo-lessons__item--done").inner_text()
    assert errors == []
