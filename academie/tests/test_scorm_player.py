"""The SCORM player on the server: launch data, commits per attempt, completion, and the
package files only for enrolled learners, with headers that keep them in the player."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from academie.factories import EnrolmentFactory, ScormLessonFactory
from academie.models import Enrolment, EnrolmentStatus, LessonProgress, ScormAttempt
from academie.scorm import generator, runtime
from academie.scorm.views import CONTENT_SIGNING_SALT
from kpo.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db


def launch(client, lesson):
    """Open the lesson page; returns the player configuration the page hands to the JS."""
    response = client.get(lesson.url)
    assert response.status_code == 200, response.content.decode()[:500]
    page = response.content.decode()
    marker = '<script id="scorm-config" type="application/json">'
    start = page.index(marker) + len(marker)
    return json.loads(page[start : page.index("</script>", start)])


def commit(client, config, finish=False, suspend_data=None, **core):
    """Post a commit like the player does: a form with the CSRF token and scorm-again's
    ``{"cmi": {"core": {...}, "suspend_data": ...}}`` as JSON."""
    cmi = {"core": {"lesson_status": "incomplete", "session_time": "00:01:00", **core}}
    if suspend_data is not None:
        cmi["suspend_data"] = suspend_data
    url = config["commitUrl"] + ("?finish=true" if finish else "")
    data = {"csrfmiddlewaretoken": config["csrfToken"], "commit": json.dumps({"cmi": cmi})}
    return client.post(url, data)


# --- launching ---


def test_the_player_page_launches_the_package_in_an_iframe_without_inline_script(
    member_client, enrolment, lesson
):
    response = member_client.get(lesson.url)
    page = response.content.decode()
    assert '<iframe class="kpo-scorm__frame" id="scorm-frame"' in page
    assert "/static/vendor/scorm-again/scorm12.min.js" in page
    assert "/static/js/scorm-player.js" in page
    scripts = page.count("<script")
    external_or_json = page.count("<script src=") + page.count('type="application/json"')
    assert scripts == external_or_json, "no inline scripts"
    assert " style=" not in page
    config = launch(member_client, lesson)
    assert config["launchUrl"].endswith("/index.html")
    assert config["cmi"]["core"]["entry"] == "ab-initio"
    assert config["cmi"]["core"]["student_name"] == "Lid, Lotte"
    assert config["cmi"]["student_data"] == {"mastery_score": "80"}


def test_only_enrolled_learners_get_the_player(client, member_client, course, lesson):
    page = member_client.get(lesson.url)
    assert page.status_code == 403
    assert "scorm-config" not in page.content.decode()
    assert not ScormAttempt.objects.exists()
    assert client.logout() is None
    assert Client().get(lesson.url).status_code == 302


def test_player_page_query_count_is_capped(member_client, enrolment, course, lesson):
    config = launch(member_client, lesson)  # the first launch creates the attempt
    with CaptureQueriesContext(connection) as few:
        config = launch(member_client, lesson)
    for number in range(5):
        ScormLessonFactory(parent=course, title=f"Extra {number}")
    commit(member_client, config, suspend_data="x" * 4000)
    with CaptureQueriesContext(connection) as many:
        launch(member_client, lesson)
    assert len(few) <= 24, "\n".join(q["sql"][:150] for q in few.captured_queries)
    assert len(many) == len(few)


# --- commits ---


def test_commits_are_saved_and_a_relaunch_resumes_them(member_client, member, enrolment, lesson):
    config = launch(member_client, lesson)
    response = commit(
        member_client,
        config,
        lesson_location="3",
        suspend_data='{"visited":[1,2,3]}',
        score={"raw": "40", "min": "0", "max": "100"},
        session_time="00:02:30.5",
        exit="suspend",
    )
    assert response.json() == {"result": "true", "errorCode": 0}
    attempt = ScormAttempt.objects.get(user=member, lesson=lesson)
    assert attempt.lesson_status == "incomplete"
    assert attempt.lesson_location == "3"
    assert attempt.suspend_data == '{"visited":[1,2,3]}'
    assert attempt.score_raw == Decimal("40.00")
    assert attempt.session_time == timedelta(minutes=2, seconds=30, milliseconds=500)
    assert not LessonProgress.objects.exists()

    again = launch(member_client, lesson)
    core = again["cmi"]["core"]
    assert core["entry"] == "resume"
    assert core["lesson_location"] == "3"
    assert core["lesson_status"] == "incomplete"
    assert core["total_time"] == "0000:02:30.50"
    assert core["score"] == {"raw": "40.00", "min": "0.00", "max": "100.00"}
    assert again["cmi"]["suspend_data"] == '{"visited":[1,2,3]}'


def test_session_time_accumulates_once_per_session(member_client, member, enrolment, lesson):
    config = launch(member_client, lesson)
    commit(member_client, config, session_time="00:01:00")
    commit(member_client, config, session_time="00:03:00")  # same session, later
    config = launch(member_client, lesson)
    commit(member_client, config, session_time="00:02:00", finish=True)
    attempt = ScormAttempt.objects.get(user=member)
    assert attempt.total_time == timedelta(minutes=5)
    assert attempt.session_time == timedelta()
    assert attempt.finished_at is not None
    assert attempt.accumulated_time == timedelta(minutes=5)


def test_passing_completes_the_lesson_through_the_progress_rules(
    member_client, member, enrolment, course, lesson
):
    config = launch(member_client, lesson)
    commit(member_client, config, lesson_status="failed", score={"raw": "50"})
    assert not LessonProgress.objects.filter(lesson=lesson).exists()
    commit(member_client, config, lesson_status="passed", score={"raw": "100"})
    assert LessonProgress.objects.filter(user=member, lesson=lesson).exists()
    commit(member_client, config, lesson_status="incomplete")
    assert ScormAttempt.objects.get(user=member).lesson_status == "passed"


def test_completed_counts_as_done_too(member_client, member, enrolment, lesson):
    config = launch(member_client, lesson)
    commit(member_client, config, lesson_status="completed", finish=True)
    assert LessonProgress.objects.filter(user=member, lesson=lesson).exists()


def test_a_replaced_session_can_no_longer_commit_once_the_new_one_has(
    member_client, enrolment, lesson
):
    old = launch(member_client, lesson)
    new = launch(member_client, lesson)
    assert commit(member_client, new).status_code == 200
    assert commit(member_client, old).status_code == 409
    newest = launch(member_client, lesson)
    assert commit(member_client, newest, finish=True).status_code == 200
    assert commit(member_client, new).status_code == 409, "older than the previous session"


def test_a_commit_the_browser_kept_while_the_server_was_down_is_stored_after_a_relaunch(
    member_client, member, enrolment, lesson
):
    """The browser could not deliver the last commit of a session; the learner opens the
    lesson again (a new session) and the player delivers it before the package starts."""
    first = launch(member_client, lesson)
    commit(member_client, first, lesson_location="2", session_time="00:01:00")
    launch(member_client, lesson)  # the first session's minute goes into the total
    late = {"lesson_location": "3", "session_time": "00:03:00", "score": {"raw": "50"}}
    assert commit(member_client, first, suspend_data="p3", **late).status_code == 200
    assert commit(member_client, first, suspend_data="p3", **late).status_code == 200

    attempt = ScormAttempt.objects.get(user=member, lesson=lesson)
    assert attempt.lesson_location == "3"
    assert attempt.suspend_data == "p3"
    assert attempt.score_raw == Decimal("50")
    assert attempt.total_time == timedelta(minutes=3), "the extra two minutes, once"
    assert attempt.session_time == timedelta(0)
    resumed = launch(member_client, lesson)["cmi"]
    assert resumed["core"]["lesson_location"] == "3"
    assert resumed["core"]["score"]["raw"] == "50.00"


def test_a_late_finish_of_the_previous_session_is_stored_once(
    member_client, member, enrolment, lesson
):
    first = launch(member_client, lesson)
    commit(member_client, first, session_time="00:02:00")
    launch(member_client, lesson)
    response = commit(
        member_client, first, finish=True, lesson_status="passed", session_time="00:04:00"
    )
    assert response.status_code == 200
    attempt = ScormAttempt.objects.get(user=member, lesson=lesson)
    assert attempt.lesson_status == "passed"
    assert attempt.finished_at is not None
    assert attempt.total_time == timedelta(minutes=4)
    assert LessonProgress.objects.filter(user=member, lesson=lesson).exists()


def test_commits_need_the_csrf_token(member, enrolment, lesson):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    config = launch(client, lesson)
    response = client.post(config["commitUrl"], {"commit": json.dumps({"cmi": {}})})
    assert response.status_code == 403
    assert commit(client, config).status_code == 200


def test_learners_cannot_commit_to_another_learners_attempt(member_client, enrolment, lesson):
    config = launch(member_client, lesson)
    other = VerifiedUserFactory()
    EnrolmentFactory(user=other, course=enrolment.course)
    client = Client()
    client.force_login(other)
    assert commit(client, config, lesson_status="passed").status_code == 409
    assert ScormAttempt.objects.get().lesson_status == "not attempted"
    assert not LessonProgress.objects.exists()


def test_commits_need_an_active_enrolment(member_client, enrolment, lesson):
    config = launch(member_client, lesson)
    Enrolment.objects.update(status=EnrolmentStatus.REJECTED)
    assert commit(member_client, config).status_code == 403
    assert Client().post(config["commitUrl"]).status_code == 403


@pytest.mark.parametrize(
    "core",
    [
        {"lesson_status": "geslaagd"},
        {"score": {"raw": "veel"}},
        {"score": {"raw": "1e9"}},
        {"session_time": "1 uur"},
        {"lesson_location": "x" * 256},
        {"exit": "weg"},
        {"suspend_data": ["geen", "tekst"]},
    ],
)
def test_invalid_cmi_values_are_refused(member_client, member, enrolment, lesson, core):
    config = launch(member_client, lesson)
    response = commit(member_client, config, **core)
    assert response.status_code == 400
    assert response.json()["result"] == "false"
    assert ScormAttempt.objects.get(user=member).commit_count == 0


def test_a_commit_that_is_not_json_is_refused(member_client, enrolment, lesson):
    config = launch(member_client, lesson)
    response = member_client.post(config["commitUrl"], {"commit": "{niet json"})
    assert response.status_code == 400
    assert member_client.post(config["commitUrl"], {"commit": "[]"}).status_code == 400


def test_timespans_round_trip():
    assert runtime.parse_timespan("0001:02:03.4") == timedelta(hours=1, minutes=2, seconds=3.4)
    assert runtime.format_timespan(timedelta(hours=1, minutes=2, seconds=3.4)) == "0001:02:03.40"
    with pytest.raises(runtime.CommitError):
        runtime.parse_timespan("00:61:00")


# --- package files ---


def test_package_files_are_served_to_the_learner_with_restrictive_headers(
    member_client, enrolment, lesson
):
    config = launch(member_client, lesson)
    response = member_client.get(config["launchUrl"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"Wet Bibob in de praktijk" in b"".join(response.streaming_content)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = response["Content-Security-Policy"]
    folder = "http://testserver" + config["launchUrl"].rsplit("/", 1)[0] + "/"
    assert "frame-ancestors 'self'" in policy
    assert f"script-src {folder} " in policy
    assert f"default-src {folder};" in policy
    assert "object-src 'none'" in policy
    script = member_client.get(config["launchUrl"].replace("index.html", "assets/course.js"))
    assert script.status_code == 200
    assert script["Content-Type"] in ("text/javascript", "application/javascript")


def test_package_file_requests_use_few_queries(member_client, enrolment, lesson):
    url = launch(member_client, lesson)["launchUrl"]
    with CaptureQueriesContext(connection) as queries:
        assert member_client.get(url).status_code == 200
    assert len(queries) <= 6, "\n".join(q["sql"][:150] for q in queries.captured_queries)


def test_package_files_are_not_in_public_media(member_client, enrolment, lesson, settings):
    config = launch(member_client, lesson)
    key = lesson.scorm_package.key
    assert key not in config["launchUrl"]
    assert member_client.get(f"{settings.MEDIA_URL}scorm/{key}/v1/index.html").status_code == 404


def test_package_files_need_the_learners_own_session(member_client, member, enrolment, lesson):
    url = launch(member_client, lesson)["launchUrl"]
    assert Client().get(url).status_code == 403
    other = Client()
    other.force_login(VerifiedUserFactory())
    assert other.get(url).status_code == 403
    Enrolment.objects.update(status=EnrolmentStatus.PENDING)
    assert member_client.get(url).status_code == 403


def test_package_file_urls_cannot_be_guessed_or_forged(member_client, member, enrolment, lesson):
    url = launch(member_client, lesson)["launchUrl"]
    token = url.split("/")[-2]
    assert member_client.get(url.replace(token, token[:-2] + "xx")).status_code == 404
    forged = signing.dumps([member.pk, lesson.pk, 1], salt="other", compress=False)
    assert member_client.get(url.replace(token, forged)).status_code == 404
    assert member_client.get(url.replace("index.html", "nope.html")).status_code == 404
    assert member_client.get(url.replace("index.html", "../v1/index.html")).status_code == 404
    own = signing.dumps([member.pk, lesson.pk, 1], salt=CONTENT_SIGNING_SALT, compress=False)
    assert member_client.get(url.replace(token, own)).status_code == 200


def test_package_file_urls_expire(member_client, enrolment, lesson, settings):
    url = launch(member_client, lesson)["launchUrl"]
    settings.KPO_SCORM_CONTENT_MAX_AGE = -1
    assert member_client.get(url).status_code == 404


CONTENT_HOST = "scorm.testserver"


@pytest.fixture
def content_origin(settings):
    settings.KPO_SCORM_CONTENT_ORIGIN = f"http://{CONTENT_HOST}"
    settings.ALLOWED_HOSTS = ["testserver", CONTENT_HOST]
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    return settings.KPO_SCORM_CONTENT_ORIGIN


def content_get(path, **headers):
    """A request on the content host: no session there, the token is what counts."""
    return Client().get(path, HTTP_HOST=CONTENT_HOST, **headers)


def test_separate_content_origin_launches_a_page_that_frames_the_package(
    member_client, enrolment, lesson, content_origin
):
    config = launch(member_client, lesson)
    assert config["contentOrigin"] == content_origin
    assert config["launchUrl"].startswith(content_origin + "/academie/scorm/inhoud/")
    assert config["launchUrl"].endswith("/"), "the launch page is the token's folder"
    folder = config["launchUrl"]
    path = folder.removeprefix(content_origin)
    policy = member_client.get(lesson.url)["Content-Security-Policy"]
    assert f"frame-src {content_origin}" in policy, "the player may frame the content origin"

    response = content_get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<script") == page.count("<script src=") + page.count('"application/json"')
    assert " style=" not in page
    assert '<iframe class="kpo-scorm-launch__frame" id="scorm-package"' in page
    start = page.index('<script id="scorm-launch-config" type="application/json">')
    launch_config = json.loads(page[page.index(">", start) + 1 : page.index("</script>", start)])
    assert launch_config == {"siteOrigin": "http://testserver", "packageUrl": folder + "index.html"}
    scripts = [
        "http://testserver/static/vendor/scorm-again/cross-frame-api.min.js",
        "http://testserver/static/js/scorm-launch.js",
    ]
    assert all(f'<script src="{script}" defer>' in page for script in scripts)
    assert response["Content-Security-Policy"] == "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(scripts),
            "style-src http://testserver/static/css/scorm-launch.css",
            f"frame-src {folder}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors http://testserver",
        ]
    )
    assert "X-Frame-Options" not in response
    assert response["Referrer-Policy"] == "no-referrer"
    assert not response.cookies

    # The package below it: framed by the launch page (its own origin) inside the player.
    package_file = content_get(path + "index.html")
    assert package_file.status_code == 200
    assert "frame-ancestors 'self' http://testserver" in package_file["Content-Security-Policy"]
    assert "X-Frame-Options" not in package_file
    assert not package_file.cookies


def test_on_a_content_origin_the_token_and_the_enrolment_still_count(
    member, enrolment, lesson, content_origin
):
    client = Client()
    client.force_login(member)
    path = launch(client, lesson)["launchUrl"].removeprefix(content_origin)
    token = path.split("/")[-2]
    assert client.get(path).status_code == 404, "not served on the site's own host"
    assert client.get(path + "index.html").status_code == 404
    assert content_get(path.replace(token, token[:-2] + "xx")).status_code == 404
    Enrolment.objects.update(status=EnrolmentStatus.REJECTED)
    assert content_get(path).status_code == 403
    assert content_get(path + "index.html").status_code == 403


def test_without_a_content_origin_there_is_no_launch_page(member_client, enrolment, lesson):
    url = launch(member_client, lesson)["launchUrl"]
    assert member_client.get(url).status_code == 200
    assert member_client.get(url.rsplit("/", 1)[0] + "/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/academie/",
        "/academie/mijn-leeromgeving/",
        "/accounts/login/",
        "/admin/",
        "/zoeken/?q=bibob",
        "/academie/certificaat/",
        "/mijn-account/",
    ],
)
def test_the_content_host_answers_nothing_but_package_content(
    member, enrolment, lesson, content_origin, path
):
    client = Client()
    client.force_login(member)  # even with the site's session cookie sent along
    assert client.get(path).status_code in (200, 302), "the site itself answers it"
    response = client.get(path, HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 404
    assert response.content == b"Not found"
    assert not response.cookies


def test_the_content_host_takes_no_commits(
    member_client, member, enrolment, lesson, content_origin
):
    config = launch(member_client, lesson)
    data = {"csrfmiddlewaretoken": config["csrfToken"], "commit": json.dumps({"cmi": {}})}
    response = member_client.post(config["commitUrl"], data, HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 404
    assert ScormAttempt.objects.get(user=member, lesson=lesson).commit_count == 0


# --- byte ranges (seeking in video and audio) ---

MEDIA = bytes(range(256)) * 1024  # 256 KiB: more than one read block


@pytest.fixture
def media_lesson(course, scorm_media):
    data = generator.simple_package(
        "Video", extra=[generator.Entry("media/film.mp4", MEDIA, compress=False)]
    )
    return ScormLessonFactory(parent=course, title="Film", slug="film", scorm_package__data=data)


def media_url(client, lesson):
    return launch(client, lesson)["launchUrl"].replace("index.html", "media/film.mp4")


def body(response):
    return b"".join(response.streaming_content)


def test_package_files_say_they_accept_ranges(member_client, enrolment, media_lesson):
    response = member_client.get(media_url(member_client, media_lesson))
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/mp4"
    assert body(response) == MEDIA


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=1000-", 1000, len(MEDIA) - 1),
        ("bytes=-500", len(MEDIA) - 500, len(MEDIA) - 1),
        ("bytes=200000-999999999", 200000, len(MEDIA) - 1),
        ("bytes=5-5", 5, 5),
    ],
)
def test_a_single_range_is_answered_with_partial_content(
    member_client, enrolment, media_lesson, header, first, last
):
    response = member_client.get(media_url(member_client, media_lesson), HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(MEDIA)}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "video/mp4"
    assert body(response) == MEDIA[first : last + 1]
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_ranges_are_read_in_blocks_not_whole(member_client, enrolment, media_lesson):
    response = member_client.get(media_url(member_client, media_lesson), HTTP_RANGE="bytes=10-")
    assert response.streaming
    blocks = list(response.streaming_content)
    assert len(blocks) == 4
    assert max(len(block) for block in blocks) <= 64 * 1024
    assert b"".join(blocks) == MEDIA[10:]


@pytest.mark.parametrize("header", [f"bytes={len(MEDIA)}-", "bytes=999999999-", "bytes=-0"])
def test_an_unsatisfiable_range_gets_416_with_the_size(
    member_client, enrolment, media_lesson, header
):
    response = member_client.get(media_url(member_client, media_lesson), HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(MEDIA)}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-6", "bytes=9-3", "items=0-1", "bytes=a-b"])
def test_several_or_malformed_ranges_get_the_whole_file(
    member_client, enrolment, media_lesson, header
):
    response = member_client.get(media_url(member_client, media_lesson), HTTP_RANGE=header)
    assert response.status_code == 200
    assert body(response) == MEDIA


def test_ranges_still_need_the_enrolment(member_client, enrolment, media_lesson):
    url = media_url(member_client, media_lesson)
    Enrolment.objects.update(status=EnrolmentStatus.PENDING)
    assert member_client.get(url, HTTP_RANGE="bytes=0-9").status_code == 403
