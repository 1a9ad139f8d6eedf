from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from kpo.blocks import BodyBlock


class AcademieIndexPage(Page):
    """The Ondermijningsacademie: the catalogue of e-learnings, filterable by theme,
    format and duration."""

    intro = models.TextField(_("introductie"))
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["kpo.HomePage"]
    subpage_types = ["academie.CoursePage"]
    max_count_per_parent = 1
    courses_per_page = 12

    class Meta:
        verbose_name = _("academie-overzicht")

    def get_context(self, request, *args, **kwargs):
        from academie.forms import CatalogueFilterForm

        from .course import CoursePage

        context = super().get_context(request, *args, **kwargs)
        courses = CoursePage.objects.child_of(self).live().prefetch_related("themes")
        form = CatalogueFilterForm(request.GET)
        if form.is_valid():
            courses = form.filter(courses)
        paginator = Paginator(courses.order_by("title"), self.courses_per_page)
        context.update(
            filter_form=form,
            page_obj=paginator.get_page(request.GET.get("page")),
            extra_query={key: value for key, value in form.data.items() if key != "page"},
        )
        return context
