"""Views of earlier document versions: the reader's download and the editor's restore."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from .models.version import DocumentVersion
from .versions import restore


def earlier_version(version_id) -> DocumentVersion:
    """An earlier (kept) version; the current file is the document's own download."""
    versions = DocumentVersion.objects.select_related("document").exclude(file="")
    return get_object_or_404(versions, pk=version_id)


def download_version(request, version_id, filename):
    """Serve an earlier file after the checks the document's own download runs (the
    ``before_serve_document`` hooks: the pages' visibility and collection restrictions)."""
    version = earlier_version(version_id)
    if version.filename != filename:
        raise Http404
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(version.document, request)
        if isinstance(result, HttpResponse):
            return result
    response = FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.filename,
        content_type=version.document.content_type,
    )
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True)
    return response


class RestoreVersionView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then make an earlier file the document's current one (as a new version).
    For those who may change the document."""

    page_title = _("Eerdere versie terugzetten")
    header_icon = "doc-full-inverse"
    template_name = "kennisbank/admin/restore_version.html"

    def dispatch(self, request, *args, **kwargs):
        self.version = earlier_version(kwargs["version_id"])
        permission_policy = policy_registry.get_by_type(get_document_model())
        if not permission_policy.user_has_permission_for_instance(
            request.user, "change", self.version.document
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.version.document.title

    def get_context_data(self, **kwargs):
        edit_url = reverse("wagtaildocs:edit", args=[self.version.document_id])
        return super().get_context_data(version=self.version, edit_url=edit_url, **kwargs)

    def post(self, request, *args, **kwargs):
        restored = restore(self.version, request.user)
        messages.success(
            request,
            _("Versie %(earlier)s is teruggezet als versie %(number)s.")
            % {"earlier": self.version.number, "number": restored.number},
        )
        return redirect("wagtaildocs:edit", self.version.document_id)
