"""Reports for course owners and beheerders: figures, CSV export and who may see them."""

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from academie import progress, trainings
from academie import quiz as quizzes
from academie.factories import (
    CoursePageFactory,
    EnrolmentFactory,
    ScormLessonFactory,
    TrainingPageFactory,
    TrainingSessionFactory,
)
from academie.models import EnrolmentStatus, ScormAttempt, ScormStatus
from academie.reports import safe_cell
from kpo import roles
from kpo.factories import OrganisationFactory, StaffUserFactory, VerifiedUserFactory

from .conftest import answer_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return VerifiedUserFactory(email="eigenaar@riec.example", full_name="Olga Eigenaar")


@pytest.fixture
def owner_client(owner):
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def owned_course(course, owner):
    course.course_owner = owner
    course.save()
    return course


def person(name, organisation):
    return VerifiedUserFactory(
        email=f"{len(name)}{abs(hash(name))}@example.nl",
        full_name=name,
        organisation=OrganisationFactory(name=organisation),
    )


def learner(name, organisation, course, status=EnrolmentStatus.ACTIVE):
    user = person(name, organisation)
    EnrolmentFactory(user=user, course=course, status=status)
    return user


def take_quiz(user, lesson, correct):
    """Submit an attempt with the given number of questions answered right."""
    questions = quizzes.questions_for_attempt(user, lesson, 1)
    right = {
        int(key.removeprefix("vraag-")): set(map(int, ids))
        for key, ids in answer_ids(lesson).items()
    }
    selected = {
        question.pk: right[question.pk] if index < correct else set()
        for index, question in enumerate(sorted(questions, key=lambda q: q.sort_order))
    }
    return quizzes.record_attempt(user, lesson, questions, selected)


@pytest.fixture
def learners(owned_course, lessons, quiz):
    anna = learner("Anna", "Gemeente Utrecht", owned_course)
    progress.mark_complete(anna, lessons[0])
    progress.mark_complete(anna, lessons[1])
    take_quiz(anna, quiz, correct=0)
    take_quiz(anna, quiz, correct=2)
    bram = learner("Bram", "Gemeente Utrecht", owned_course)
    progress.mark_complete(bram, lessons[0])
    cor = learner("Cor", "Politie", owned_course)
    take_quiz(cor, quiz, correct=1)
    learner("Dirk", "Politie", owned_course, EnrolmentStatus.PENDING)
    learner("Eva", "Douane", owned_course, EnrolmentStatus.REJECTED)
    return anna, bram, cor


def report_url(course):
    return reverse("academie:course_report", args=[course.pk])


def csv_url(course, table, name="academie:course_report_csv"):
    return reverse(name, args=[course.pk, table])


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_course_report_shows_the_figures(owner_client, owned_course, learners):
    page = owner_client.get(report_url(owned_course)).content.decode()
    for label, value in [
        ("Ingeschreven", "3"),
        ("Wacht op goedkeuring", "1"),
        ("Afgewezen", "1"),
        ("Afgerond", "1"),
        ("Afgerond (percentage van ingeschreven)", "33%"),
        ("Gemiddelde voortgang", "55%"),
    ]:
        assert f"<dt>{label}</dt><dd>{value}</dd>" in page
    assert "Eva" not in page


def test_course_learners_csv(owner_client, owned_course, learners):
    rows = read_csv(owner_client.get(csv_url(owned_course, "deelnemers")))
    header, *data = rows
    assert header[:8] == [
        "Deelnemer",
        "Organisatie",
        "Status",
        "Aangemeld op",
        "Lessen afgerond",
        "Aantal lessen",
        "Voortgang (%)",
        "Afgerond op",
    ]
    assert header[8:] == [
        "Toets Wet Bibob: beste score (%)",
        "Toets Wet Bibob: pogingen",
        "Toets Wet Bibob: geslaagd",
    ]
    summary = [[row[0], row[1], row[2], *row[4:7], row[8], row[9], row[10]] for row in data]
    assert summary == [
        ["Anna", "Gemeente Utrecht", "Ingeschreven", "3", "3", "100", "100", "2", "ja"],
        ["Bram", "Gemeente Utrecht", "Ingeschreven", "1", "3", "33", "", "0", ""],
        ["Cor", "Politie", "Ingeschreven", "1", "3", "33", "50", "1", "ja"],
        ["Dirk", "Politie", "Wacht op goedkeuring", "0", "3", "0", "", "0", ""],
    ]
    assert data[0][7] and not data[1][7]  # only Anna completed the course


def test_course_organisations_csv(owner_client, owned_course, learners):
    header, *data = read_csv(owner_client.get(csv_url(owned_course, "organisaties")))
    assert header == [
        "Organisatie",
        "Ingeschreven",
        "Afgerond",
        "Gemiddelde voortgang (%)",
        "Gemiddelde beste toetsscore (%)",
    ]
    assert data == [["Gemeente Utrecht", "2", "1", "66", "100"], ["Politie", "1", "0", "33", "50"]]


def test_csv_cells_cannot_start_a_formula(owner_client, owned_course):
    user = learner('=HYPERLINK("https://evil.example","klik")', "Gemeente Utrecht", owned_course)
    user.organisation = None
    user.organisation_other = "@SUM(A1:A9)"
    user.save()
    [_header, row] = read_csv(owner_client.get(csv_url(owned_course, "deelnemers")))
    assert row[0] == '\'=HYPERLINK("https://evil.example","klik")'
    assert row[1] == "'@SUM(A1:A9)"
    for value in ["-1+2", "+31", "\t=1"]:
        assert safe_cell(value) == "'" + value
    assert safe_cell("Gemeente") == "Gemeente" and safe_cell(-3) == -3


def test_course_report_includes_scorm_results(owner_client, owned_course, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    lesson = ScormLessonFactory(parent=owned_course, title="Casus Bibob")
    passed = learner("Anna", "Gemeente Utrecht", owned_course)
    ScormAttempt.objects.create(
        user=passed, lesson=lesson, lesson_status=ScormStatus.PASSED, score_raw="85.50"
    )
    busy = learner("Bram", "Gemeente Utrecht", owned_course)
    ScormAttempt.objects.create(user=busy, lesson=lesson, lesson_status=ScormStatus.INCOMPLETE)
    learner("Cor", "Politie", owned_course)
    header, *rows = read_csv(owner_client.get(csv_url(owned_course, "deelnemers")))
    assert header[-2:] == ["Casus Bibob: SCORM-status", "Casus Bibob: score"]
    assert [row[-2:] for row in rows] == [["Geslaagd", "85.5"], ["Bezig", ""], ["", ""]]


def test_unknown_table_is_not_found(owner_client, owned_course):
    assert owner_client.get(csv_url(owned_course, "wachtwoorden")).status_code == 404


def test_only_the_owner_and_beheerders_see_a_report(
    member_client, owned_course, academie, learners
):
    urls = [report_url(owned_course), csv_url(owned_course, "deelnemers")]
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
        assert member_client.get(url).status_code == 404
    assert member_client.get(reverse("academie:reports")).status_code == 403

    other_owner = VerifiedUserFactory(email="ander@riec.example")
    other = CoursePageFactory(parent=academie, title="E-learning AVG", course_owner=other_owner)
    other_client = Client()
    other_client.force_login(other_owner)
    for url in urls:
        assert other_client.get(url).status_code == 404
    overview = other_client.get(reverse("academie:reports")).content.decode()
    assert "E-learning AVG" in overview and owned_course.title not in overview
    assert other_client.get(report_url(other)).status_code == 200

    beheerder = Client()
    beheerder.force_login(StaffUserFactory(group=roles.ADMINISTRATORS))
    for url in urls:
        assert beheerder.get(url).status_code == 200
    overview = beheerder.get(reverse("academie:reports")).content.decode()
    assert "E-learning AVG" in overview and owned_course.title in overview


def test_owner_finds_reports_from_the_dashboard(owner_client, member_client, owned_course):
    link = reverse("academie:reports")
    assert link in owner_client.get(reverse("academie:dashboard")).content.decode()
    assert link not in member_client.get(reverse("academie:dashboard")).content.decode()


def test_owner_whose_approval_was_withdrawn_sees_nothing(owner, owner_client, owned_course):
    owner.is_approved = False
    owner.save()
    assert owner_client.get(report_url(owned_course)).status_code == 403


def test_course_report_queries_do_not_grow_with_learners(
    owner_client, owned_course, lessons, quiz, django_assert_max_num_queries
):
    first = learner("Anna", "Gemeente Utrecht", owned_course)
    take_quiz(first, quiz, correct=1)
    owner_client.get(report_url(owned_course))
    with CaptureQueriesContext(connection) as few:
        assert owner_client.get(report_url(owned_course)).status_code == 200
    for number in range(6):
        user = learner(f"Extra{number}", f"Organisatie {number}", owned_course)
        progress.mark_complete(user, lessons[0])
        take_quiz(user, quiz, correct=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = owner_client.get(report_url(owned_course)).content.decode()
    assert "Extra5" in page


# --- trainings ---


@pytest.fixture
def owned_training(academie, owner):
    training = TrainingPageFactory(parent=academie, title="Kennisevent Bibob", course_owner=owner)
    first = TrainingSessionFactory(page=training, title="Utrecht", capacity=2)
    TrainingSessionFactory(page=training, title="Online", capacity=5)
    anna, bram, cor, dirk = (
        person(name, organisation)
        for name, organisation in [
            ("Anna", "Gemeente Utrecht"),
            ("Bram", "Gemeente Utrecht"),
            ("Cor", "Politie"),
            ("Dirk", "Politie"),
        ]
    )
    own = trainings.register(anna, first)[0]
    for user in (bram, cor, dirk):
        trainings.register(user, first)
    trainings.cancel(own)
    return training


def test_training_report_counts_seats_and_registrations(owner_client, owned_training):
    url = reverse("academie:training_report", args=[owned_training.pk])
    page = owner_client.get(url).content.decode()
    for label, value in [
        ("Sessies", "2"),
        ("Plaatsen", "7"),
        ("Ingeschreven", "2"),
        ("Op de wachtlijst", "1"),
        ("Afgemeld", "1"),
    ]:
        assert f"<dt>{label}</dt><dd>{value}</dd>" in page

    name = "academie:training_report_csv"
    _header, *sessions = read_csv(owner_client.get(csv_url(owned_training, "sessies", name)))
    assert [row[0:1] + row[3:] for row in sessions] == [
        ["Utrecht", "2", "2", "1", "1"],
        ["Online", "5", "0", "0", "0"],
    ]
    _header, *rows = read_csv(owner_client.get(csv_url(owned_training, "deelnemers", name)))
    assert [row[:5] for row in rows] == [
        ["Anna", "Gemeente Utrecht", "Utrecht", "Afgemeld", ""],
        ["Bram", "Gemeente Utrecht", "Utrecht", "Ingeschreven", ""],
        ["Cor", "Politie", "Utrecht", "Ingeschreven", ""],
        ["Dirk", "Politie", "Utrecht", "Op de wachtlijst", "1"],
    ]
    header, *rows = read_csv(owner_client.get(csv_url(owned_training, "organisaties", name)))
    assert header == ["Organisatie", "Ingeschreven", "Op de wachtlijst", "Afgemeld"]
    assert rows == [["Gemeente Utrecht", "1", "0", "1"], ["Politie", "1", "1", "0"]]


def test_training_report_is_for_its_owner_and_beheerders(member_client, owned_training):
    url = reverse("academie:training_report", args=[owned_training.pk])
    assert member_client.get(url).status_code == 404
    beheerder = Client()
    beheerder.force_login(StaffUserFactory(group=roles.ADMINISTRATORS))
    assert beheerder.get(url).status_code == 200


def test_training_report_queries_do_not_grow_with_registrations(
    owner_client, owned_training, django_assert_max_num_queries
):
    url = reverse("academie:training_report", args=[owned_training.pk])
    owner_client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert owner_client.get(url).status_code == 200
    session = TrainingSessionFactory(page=owned_training, title="Extra", capacity=3)
    for number in range(6):
        trainings.register(person(f"Extra{number}", f"Organisatie {number}"), session)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = owner_client.get(url).content.decode()
    assert "Extra5" in page
