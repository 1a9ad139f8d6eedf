"""allauth's emails speak Dutch and name the platform, not the host name."""

import pytest
from allauth.core.context import request_context
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.urls import reverse

from kpo.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db


def test_password_reset_email_is_dutch_and_signed_by_the_platform(client, home_page):
    VerifiedUserFactory(email="jurist@om.example")

    client.post(reverse("account_reset_password"), {"email": "jurist@om.example"})

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert body.startswith("Beste collega,")
    assert "Met vriendelijke groet,\nKennisplatform Ondermijning" in body
    assert "Hallo van" not in body
    assert mail.outbox[0].subject.startswith("[KPO] ")


NAME_WITH_MARKUP_CHARACTERS = "Anne-Marie d'Oliveira & Zn <RIEC>"


def test_plain_text_emails_are_not_html_escaped(rf, home_page):
    """Names and titles with ', & or < reach the reader as typed, not as &#x27; or &amp;."""
    from kpo.approval import approve
    from kpo.factories import UserFactory

    applicant = UserFactory(is_approved=False, full_name=NAME_WITH_MARKUP_CHARACTERS)

    request = rf.get("/")
    request.user = AnonymousUser()
    with request_context(request):
        approve(request, applicant)

    body = mail.outbox[-1].body
    assert f"Beste {NAME_WITH_MARKUP_CHARACTERS}," in body
    assert "&amp;" not in body and "&#x27;" not in body


def test_academie_emails_keep_course_titles_as_typed(rf, home_page, member):
    from academie.factories import CoursePageFactory, EnrolmentFactory
    from academie.models import AcademieIndexPage
    from academie.views import notify_learner

    course = CoursePageFactory(
        parent=AcademieIndexPage.objects.get(), title="APV & ondermijning: 'de basis'"
    )
    member.full_name = NAME_WITH_MARKUP_CHARACTERS
    member.save()

    request = rf.get("/")
    with request_context(request):
        notify_learner(request, EnrolmentFactory(user=member, course=course))

    message = mail.outbox[-1]
    assert "APV & ondermijning: 'de basis'" in message.subject + message.body
    assert f"Beste {NAME_WITH_MARKUP_CHARACTERS}," in message.body
