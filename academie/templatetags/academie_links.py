"""Template tags that show the academy's offer on other apps' pages."""

from django import template

from academie import links

register = template.Library()
COMMUNITY_OFFER_LIMIT = 6


@register.simple_tag(takes_context=True)
def community_offer(context, community):
    """The first e-learnings and trainings of ``community`` (see ``links.community_offer``)
    the user may see, and whether there are more."""
    pages = links.community_offer(context["request"].user, community)
    return {"pages": pages[:COMMUNITY_OFFER_LIMIT], "more": len(pages) > COMMUNITY_OFFER_LIMIT}


@register.simple_tag(takes_context=True)
def academy_catalogue_url(context):
    return links.catalogue_url(context["request"])
