import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from academie.factories import CoursePageFactory, ScormPackageFactory
from academie.models import (
    AcademieIndexPage,
    CoursePage,
    EnrolmentPolicy,
    LessonPage,
    QuizAnswer,
    QuizQuestion,
    TrainingPage,
)
from kpo.factories import StaffUserFactory, ThemeFactory, UserFactory
from kpo.models import HomePage

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert AcademieIndexPage.allowed_subpage_models() == [CoursePage, TrainingPage]
    assert CoursePage.allowed_parent_page_models() == [AcademieIndexPage]
    assert TrainingPage.allowed_parent_page_models() == [AcademieIndexPage]
    assert TrainingPage.allowed_subpage_models() == []
    assert CoursePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_parent_page_models() == [CoursePage]
    assert LessonPage.allowed_subpage_models() == []
    assert AcademieIndexPage.allowed_parent_page_models() == [HomePage]


def test_course_needs_an_owner_when_enrolment_needs_approval(academie):
    course = CoursePageFactory(parent=academie)
    course.enrolment_policy = EnrolmentPolicy.APPROVAL
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "course_owner" in error.value.message_dict
    course.course_owner = UserFactory()
    course.full_clean()


def test_course_cannot_require_itself_through_other_courses(academie):
    first = CoursePageFactory(parent=academie)
    second = CoursePageFactory(parent=academie, prerequisites=[first])
    first.prerequisites = [second]
    with pytest.raises(ValidationError) as error:
        first.full_clean()
    assert "prerequisites" in error.value.message_dict


def lesson_form_data(kind, questions):
    return nested_form_data(
        {
            "title": "Toets",
            "slug": "nieuwe-toets",
            "kind": kind,
            "intro": "",
            "body": streamfield([]),
            "pass_mark": 70,
            "max_attempts": 3,
            "shuffle_questions": "on",
            "questions": inline_formset(questions),
        }
    )


def question(text, kind, answers):
    return {
        "text": text,
        "kind": kind,
        "answers": inline_formset(
            [{"text": a, "is_correct": "on" if ok else "", "feedback": ""} for a, ok in answers],
            min=2,
        ),
    }


def lesson_form(course, data):
    """Wagtail's admin form for a new lesson under ``course``, bound to ``data``."""
    form_class = LessonPage.get_edit_handler().get_form_class()
    editor = UserFactory(is_superuser=True, is_staff=True)
    return form_class(data, instance=LessonPage(), parent_page=course, for_user=editor)


def test_editor_creates_a_quiz_with_questions_and_answers(course):
    data = lesson_form_data(
        "quiz", [question("Wat is APV?", "single", [("Een verordening", True), ("Een wet", False)])]
    )
    form = lesson_form(course, data)
    assert form.is_valid(), form.errors
    quiz = course.add_child(instance=form.save(commit=False))
    assert [q.text for q in quiz.questions.all()] == ["Wat is APV?"]
    assert [a.is_correct for a in quiz.questions.get().answers.all()] == [True, False]


def test_editor_cannot_save_a_quiz_without_questions(course):
    form = lesson_form(course, lesson_form_data("quiz", []))
    assert not form.is_valid()
    assert form.errors["kind"] == ["Een toets heeft minstens één vraag nodig."]


def test_editor_cannot_save_a_scorm_lesson_without_package(course, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    form = lesson_form(course, lesson_form_data("scorm", []))
    assert not form.is_valid()
    assert form.errors["scorm_package"] == ["Kies het SCORM-pakket van deze les."]
    data = lesson_form_data("scorm", [])
    data["scorm_package"] = ScormPackageFactory().pk
    form = lesson_form(course, data)
    assert form.is_valid(), form.errors


def test_single_choice_question_needs_exactly_one_right_answer(course):
    data = lesson_form_data(
        "quiz", [question("Wat is APV?", "single", [("Verordening", True), ("Regel", True)])]
    )
    form = lesson_form(course, data)
    assert not form.is_valid()
    question_form = form.formsets["questions"].forms[0]
    assert "precies één antwoord juist" in str(question_form.errors["kind"])


def test_catalogue_lists_and_filters_courses(client, academie):
    bibob = ThemeFactory(name="Wet Bibob")
    CoursePageFactory(parent=academie, title="Wet Bibob basis", themes=[bibob], duration_minutes=25)
    CoursePageFactory(parent=academie, title="AVG in het RIEC", duration_minutes=90)
    page = client.get(academie.url).content.decode()
    assert "Wet Bibob basis" in page and "AVG in het RIEC" in page

    page = client.get(academie.url, {"thema": "wet-bibob"}).content.decode()
    assert "Wet Bibob basis" in page and "AVG in het RIEC" not in page

    page = client.get(academie.url, {"duur": "lang", "vorm": "e-learning"}).content.decode()
    assert "AVG in het RIEC" in page and "Wet Bibob basis" not in page


def test_catalogue_explains_a_bad_filter_and_keeps_the_others(client, academie):
    CoursePageFactory(parent=academie, title="Wet Bibob basis")
    response = client.get(academie.url, {"thema": "bestaat-niet", "duur": "kort"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden uit de lijst." in page
    assert '<option value="kort" selected>' in page
    assert "Wet Bibob basis" in page


def test_course_page_renders_its_description_and_lessons(client, course):
    page = client.get(course.url).content.decode()
    for text in ["E-learning Wet Bibob", "Leerdoelen", "Doelgroep", "Het Bibob-onderzoek"]:
        assert text in page
    assert "Log in met uw account om u in te schrijven." in page


def test_lesson_page_renders_for_an_enrolled_learner(member_client, lessons, enrolment):
    page = member_client.get(lessons[0].url).content.decode()
    assert "Wat is de Wet Bibob?" in page
    assert "Inhoud van de les." in page
    assert 'rel="next"' in page


def test_quiz_renders_each_question_as_a_fieldset(member_client, quiz, enrolment):
    page = member_client.get(quiz.url).content.decode()
    assert page.count("<fieldset") == 2
    assert "<legend" in page
    assert 'type="checkbox"' in page and 'type="radio"' in page


def preview(page):
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    request.is_preview = True
    response = page.serve_preview(request, page.default_preview_mode)
    assert response.status_code == 200
    return response.render().content.decode()


def test_editor_previews_a_new_course_before_saving(academie, course):
    new = CoursePage(
        title="Nieuwe e-learning", slug="nieuw", duration_minutes=20, prerequisites=[course]
    )
    new.depth = academie.depth + 1
    new.path = academie.get_last_child()._inc_path()
    page = preview(new)
    assert "Nieuwe e-learning" in page and "E-learning Wet Bibob" in page
    assert "Hier schrijven deelnemers zich in" in page


def test_editor_previews_a_new_quiz_before_saving(course):
    answers = [QuizAnswer(text="Een verordening", is_correct=True), QuizAnswer(text="Een wet")]
    lesson = LessonPage(
        title="Nieuwe toets",
        slug="nieuwe-toets",
        kind="quiz",
        questions=[QuizQuestion(text="Wat is een APV?", answers=answers)],
    )
    lesson.depth = course.depth + 1
    lesson.path = course.get_last_child()._inc_path()
    page = preview(lesson)
    assert "1. Wat is een APV?" in page and "Een verordening" in page


@pytest.mark.parametrize(
    "model, expected",
    [
        ("coursepage", "Inschrijving en afronding"),
        ("lessonpage", "Vragenbank"),
        ("trainingpage", "bij een afmelding schuift de wachtlijst vanzelf door"),
    ],
)
def test_editors_get_the_admin_forms_with_dutch_help(client, course, model, expected):
    client.force_login(StaffUserFactory(is_superuser=True))
    parent = course if model == "lessonpage" else course.get_parent()
    response = client.get(f"/admin/pages/add/academie/{model}/{parent.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert expected in page
