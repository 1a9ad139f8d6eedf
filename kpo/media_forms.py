"""Wagtail's document and image forms with the project's upload validator.

Configured through ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and ``WAGTAILIMAGES_IMAGE_FORM_BASE``,
so the single and the multiple upload views of the admin both validate by content and store
a safe file name.
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import safe_filename, validate_upload


def validated_upload(uploaded_file, kind):
    """Validate a newly uploaded file and give it a safe name; leave stored files alone."""
    if isinstance(uploaded_file, UploadedFile):
        file_type = validate_upload(uploaded_file, kind)
        uploaded_file.name = safe_filename(uploaded_file.name, file_type)
    return uploaded_file


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        return validated_upload(self.cleaned_data.get("file"), "document")


class ImageForm(BaseImageForm):
    def clean_file(self):
        return validated_upload(self.cleaned_data.get("file"), "image")
