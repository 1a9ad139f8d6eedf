from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolmentStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op goedkeuring")
    ACTIVE = "active", _("Ingeschreven")
    REJECTED = "rejected", _("Afgewezen")


class Enrolment(models.Model):
    """A learner's enrolment in an e-learning; ``completed_at`` is set when every lesson is done."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        "academie.CoursePage",
        verbose_name=_("e-learning"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="academie_one_enrolment")
        ]

    def __str__(self):
        return f"{self.user} · {self.course}"

    @property
    def is_active(self):
        return self.status == EnrolmentStatus.ACTIVE


class LessonProgress(models.Model):
    """A lesson a learner has completed (viewed, or passed for a quiz)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="lesson_progress",
    )
    lesson = models.ForeignKey(
        "academie.LessonPage",
        verbose_name=_("les"),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    completed_at = models.DateTimeField(_("afgerond op"), auto_now_add=True)

    class Meta:
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="academie_one_progress")
        ]

    def __str__(self):
        return f"{self.user} · {self.lesson}"
