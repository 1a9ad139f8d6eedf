"""Demo content for the Ondermijningsacademie: the e-learnings in fixtures/academie.json,
with their lessons, quiz and generated SCORM package, and a demo member's progress; the
trainings in fixtures/trainingen.json (the Kennisevent Bibob with one workshop nearly
full and one with a waiting list, and the practice training for toezichthouders), whose
sessions lie a fixed number of days after the first load, at fixed local times. Safe to
run again."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from academie.factories import (
    AcademieIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    QuizLessonFactory,
    ScormLessonFactory,
    ScormPackageFactory,
    TrainingPageFactory,
)
from academie.models import (
    Enrolment,
    LessonProgress,
    RegistrationStatus,
    ScormPackage,
    TrainingRegistration,
    TrainingSession,
)
from academie.scorm import generator
from kpo.demo import ensure_child, read_fixture
from kpo.factories import paragraph_body
from kpo.models import ApprovalStatus, Organisation, Theme, User


def load_academie(home):
    body = paragraph_body(*read_fixture("pages.json")["academie"]["body"])
    academie = ensure_child(home, AcademieIndexPageFactory, "academie", body=body)
    content = read_fixture("academie.json")
    courses = {}
    for item in content["courses"]:
        courses[item["slug"]] = load_course(academie, item, courses)
    for item in content["enrolments"]:
        load_enrolment(item, courses[item["course"]])
    load_trainings(academie)
    return academie


def load_course(academie, item, courses):
    owner = item.get("course_owner")
    course = ensure_child(
        academie,
        CoursePageFactory,
        item["slug"],
        title=item["title"],
        intro=item["intro"],
        description=paragraph_body(*item["description"]),
        learning_objectives=bullet_list(item["learning_objectives"]),
        audience=item["audience"],
        duration_minutes=item["duration_minutes"],
        format=item["format"],
        themes=list(Theme.objects.filter(name__in=item["themes"])),
        prerequisites=[courses[slug] for slug in item.get("prerequisites", [])],
        has_certificate=item["has_certificate"],
        enrolment_policy=item["enrolment_policy"],
        course_owner=User.objects.get(email=owner) if owner else None,
    )
    for lesson in item["lessons"]:
        load_lesson(course, lesson)
    return course


def load_lesson(course, item):
    fields = {"title": item["title"], "intro": item["intro"]}
    if "scorm" in item:
        package = load_scorm_package(item["scorm"])
        return ensure_child(
            course, ScormLessonFactory, item["slug"], scorm_package=package, **fields
        )
    quiz = item.get("quiz")
    if quiz is None:
        return ensure_child(
            course, LessonPageFactory, item["slug"], body=paragraph_body(*item["body"]), **fields
        )
    questions = [
        {"text": q["text"], "kind": q["kind"], "answers": [tuple(a) for a in q["answers"]]}
        for q in quiz["questions"]
    ]
    return ensure_child(
        course,
        QuizLessonFactory,
        item["slug"],
        pass_mark=quiz["pass_mark"],
        max_attempts=quiz["max_attempts"],
        questions=questions,
        **fields,
    )


def load_scorm_package(item):
    """The SCORM package made by ``academie.scorm.generator`` from the fixture's pages and
    knowledge check, checked and unpacked like an editor's upload."""
    existing = ScormPackage.objects.filter(title=item["title"]).first()
    if existing is not None:
        return existing
    questions = [
        generator.Question(q["text"], tuple(tuple(answer) for answer in q["answers"]))
        for q in item["questions"]
    ]
    pages = [(heading, paragraphs) for heading, paragraphs in item["pages"]]
    data = generator.interactive_package(item["title"], pages, questions, item["mastery_score"])
    return ScormPackageFactory(title=item["title"], data=data)


def load_enrolment(item, course):
    user = User.objects.get(email=item["user"])
    Enrolment.objects.get_or_create(user=user, course=course)
    for lesson in course.lessons().filter(slug__in=item["completed_lessons"]):
        LessonProgress.objects.get_or_create(user=user, lesson=lesson)


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{text}</li>" for text in items) + "</ul>"


def load_trainings(academie):
    content = read_fixture("trainingen.json")
    for person in content["participants"]:
        load_participant(person)
    for item in content["trainings"]:
        load_training(academie, item)


def load_participant(person):
    """An approved member who takes part in the demo trainings (no password: no login)."""
    if User.objects.filter(email=person["email"]).exists():
        return
    User.objects.create_user(
        email=person["email"],
        password=None,
        full_name=person["full_name"],
        organisation=Organisation.objects.get(name=person["organisation"]),
        job_title=person["job_title"],
        is_approved=True,
        approval_status=ApprovalStatus.APPROVED,
    )


def load_training(academie, item):
    """The training page with its sessions (in its first revision, as an editor would
    publish it), then the demo registrations, once."""
    owner = item.get("course_owner")
    training = ensure_child(
        academie,
        TrainingPageFactory,
        item["slug"],
        title=item["title"],
        intro=item["intro"],
        description=paragraph_body(*item["description"]),
        learning_objectives=bullet_list(item["learning_objectives"]),
        audience=item["audience"],
        duration_minutes=item["duration_minutes"],
        themes=list(Theme.objects.filter(name__in=item["themes"])),
        course_owner=User.objects.get(email=owner) if owner else None,
        sessions=[new_session(session) for session in item["sessions"]],
    )
    if not TrainingRegistration.objects.filter(session__page=training).exists():
        for session in item["sessions"]:
            load_registrations(training.sessions.get(title=session["title"]), session)
    return training


def at(days_ahead, clock):
    day = timezone.localdate() + timedelta(days=days_ahead)
    hours, minutes = map(int, clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hours, minutes)))


def new_session(item):
    return TrainingSession(
        title=item["title"],
        start=at(item["days_ahead"], item["start"]),
        end=at(item["days_ahead"] + item.get("days", 1) - 1, item["end"]),
        location=item["location"],
        online_url=item.get("online_url", ""),
        capacity=item["capacity"],
    )


def load_registrations(session, item):
    for status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        for email in item[status]:
            TrainingRegistration.objects.create(
                user=User.objects.get(email=email),
                session=session,
                status=status,
                confirmed_at=timezone.now() if status == RegistrationStatus.CONFIRMED else None,
            )
