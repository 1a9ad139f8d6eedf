from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from kpo.blocks import BodyBlock


class AcademieIndexPage(Page):
    """The Ondermijningsacademie: the catalogue of e-learnings and trainings, filterable
    by theme, format and duration."""

    intro = models.TextField(_("introductie"))
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["kpo.HomePage"]
    subpage_types = ["academie.CoursePage", "academie.TrainingPage"]
    max_count_per_parent = 1
    courses_per_page = 12

    class Meta:
        verbose_name = _("academie-overzicht")

    def get_context(self, request, *args, **kwargs):
        from academie.forms import CatalogueFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET)
        paginator = Paginator(self.catalogue(form), self.courses_per_page)
        context.update(
            filter_form=form,
            page_obj=paginator.get_page(request.GET.get("page")),
            extra_query={key: value for key, value in form.data.items() if key != "page"},
        )
        return context

    def catalogue(self, form):
        """The live e-learnings and trainings that pass the filter, by title."""
        from .course import CoursePage
        from .training import TrainingPage

        offer = []
        for model in (CoursePage, TrainingPage):
            pages = model.objects.child_of(self).live().prefetch_related(*model.catalogue_related)
            if form.is_valid():
                pages = form.filter(pages)
            offer.extend(pages)
        return sorted(offer, key=lambda page: page.title.casefold())
