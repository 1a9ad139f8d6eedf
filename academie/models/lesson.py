from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from kpo.blocks import BodyBlock


class LessonKind(models.TextChoices):
    """What a lesson is. Each kind has its own completion rule in ``academie.progress``."""

    CONTENT = "content", _("Lesinhoud")
    QUIZ = "quiz", _("Toets")
    SCORM = "scorm", _("SCORM-pakket")


class LessonPageForm(WagtailAdminPageForm):
    """Refuses a quiz without questions, and questions without a right answer."""

    def clean(self):
        cleaned_data = super().clean()
        questions = [
            form
            for form in self.formsets["questions"].forms
            if form.is_valid() and not form.cleaned_data.get("DELETE")
        ]
        if cleaned_data.get("kind") == LessonKind.QUIZ and not questions:
            self.add_error("kind", _("Een toets heeft minstens één vraag nodig."))
        if cleaned_data.get("kind") == LessonKind.SCORM and not cleaned_data.get("scorm_package"):
            self.add_error("scorm_package", _("Kies het SCORM-pakket van deze les."))
        for question in questions:
            check_answers(question)
        return cleaned_data


def check_answers(question_form):
    """Add an error to a question whose answers don't fit its kind."""
    from .quiz import QuestionKind

    answers = [
        form.cleaned_data
        for form in question_form.formsets["answers"].forms
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
    correct = sum(1 for answer in answers if answer.get("is_correct"))
    kind = question_form.cleaned_data.get("kind")
    if len(answers) < 2:
        question_form.add_error(None, _("Geef minstens twee antwoorden."))
    elif kind == QuestionKind.SINGLE and correct != 1:
        question_form.add_error(
            "kind", _("Bij één juist antwoord moet precies één antwoord juist zijn.")
        )
    elif correct == 0:
        question_form.add_error("kind", _("Markeer minstens één antwoord als juist."))


class LessonPage(Page):
    """One lesson of an e-learning: rich content, or a quiz with a question bank."""

    kind = models.CharField(
        _("soort les"),
        max_length=20,
        choices=LessonKind.choices,
        default=LessonKind.CONTENT,
        help_text=_(
            "Lesinhoud is afgerond zodra de deelnemer de les heeft bekeken; "
            "een toets zodra de deelnemer is geslaagd; een SCORM-pakket zodra het pakket "
            "'afgerond' of 'geslaagd' meldt."
        ),
    )
    intro = models.TextField(_("introductie"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("cesuur (procent)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Het percentage goede antwoorden dat nodig is om te slagen."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximaal aantal pogingen"),
        null=True,
        blank=True,
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("Leeg laten voor onbeperkt."),
    )
    scorm_package = models.ForeignKey(
        "academie.ScormPackage",
        verbose_name=_("SCORM-pakket"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lessons",
        help_text=_("Upload pakketten onder SCORM-pakketten in het menu."),
    )
    shuffle_questions = models.BooleanField(
        _("vragen in willekeurige volgorde"),
        default=True,
        help_text=_("Elke poging toont de vragen in een andere volgorde."),
    )

    base_form_class = LessonPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("shuffle_questions"),
                InlinePanel("questions", label=_("vraag"), heading=_("Vragenbank")),
            ],
            heading=_("Toets"),
            help_text=_("Alleen van toepassing als de les een toets is."),
        ),
        MultiFieldPanel(
            [FieldPanel("scorm_package")],
            heading=_("SCORM"),
            help_text=_("Alleen van toepassing als de les een SCORM-pakket is."),
        ),
    ]
    parent_page_types = ["academie.CoursePage"]
    subpage_types = []
    allowed_http_methods = ["GET", "HEAD", "POST"]

    class Meta:
        verbose_name = _("les")
        verbose_name_plural = _("lessen")

    def get_sitemap_urls(self, request=None):
        """Lessons are for enrolled learners only: they stay out of the sitemap."""
        return []

    @property
    def is_quiz(self):
        return self.kind == LessonKind.QUIZ

    @property
    def is_scorm(self):
        return self.kind == LessonKind.SCORM

    def get_context(self, request, *args, **kwargs):
        from academie.views import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self, **kwargs))
        return context

    def serve(self, request, *args, **kwargs):
        from academie.views import serve_lesson

        return serve_lesson(request, self, super().serve)
