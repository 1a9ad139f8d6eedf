"""Certificates: issued for completed courses with certificates on, a PDF with name, course,
date and code, and a public check that reveals only validity, name and course."""

import io
from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from academie import certificates
from academie.factories import CoursePageFactory, EnrolmentFactory, LessonPageFactory
from academie.models import Certificate, EnrolmentStatus
from academie.models.certificate import new_certificate_code
from kpo import roles
from kpo.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified(academie):
    return CoursePageFactory(
        parent=academie, title="E-learning Wet Bibob: de basis", has_certificate=True
    )


@pytest.fixture
def completed(certified, member):
    LessonPageFactory(parent=certified)
    completed_at = timezone.make_aware(datetime(2026, 11, 20, 14, 0))
    return EnrolmentFactory(user=member, course=certified, completed_at=completed_at)


def download_url(course):
    return reverse("academie:certificate_download", args=[course.pk])


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


def test_a_learner_who_completed_the_course_downloads_a_pdf(member_client, member, completed):
    course = completed.course
    response = member_client.get(download_url(course))
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == f'attachment; filename="certificaat-{course.slug}.pdf"'
    )
    certificate = Certificate.objects.get(user=member, course=course)
    text = pdf_text(response)
    assert "Lotte Lid" in text
    assert "E-learning Wet Bibob: de basis" in text
    assert "20 november 2026" in text
    assert certificate.code in text
    assert f"http://testserver/academie/certificaat/{certificate.code}/" in text

    again = member_client.get(download_url(course))
    assert Certificate.objects.count() == 1
    assert certificate.code in pdf_text(again)


@pytest.mark.parametrize(
    ("name", "course_title"),
    [
        ("Łukasz Nowak", "E-learning Wgs: gegevens delen"),
        ("Zoë Ğür", "E-learning ondermijning: Ørsted, Ærø en Şişli"),
        ("Đorđe Šťastný-Őry", "E-learning Wet Bibob: de basis"),
    ],
)
def test_names_in_any_latin_script_print_exactly(
    member_client, member, completed, name, course_title
):
    """The PDF embeds a font with Latin Extended: no letter loses its accent or turns into
    '?', and the text a PDF reader extracts is the name itself."""
    member.full_name = name
    member.save()
    completed.course.title = course_title
    completed.course.save()
    text = pdf_text(member_client.get(download_url(completed.course)))
    assert name in text
    assert course_title in text
    assert "?" not in text
    reader = PdfReader(io.BytesIO(member_client.get(download_url(completed.course)).content))
    fonts = [
        font.get_object()["/BaseFont"] for font in reader.pages[0]["/Resources"]["/Font"].values()
    ]
    assert fonts and all("SourceSansPro" in str(font) for font in fonts), fonts


def test_the_dashboard_and_course_page_offer_the_certificate(member_client, completed):
    dashboard = member_client.get(reverse("academie:dashboard")).content.decode()
    assert download_url(completed.course) in dashboard
    assert (
        download_url(completed.course) in member_client.get(completed.course.url).content.decode()
    )


@pytest.mark.parametrize(
    "change",
    ["not_completed", "no_certificate", "rejected"],
)
def test_no_certificate_before_completion_or_without_certificates(member_client, completed, change):
    course = completed.course
    if change == "not_completed":
        completed.completed_at = None
        completed.save()
    elif change == "no_certificate":
        course.has_certificate = False
        course.save_revision().publish()
    else:
        completed.status = EnrolmentStatus.REJECTED
        completed.save()
    assert member_client.get(download_url(course)).status_code == 404
    assert not Certificate.objects.exists()
    assert (
        download_url(course)
        not in member_client.get(reverse("academie:dashboard")).content.decode()
    )


def test_anonymous_visitors_cannot_download(client, completed):
    response = client.get(download_url(completed.course))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_codes_are_unguessable_and_distinct():
    codes = {new_certificate_code() for _ in range(1000)}
    assert len(codes) == 1000
    code = codes.pop()
    assert len(code) == len("KPO-XXXX-XXXX-XXXX-XXXX")
    assert set(code.replace("-", "")[3:]) <= set("ABCDEFGHJKMNPQRSTWXYZ23456789")


def test_codes_are_found_however_they_are_typed(member, completed):
    certificate = certificates.certificate_for(member, completed.course)
    typed = certificate.code.lower().replace("-", " ").removeprefix("kpo ")
    assert certificates.find(typed) == certificate


# --- the public check ---


def test_a_valid_code_shows_name_and_course_only(member, completed):
    certificate = certificates.certificate_for(member, completed.course)
    response = Client().get(reverse("academie:certificate", args=[certificate.code]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dit certificaat is geldig." in page
    assert "Lotte Lid" in page
    assert "E-learning Wet Bibob: de basis" in page
    assert member.email not in page
    assert "20 november 2026" not in page
    assert '<meta name="robots" content="noindex">' in page


def test_an_unknown_code_says_so(client):
    response = client.get(reverse("academie:certificate", args=["KPO-AAAA-BBBB-CCCC-DDDD"]))
    assert response.status_code == 404
    assert (
        "Er is geen certificaat met de code KPO-AAAA-BBBB-CCCC-DDDD." in response.content.decode()
    )


def test_a_revoked_certificate_is_no_longer_valid(member_client, member, completed):
    certificate = certificates.certificate_for(member, completed.course)
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = "Fraude bij de toets"
    certificate.save()
    page = Client().get(reverse("academie:certificate", args=[certificate.code])).content.decode()
    assert "Dit certificaat is ingetrokken en niet meer geldig." in page
    assert "Lotte Lid" not in page
    assert "Fraude" not in page
    assert member_client.get(download_url(completed.course)).status_code == 404


def test_the_check_form_leads_to_the_normalised_code(client, member, completed):
    certificate = certificates.certificate_for(member, completed.course)
    form_page = client.get(reverse("academie:certificate_check"))
    assert 'name="code"' in form_page.content.decode()
    response = client.get(
        reverse("academie:certificate_check"), {"code": certificate.code.lower().replace("-", "")}
    )
    assert response.status_code == 302
    assert response.url == reverse("academie:certificate", args=[certificate.code])
    empty = client.get(reverse("academie:certificate_check"), {"code": "  "})
    assert "Vul de verificatiecode in." in empty.content.decode()


def test_administrators_revoke_certificates_in_the_admin(client, member, completed):
    certificate = certificates.certificate_for(member, completed.course)
    client.force_login(StaffUserFactory(is_superuser=True))
    listing = client.get(reverse("wagtailsnippets_academie_certificate:list"))
    assert certificate.code in listing.content.decode()
    assert reverse("wagtailsnippets_academie_certificate:add") not in listing.content.decode()
    edit = reverse("wagtailsnippets_academie_certificate:edit", args=[certificate.pk])
    response = client.post(
        edit, {"revoked_at": "2026-11-21 10:00", "revocation_reason": "Fraude bij de toets"}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert not certificate.is_valid


def test_only_certificate_managers_open_the_certificate_chooser(client, member, completed):
    """The chooser lists learners' names and codes: editors get Wagtail's 'no permission'
    redirect, an administrator who manages certificates sees them."""
    certificate = certificates.certificate_for(member, completed.course)
    chooser = reverse("wagtailsnippetchoosers_academie_certificate:choose")

    client.force_login(StaffUserFactory(group=roles.EDITORS))
    refused = client.get(chooser)
    assert refused.status_code == 302
    assert refused.url == reverse("wagtailadmin_home")

    client.force_login(StaffUserFactory(is_superuser=True))
    allowed = client.get(chooser)
    assert allowed.status_code == 200
    assert certificate.code in allowed.content.decode()
