import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from academie.factories import CoursePageFactory, EnrolmentFactory, LessonPageFactory
from academie.models import Enrolment, EnrolmentPolicy, EnrolmentStatus, LessonProgress
from kpo.factories import VerifiedUserFactory

from .conftest import answer_ids

pytestmark = pytest.mark.django_db


def enrol_url(course):
    return reverse("academie:enrol", args=[course.pk])


def test_anonymous_visitors_are_asked_to_log_in_for_a_lesson(client, lessons):
    response = client.get(lessons[0].url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_unapproved_members_get_403_like_other_members_only_content(client, course, lessons):
    client.force_login(VerifiedUserFactory(is_approved=False))
    assert client.get(lessons[0].url).status_code == 403
    assert client.post(enrol_url(course)).status_code == 403
    assert "Uw account is nog niet goedgekeurd." in client.get(course.url).content.decode()


def test_lessons_stay_out_of_the_sitemap(lessons):
    assert lessons[0].get_sitemap_urls() == []


def test_members_not_enrolled_get_a_page_to_enrol(member_client, course, lessons):
    response = member_client.get(lessons[0].url)
    page = response.content.decode()
    assert response.status_code == 403
    assert "Alleen ingeschreven deelnemers kunnen de lessen volgen." in page
    assert enrol_url(course) in page
    assert "Inhoud van de les." not in page
    assert not LessonProgress.objects.exists()


def test_enrolling_in_an_open_course_gives_access(member_client, member, course, lessons):
    response = member_client.post(enrol_url(course))
    assert response.status_code == 302
    assert Enrolment.objects.get(user=member, course=course).status == EnrolmentStatus.ACTIVE
    assert member_client.get(lessons[0].url).status_code == 200


def test_course_owner_approves_pending_enrolments(member_client, member, academie, mailoutbox):
    owner = VerifiedUserFactory()
    course = CoursePageFactory(
        parent=academie,
        title="Verdieping Bibob",
        enrolment_policy=EnrolmentPolicy.APPROVAL,
        course_owner=owner,
    )
    lesson = LessonPageFactory(parent=course)
    member_client.post(enrol_url(course))
    member_client.post(enrol_url(course))
    enrolment = Enrolment.objects.get(user=member)
    assert enrolment.status == EnrolmentStatus.PENDING
    [request_mail] = mailoutbox
    assert request_mail.to == [owner.email]
    assert "Aanmelding voor Verdieping Bibob" in request_mail.subject
    assert "http://testserver/academie/aanmeldingen/" in request_mail.body
    assert "wacht op goedkeuring" in member_client.get(lesson.url).content.decode()
    decide = reverse("academie:decide", args=[enrolment.pk])
    assert member_client.post(decide, {"besluit": "goedkeuren"}).status_code == 404

    client = Client()
    client.force_login(owner)
    dashboard = client.get(reverse("academie:dashboard")).content.decode()
    assert "1 aanmelding wacht op uw besluit" in dashboard
    assert member.full_name in client.get(reverse("academie:approvals")).content.decode()
    others = member_client.get(reverse("academie:approvals")).content.decode()
    assert "Er wachten geen aanmeldingen op uw besluit." in others
    response = client.post(decide, {"besluit": "misschien"}, follow=True)
    assert "Kies of u de aanmelding goedkeurt of afwijst." in response.content.decode()
    client.post(decide, {"besluit": "goedkeuren"})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert mailoutbox[-1].to == [member.email]
    assert "U bent toegelaten tot Verdieping Bibob" in mailoutbox[-1].subject
    assert course.url in mailoutbox[-1].body
    assert member_client.get(lesson.url).status_code == 200


def test_prerequisites_must_be_completed_before_enrolling(member_client, member, course, academie):
    advanced = CoursePageFactory(parent=academie, title="Verdieping Bibob", prerequisites=[course])
    response = member_client.post(enrol_url(advanced), follow=True)
    assert "Rond eerst deze e-learning(s) af: E-learning Wet Bibob." in response.content.decode()
    assert not Enrolment.objects.filter(course=advanced).exists()

    EnrolmentFactory(user=member, course=course, completed_at="2026-01-01T10:00Z")
    member_client.post(enrol_url(advanced))
    assert Enrolment.objects.get(course=advanced).is_active


def test_completion_rules_viewed_content_and_passed_quiz(
    member_client, member, course, lessons, quiz, enrolment
):
    member_client.get(lessons[0].url)
    member_client.get(quiz.url)
    done = set(LessonProgress.objects.values_list("lesson_id", flat=True))
    assert done == {lessons[0].pk}

    member_client.get(lessons[1].url)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    member_client.post(quiz.url, answer_ids(quiz))
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_dashboard_needs_a_login(client):
    response = client.get(reverse("academie:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_dashboard_shows_progress_and_resumes_at_the_next_lesson(
    member_client, member, course, lessons, enrolment
):
    member_client.get(lessons[0].url)
    page = member_client.get(reverse("academie:dashboard")).content.decode()
    assert "1 van 3 lessen afgerond (33%)" in page
    assert '<progress class="kpo-progress__bar"' in page and 'value="1" max="3"' in page
    assert f'href="{lessons[1].url}"' in page
    assert "Verder met" in page


@pytest.mark.parametrize("lesson_index", [None, 0])
def test_course_and_lesson_page_queries_do_not_grow_with_lessons(
    member_client, course, lessons, enrolment, lesson_index, django_assert_max_num_queries
):
    url = course.url if lesson_index is None else lessons[lesson_index].url
    member_client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert member_client.get(url).status_code == 200
    for number in range(10):
        LessonPageFactory(parent=course, title=f"Extra les {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = member_client.get(url).content.decode()
    assert "Extra les 9" in page
