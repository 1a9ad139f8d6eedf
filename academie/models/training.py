from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from kpo.blocks import BodyBlock

TRAINING_FORMAT = "training"


class TrainingPageForm(WagtailAdminPageForm):
    """Refuses to remove a session that members are registered for (deleted, or left
    out as when restoring an older revision): their registrations would go without a
    word."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        kept = {form.instance.pk for form in self.formsets["sessions"].forms if keeps(form)}
        removed = (
            TrainingSession.objects.filter(page=self.instance)
            .exclude(pk__in=kept)
            .filter(registrations__status__in=ACTIVE_STATUSES)
            .distinct()
        )
        for session in removed:
            self.add_error(
                None,
                _(
                    "De sessie ‘%(session)s’ heeft aanmeldingen en kan niet worden "
                    "verwijderd. Laat de deelnemers zich eerst afmelden."
                )
                % {"session": session},
            )
        return cleaned_data


def keeps(form):
    """Does this row of the sessions formset keep its (existing) session?"""
    form.is_valid()  # fills cleaned_data, also for a row with errors
    return form.instance.pk and not form.cleaned_data.get("DELETE")


class TrainingPage(Page):
    """A training with dates, such as the Kennisevent Bibob or the practice training for
    toezichthouders: members register for one of its sessions."""

    intro = models.TextField(
        _("samenvatting"), help_text=_("Eén of twee zinnen voor het overzicht van de academie.")
    )
    description = StreamField(BodyBlock(), verbose_name=_("beschrijving"), blank=True)
    learning_objectives = RichTextField(
        _("leerdoelen"),
        features=["ul", "bold", "italic"],
        blank=True,
        help_text=_("Wat kan de deelnemer na afloop? Eén leerdoel per opsommingsteken."),
    )
    audience = models.TextField(
        _("doelgroep"),
        help_text=_(
            "Voor wie is deze training bedoeld? Bijvoorbeeld: toezichthouders van gemeenten."
        ),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duur in minuten"),
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
        help_text=_("De duur van één sessie, voor het filter in het overzicht."),
    )
    themes = ParentalManyToManyField(
        "kpo.Theme", verbose_name=_("thema's"), blank=True, related_name="trainings"
    )
    community = models.ForeignKey(
        "communities.Community",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainings",
        help_text=_(
            "Optioneel: de community waar deelnemers over deze training doorpraten. Een "
            "verborgen community toont de pagina alleen aan haar leden."
        ),
    )
    course_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_trainings",
        help_text=_("Ziet de aanmeldingen in de rapportage van de academie."),
    )

    base_form_class = TrainingPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("description"),
        FieldPanel("learning_objectives"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("course_owner")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("community"),
        MultiFieldPanel(
            [InlinePanel("sessions", label=_("sessie"), min_num=1)],
            heading=_("Sessies"),
            help_text=_(
                "Leden melden zich aan voor één sessie. Is een sessie vol, dan komen zij op "
                "de wachtlijst; bij een afmelding schuift de wachtlijst vanzelf door."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
        index.FilterField("duration_minutes"),
    ]
    parent_page_types = ["academie.AcademieIndexPage"]
    subpage_types: list[str] = []
    allowed_http_methods = ["GET", "HEAD"]
    format = TRAINING_FORMAT
    catalogue_related = ["themes", "sessions"]

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainingen")

    def get_format_display(self):
        return _("Training")

    def next_session(self):
        """The first session still to come (uses the catalogue's prefetched sessions)."""
        now = timezone.now()
        return next((session for session in self.sessions.all() if session.start > now), None)

    def get_context(self, request, *args, **kwargs):
        from academie.links import page_links
        from academie.trainings import session_states

        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = session_states(request.user, self)
        context.update(page_links(request.user, self))
        return context


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Ingeschreven")
    WAITING = "waiting", _("Op de wachtlijst")
    CANCELLED = "cancelled", pgettext_lazy("training registration", "Afgemeld")


ACTIVE_STATUSES = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


class SessionQuerySet(models.QuerySet):
    def with_counts(self):
        """Annotate the number of registrations per status (confirmed, waiting, cancelled),
        in date order (an aggregating query ignores ``Meta.ordering``)."""
        counts = {
            name: Count("registrations", filter=Q(registrations__status=status))
            for name, status in [
                ("confirmed", RegistrationStatus.CONFIRMED),
                ("waiting", RegistrationStatus.WAITING),
                ("cancelled", RegistrationStatus.CANCELLED),
            ]
        }
        return self.annotate(**counts).order_by("start", "pk")


class TrainingSession(models.Model):
    """One date of a training, on location or online, with a number of seats."""

    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        _("naam"),
        max_length=200,
        blank=True,
        help_text=_("Optioneel, bijvoorbeeld ‘Editie Zwolle’ of ‘Online herhaling’."),
    )
    start = models.DateTimeField(_("begint op"))
    end = models.DateTimeField(_("eindigt op"))
    location = models.CharField(
        _("plaats"),
        max_length=255,
        blank=True,
        help_text=_("Naam en adres van de locatie. Leeg laten als de sessie alleen online is."),
    )
    online_url = models.URLField(
        _("link voor online deelname"),
        blank=True,
        help_text=_("Alleen ingeschreven deelnemers zien deze link."),
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("location"),
        FieldPanel("online_url"),
        FieldPanel("capacity"),
    ]

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")

    def __str__(self):
        when = timezone.localtime(self.start).strftime("%d-%m-%Y %H:%M")
        return f"{self.page.title} · {self.title or when}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Het einde moet na het begin liggen.")})
        if not self.location and not self.online_url:
            raise ValidationError(
                {"location": _("Vul een plaats in, een link voor online deelname, of beide.")}
            )

    @property
    def is_online_only(self):
        return bool(self.online_url) and not self.location

    @property
    def has_started(self):
        return self.start <= timezone.now()


class RegistrationQuerySet(models.QuerySet):
    def with_waiting_position(self):
        """Annotate ``waiting_ahead``: how many are ahead of each one on its waiting list."""
        waiting = RegistrationStatus.WAITING
        ahead = (
            TrainingRegistration.objects.filter(session=OuterRef("session"), status=waiting)
            .filter(
                Q(registered_at__lt=OuterRef("registered_at"))
                | Q(registered_at=OuterRef("registered_at"), pk__lt=OuterRef("pk"))
            )
            .order_by()
            .values("session")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(waiting_ahead=Coalesce(Subquery(ahead), 0))


class TrainingRegistration(models.Model):
    """A member's registration for a session: a seat, a place on the waiting list (in
    the order of ``registered_at``), or cancelled. Registering again reuses the row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="training_registrations",
    )
    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("sessie"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    registered_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("ingeschreven op"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["registered_at", "pk"]
        verbose_name = _("aanmelding voor een training")
        verbose_name_plural = _("aanmeldingen voor trainingen")
        constraints = [
            models.UniqueConstraint(fields=["user", "session"], name="academie_one_registration")
        ]
        indexes = [models.Index(fields=["session", "status", "registered_at"])]

    def __str__(self):
        return f"{self.user} · {self.session}"

    @property
    def is_active(self):
        return self.status != RegistrationStatus.CANCELLED

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == RegistrationStatus.WAITING

    @property
    def waiting_position(self):
        """1 for the first on the waiting list; None when not waiting."""
        if not self.is_waiting:
            return None
        ahead = getattr(self, "waiting_ahead", None)
        if ahead is None:
            ahead = (
                TrainingRegistration.objects.filter(pk=self.pk)
                .with_waiting_position()
                .values_list("waiting_ahead", flat=True)
                .get()
            )
        return ahead + 1
