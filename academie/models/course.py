from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from kpo.blocks import BodyBlock


class CourseFormat(models.TextChoices):
    E_LEARNING = "e-learning", _("E-learning")
    BLENDED = "blended", _("E-learning met praktijktraining")


class EnrolmentPolicy(models.TextChoices):
    OPEN = "open", _("Open: direct toegang na inschrijving")
    APPROVAL = "approval", _("Op goedkeuring van de cursuseigenaar")


class CoursePage(Page):
    """An e-learning: a description for the catalogue and ordered child lessons."""

    intro = models.TextField(
        _("samenvatting"), help_text=_("Eén of twee zinnen voor het overzicht van de academie.")
    )
    description = StreamField(BodyBlock(), verbose_name=_("beschrijving"), blank=True)
    learning_objectives = RichTextField(
        _("leerdoelen"),
        features=["ul", "bold", "italic"],
        help_text=_("Wat kan de deelnemer na afloop? Eén leerdoel per opsommingsteken."),
    )
    audience = models.TextField(
        _("doelgroep"),
        help_text=_(
            "Voor wie is deze e-learning bedoeld? Bijvoorbeeld: medewerkers Vergunningen "
            "en Bibob-coördinatoren van gemeenten."
        ),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duur in minuten"),
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
        help_text=_("De geschatte tijd om alle lessen te doorlopen."),
    )
    format = models.CharField(
        _("vorm"), max_length=20, choices=CourseFormat.choices, default=CourseFormat.E_LEARNING
    )
    themes = ParentalManyToManyField(
        "kpo.Theme", verbose_name=_("thema's"), blank=True, related_name="courses"
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("voorkennis"),
        symmetrical=False,
        blank=True,
        related_name="required_for",
        help_text=_("E-learnings die een deelnemer eerst moet afronden."),
    )
    has_certificate = models.BooleanField(
        _("met certificaat"),
        default=False,
        help_text=_("Deelnemers ontvangen na afronding een certificaat."),
    )
    enrolment_policy = models.CharField(
        _("inschrijving"),
        max_length=20,
        choices=EnrolmentPolicy.choices,
        default=EnrolmentPolicy.OPEN,
    )
    community = models.ForeignKey(
        "communities.Community",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        help_text=_(
            "Optioneel: de community waar deelnemers over deze e-learning doorpraten. Een "
            "verborgen community toont de pagina alleen aan haar leden."
        ),
    )
    course_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cursuseigenaar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_courses",
        help_text=_("Beoordeelt de aanmeldingen als inschrijving op goedkeuring is."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("description"),
        FieldPanel("learning_objectives"),
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("format"), FieldPanel("duration_minutes")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("community"),
        MultiFieldPanel(
            [
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
                FieldPanel("enrolment_policy"),
                FieldPanel("course_owner"),
                FieldPanel("has_certificate"),
            ],
            heading=_("Inschrijving en afronding"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("learning_objectives"),
        index.FilterField("format"),
        index.FilterField("duration_minutes"),
    ]
    parent_page_types = ["academie.AcademieIndexPage"]
    subpage_types = ["academie.LessonPage"]
    allowed_http_methods = ["GET", "HEAD"]
    catalogue_related = ["themes"]

    class Meta:
        verbose_name = _("e-learning")
        verbose_name_plural = _("e-learnings")

    def clean(self):
        super().clean()
        if self.enrolment_policy == EnrolmentPolicy.APPROVAL and not self.course_owner_id:
            raise ValidationError(
                {"course_owner": _("Kies een cursuseigenaar die de aanmeldingen beoordeelt.")}
            )
        if self.pk and self.pk in self.prerequisite_ids(transitive=True):
            raise ValidationError(
                {"prerequisites": _("Een e-learning kan geen voorkennis voor zichzelf zijn.")}
            )

    def prerequisite_ids(self, transitive=False):
        """The ids of this course's prerequisites (with ``transitive``, theirs too)."""
        found = {course.pk for course in self.prerequisites.all()}
        frontier = set(found)
        while transitive and frontier:
            frontier = (
                set(
                    CoursePage.prerequisites.through.objects.filter(
                        from_coursepage_id__in=frontier
                    ).values_list("to_coursepage_id", flat=True)
                )
                - found
            )
            found |= frontier
        return found

    def lessons(self):
        """The live lessons, in the editor's order."""
        from .lesson import LessonPage

        return LessonPage.objects.child_of(self).live().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from academie.links import page_links
        from academie.progress import course_state

        context = super().get_context(request, *args, **kwargs)
        context["state"] = course_state(request.user, self)
        context.update(page_links(request.user, self))
        return context
