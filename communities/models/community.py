from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kpo.access import access_tokens, community_ids, community_token

# Path segments under /communities/ that belong to the app itself, not to a community.
RESERVED_SLUGS = {"meldingen", "uitnodiging", "nieuw"}


def validate_slug_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(_("Deze korte naam is gereserveerd; kies een andere."))


class CommunityType(models.TextChoices):
    OPEN = "open", _("Open: elk lid kan meedoen")
    ON_REQUEST = "on_request", _("Op aanvraag: community managers beslissen")
    HIDDEN = "hidden", _("Verborgen: alleen op uitnodiging, niet zichtbaar in de lijst")


class CommunityQuerySet(models.QuerySet):
    def listed_for(self, user):
        """Communities ``user`` may know of: all but hidden ones, plus hidden ones they are in."""
        member_of = community_ids(access_tokens(user))
        return self.filter(~models.Q(type=CommunityType.HIDDEN) | models.Q(pk__in=member_of))


class Community(models.Model):
    """A learning community (lerend netwerk): a closed group with discussions and questions."""

    name = models.CharField(_("naam"), max_length=150, unique=True)
    slug = models.SlugField(
        _("korte naam"),
        max_length=80,
        unique=True,
        validators=[validate_slug_not_reserved],
        help_text=_("Deel van het webadres: /communities/<korte naam>/."),
    )
    description = models.TextField(_("omschrijving"))
    themes = models.ManyToManyField(
        "kpo.Theme", verbose_name=_("thema's"), blank=True, related_name="communities"
    )
    type = models.CharField(
        _("soort"), max_length=20, choices=CommunityType.choices, default=CommunityType.ON_REQUEST
    )
    first_posts_need_approval = models.BooleanField(
        _("eerste berichten van nieuwe leden goedkeuren"),
        default=False,
        help_text=_(
            "Het eerste bericht van een nieuw lid verschijnt pas na goedkeuring "
            "door een community manager."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = CommunityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("communities:home", args=[self.slug])

    @property
    def token(self):
        """The access token that members of this community hold."""
        return community_token(self.pk)

    @property
    def is_hidden(self):
        return self.type == CommunityType.HIDDEN
