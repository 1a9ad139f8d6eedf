from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.documents.models import document_served

from .models import DocumentDownload
from .models.version import DocumentVersion
from .versions import delete_version_file


@receiver(document_served)
def count_download(sender, instance, request, **kwargs):
    """Sent by Wagtail's serve view after every access check passed."""
    DocumentDownload.record(instance)


post_delete.connect(delete_version_file, sender=DocumentVersion, dispatch_uid="kb-version-file")
