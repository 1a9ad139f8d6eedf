"""Factories for the academy's pages and learner records, used by tests and the demo."""

from datetime import timedelta

import factory
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from academie.models import (
    AcademieIndexPage,
    CoursePage,
    Enrolment,
    LessonKind,
    LessonPage,
    QuestionKind,
    QuizAnswer,
    QuizQuestion,
    RegistrationStatus,
    ScormPackage,
    TrainingPage,
    TrainingRegistration,
    TrainingSession,
)
from academie.scorm import generator, package
from kpo.factories import VerifiedUserFactory, paragraph_body


class AcademieIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ondermijningsacademie"
    slug = "academie"
    intro = "E-learnings, trainingen en bijeenkomsten om kennis te verdiepen en toe te passen."

    class Meta:
        model = AcademieIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"E-learning {n}")
    intro = "Een e-learning over de aanpak van ondermijning."
    description = factory.LazyFunction(lambda: paragraph_body("Beschrijving van de e-learning."))
    learning_objectives = "<ul><li>U kent de signalen van ondermijning.</li></ul>"
    audience = "Medewerkers van gemeenten en partners in het RIEC-verband."
    duration_minutes = 45

    class Meta:
        model = CoursePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Les {n}")
    kind = LessonKind.CONTENT
    body = factory.LazyFunction(lambda: paragraph_body("Inhoud van de les."))

    class Meta:
        model = LessonPage


class QuizLessonFactory(LessonPageFactory):
    """A quiz lesson; pass ``questions`` as dicts for ``add_question``."""

    kind = LessonKind.QUIZ
    body = factory.LazyFunction(list)

    class Meta:
        model = LessonPage
        skip_postgeneration_save = True

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):
        for question in extracted or []:
            add_question(obj, **question)


def add_question(lesson, text, answers, kind=QuestionKind.SINGLE):
    """Add a question with ``answers``, a list of (text, is_correct, feedback) tuples."""
    question = QuizQuestion.objects.create(
        lesson=lesson, text=text, kind=kind, sort_order=lesson.questions.count()
    )
    for order, (answer, is_correct, feedback) in enumerate(answers):
        QuizAnswer.objects.create(
            question=question,
            text=answer,
            is_correct=is_correct,
            feedback=feedback,
            sort_order=order,
        )
    return question


class EnrolmentFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(VerifiedUserFactory)

    class Meta:
        model = Enrolment


class ScormPackageFactory(factory.django.DjangoModelFactory):
    """A SCORM package checked and unpacked like an editor's upload; pass the zip bytes as
    ``data`` (default: the generated interactive package)."""

    title = factory.Sequence(lambda n: f"SCORM-pakket {n}")

    class Meta:
        model = ScormPackage

    @classmethod
    def _create(cls, model_class, data=None, **kwargs):
        instance = model_class(**kwargs)
        upload = SimpleUploadedFile("pakket.zip", data or default_package())
        package.install(instance, upload, package.check_package(upload))
        instance.save()
        return instance


def default_package():
    pages = [
        ("De Wet Bibob", ["Met de Wet Bibob beschermt het bestuur zijn integriteit."]),
        ("Het eigen onderzoek", ["De gemeente onderzoekt eerst zelf."]),
    ]
    return generator.interactive_package(
        "Wet Bibob in de praktijk", pages, generator.demo_questions()
    )


class ScormLessonFactory(LessonPageFactory):
    kind = LessonKind.SCORM
    body = factory.LazyFunction(list)
    scorm_package = factory.SubFactory(ScormPackageFactory)

    class Meta:
        model = LessonPage


class TrainingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Training {n}")
    intro = "Een praktijktraining voor professionals in het RIEC-verband."
    description = factory.LazyFunction(lambda: paragraph_body("Beschrijving van de training."))
    audience = "Toezichthouders en handhavers van gemeenten."
    duration_minutes = 240

    class Meta:
        model = TrainingPage


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    """A session two weeks ahead (``start`` relative to now), in Utrecht."""

    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    end = factory.LazyAttribute(lambda session: session.start + timedelta(hours=4))
    location = "Jaarbeurs, Jaarbeursplein 6, Utrecht"
    capacity = 2

    class Meta:
        model = TrainingSession


class TrainingRegistrationFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(VerifiedUserFactory)
    status = RegistrationStatus.CONFIRMED

    class Meta:
        model = TrainingRegistration
