from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from kpo.blocks import BodyBlock


class CommunitiesIndexPage(Page):
    """The entrance to the learning communities (lerende netwerken)."""

    intro = models.TextField(_("introductie"))
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["kpo.HomePage"]
    # /communities/<slug>/ belongs to the communities app (communities.urls).
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("communities-overzicht")

    def get_context(self, request, *args, **kwargs):
        """The communities the visitor may know of (hidden ones only for their members),
        each labelled with the visitor's membership status or the community's type."""
        from communities.models import Community, Membership, MembershipStatus

        context = super().get_context(request, *args, **kwargs)
        statuses = {}
        if request.user.is_authenticated:
            memberships = Membership.objects.filter(user=request.user)
            statuses = dict(memberships.values_list("community_id", "status"))
        labels = {
            MembershipStatus.ACTIVE: _("U bent lid"),
            MembershipStatus.PENDING: _("Uw aanvraag loopt"),
        }
        context["communities"] = [
            (item, labels.get(statuses.get(item.pk)) or item.get_type_display())
            for item in Community.objects.listed_for(request.user)
        ]
        return context
