"""Who may download a document: it inherits the strictest visibility of the pages using it."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from kpo.access import MEMBERS, PUBLIC, access_tokens

from .models import KennisbankPage


def required_tokens(document) -> set[str]:
    """The visibility tokens a user needs, all of them, to download ``document``.

    Every page that uses the document (in a document field, an inline or a rich text link)
    adds its visibility; pages without a visibility field are public. A document no page
    uses is for members only."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    if not page_ids:
        return {MEMBERS}
    visibilities = dict(
        KennisbankPage.objects.filter(pk__in=page_ids).values_list("pk", "visibility")
    )
    return {visibilities.get(page_id, PUBLIC) for page_id in page_ids}


def can_download(user, document) -> bool:
    return required_tokens(document) <= access_tokens(user)
