from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Eén juist antwoord")
    MULTIPLE = "multiple", _("Meerdere juiste antwoorden")


class QuizQuestion(Orderable, ClusterableModel):
    """A question in a quiz lesson's question bank."""

    lesson = ParentalKey("academie.LessonPage", on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("vraag"))
    kind = models.CharField(
        _("soort vraag"),
        max_length=20,
        choices=QuestionKind.choices,
        default=QuestionKind.SINGLE,
        help_text=_("Bij meerdere juiste antwoorden moet de deelnemer ze allemaal kiezen."),
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("kind"),
        InlinePanel("answers", label=_("antwoord"), heading=_("Antwoorden"), min_num=2),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self):
        return self.text


class QuizAnswer(Orderable):
    """A possible answer to a quiz question, with feedback for the learner who picks it."""

    question = ParentalKey(QuizQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.CharField(_("antwoord"), max_length=500)
    is_correct = models.BooleanField(_("juist"), default=False)
    feedback = models.TextField(
        _("feedback"),
        blank=True,
        help_text=_("Toelichting die de deelnemer na het antwoorden ziet."),
    )

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")

    def __str__(self):
        return self.text


class QuizAttempt(models.Model):
    """One submitted attempt at a quiz, with its score and the chosen answers."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    lesson = models.ForeignKey(
        "academie.LessonPage",
        verbose_name=_("toets"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    created_at = models.DateTimeField(_("ingeleverd op"), auto_now_add=True)
    answers = models.JSONField(_("gekozen antwoorden"), default=dict)
    correct_count = models.PositiveSmallIntegerField(_("goed beantwoord"))
    question_count = models.PositiveSmallIntegerField(_("aantal vragen"))
    score = models.PositiveSmallIntegerField(_("score (procent)"))
    passed = models.BooleanField(_("geslaagd"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("toetspoging")
        verbose_name_plural = _("toetspogingen")
        indexes = [models.Index(fields=["user", "lesson"])]

    def __str__(self):
        return f"{self.user} · {self.lesson} · {self.score}%"
