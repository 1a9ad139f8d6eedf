import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_package_key():
    """The random folder name of a package in storage: never derived from ids or titles."""
    return secrets.token_urlsafe(18)


class ScormPackage(models.Model):
    """A SCORM 1.2 package uploaded by an editor. Every upload of a new zip is a new
    version, unpacked to its own folder ``scorm/<key>/v<version>/`` in default storage."""

    title = models.CharField(
        _("titel"), max_length=255, blank=True, help_text=_("Leeg: de titel uit het pakket.")
    )
    key = models.CharField(max_length=40, unique=True, editable=False, default=new_package_key)
    version = models.PositiveIntegerField(_("versie"), default=0, editable=False)
    launch_path = models.CharField(_("startbestand"), max_length=1000, editable=False)
    launch_query = models.CharField(max_length=1000, blank=True, editable=False)
    manifest_title = models.CharField(_("titel in het pakket"), max_length=255, blank=True)
    mastery_score = models.PositiveSmallIntegerField(
        _("beheersingsscore"), null=True, blank=True, editable=False
    )
    launch_data = models.TextField(blank=True, editable=False)
    file_count = models.PositiveIntegerField(_("aantal bestanden"), default=0, editable=False)
    total_size = models.PositiveBigIntegerField(_("grootte (bytes)"), default=0, editable=False)
    uploaded_at = models.DateTimeField(_("geüpload op"), null=True, editable=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("SCORM-pakket")
        verbose_name_plural = _("SCORM-pakketten")

    def __str__(self):
        return self.title

    @property
    def storage_prefix(self):
        """The folder of the current version's files in default storage."""
        return f"scorm/{self.key}/v{self.version}/"


class ScormStatus(models.TextChoices):
    """``cmi.core.lesson_status`` of SCORM 1.2."""

    NOT_ATTEMPTED = "not attempted", _("Nog niet begonnen")
    BROWSED = "browsed", _("Bekeken")
    INCOMPLETE = "incomplete", _("Bezig")
    COMPLETED = "completed", _("Afgerond")
    PASSED = "passed", _("Geslaagd")
    FAILED = "failed", _("Niet geslaagd")


class ScormAttempt(models.Model):
    """A learner's attempt at a SCORM lesson: the CMI data the package committed.

    Time: ``session_time`` is what the package reported for the running session
    (identified by ``session_key``); ``total_time`` holds the finished sessions. A new
    launch or LMSFinish folds the session into the total, so repeated commits within one
    session never count twice. The session that ended last is kept as
    ``previous_session_key`` with the time it had, until the new session commits: commits
    the browser could not deliver before it ended are still stored
    (``runtime.apply_late_commit``), their extra time once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="scorm_attempts",
    )
    lesson = models.ForeignKey(
        "academie.LessonPage",
        verbose_name=_("les"),
        on_delete=models.CASCADE,
        related_name="scorm_attempts",
    )
    package_version = models.PositiveIntegerField(_("pakketversie"), default=0)
    lesson_status = models.CharField(
        _("status"), max_length=20, choices=ScormStatus.choices, default=ScormStatus.NOT_ATTEMPTED
    )
    score_raw = models.DecimalField(
        _("score"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    score_min = models.DecimalField(
        _("minimale score"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    score_max = models.DecimalField(
        _("maximale score"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    lesson_location = models.CharField(_("plaats in de les"), max_length=255, blank=True)
    suspend_data = models.TextField(_("onderbrekingsgegevens"), blank=True)
    exit = models.CharField(_("afsluiting"), max_length=20, blank=True)
    session_time = models.DurationField(_("tijd deze sessie"), default=timedelta)
    total_time = models.DurationField(_("tijd eerdere sessies"), default=timedelta)
    session_key = models.CharField(max_length=40, blank=True, editable=False)
    previous_session_key = models.CharField(max_length=40, blank=True, editable=False)
    previous_session_time = models.DurationField(default=timedelta, editable=False)
    commit_count = models.PositiveIntegerField(_("aantal keer opgeslagen"), default=0)
    started_at = models.DateTimeField(_("begonnen op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst opgeslagen op"), auto_now=True)
    finished_at = models.DateTimeField(_("laatst afgesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("SCORM-poging")
        verbose_name_plural = _("SCORM-pogingen")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="academie_one_scorm_attempt")
        ]

    def __str__(self):
        return f"{self.user} · {self.lesson} · {self.lesson_status}"

    @property
    def accumulated_time(self):
        """All time spent: the finished sessions plus the running one."""
        return self.total_time + self.session_time
