from django.dispatch import receiver
from wagtail.documents.models import document_served

from .models import DocumentDownload


@receiver(document_served)
def count_download(sender, instance, request, **kwargs):
    """Sent by Wagtail's serve view after every access check passed."""
    DocumentDownload.record(instance)
