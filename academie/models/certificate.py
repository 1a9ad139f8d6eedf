import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L, U/V).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
CODE_GROUPS = 4
CODE_GROUP_LENGTH = 4


def new_certificate_code():
    """An unguessable verification code such as ``KPO-7HQ2-MXR9-C4TW-PZ3K`` (about 78 bits)."""
    groups = [
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    ]
    return "-".join(["KPO", *groups])


class Certificate(models.Model):
    """The certificate of a completed e-learning, checkable by anyone with its code.
    The learner's name and the course title are kept as they were on the certificate."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "academie.CoursePage",
        verbose_name=_("e-learning"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    code = models.CharField(
        _("verificatiecode"), max_length=40, unique=True, default=new_certificate_code
    )
    learner_name = models.CharField(_("naam op het certificaat"), max_length=255)
    course_title = models.CharField(_("e-learning op het certificaat"), max_length=255)
    completed_at = models.DateTimeField(_("afgerond op"))
    issued_at = models.DateTimeField(_("uitgegeven op"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revocation_reason = models.CharField(_("reden van intrekking"), max_length=255, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="academie_one_certificate")
        ]

    def __str__(self):
        return f"{self.code} · {self.learner_name} · {self.course_title}"

    @property
    def is_valid(self):
        return self.revoked_at is None
