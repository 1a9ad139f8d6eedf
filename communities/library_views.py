"""The file library and post attachments of a community.

Every file is served by ``private_file_response`` after the same membership check as the
rest of the community (``views.members_only``, which relies on ``kpo.access``): always as a
download, never cached, never sniffed. Files of a hidden file or post reach only managers
(and the uploader); a file id of another community answers 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from communities import library
from communities.forms import FileForm, FolderForm, ReasonForm, VersionForm
from communities.models import PostAttachment
from communities.views import members_only
from kpo.s3storage import StorageUnavailable, download_url
from kpo.uploads import storage_unavailable_error


def private_file_response(field, filename, content_type):
    """A member-only file: a download, not stored by caches, not sniffed, not scriptable;
    with media on S3 and ``KPO_MEDIA_DOWNLOADS=redirect``, a redirect to a presigned URL."""
    presigned = download_url(field, filename, content_type)
    if presigned:
        response = redirect(presigned)
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def get_folder(community, folder_id):
    if folder_id is None:
        return None
    return get_object_or_404(community.folders.select_related("parent"), pk=folder_id)


def library_url(community, folder):
    if folder is None:
        return reverse("communities:files", args=[community.slug])
    return folder.get_absolute_url()


def get_file(request, community, membership, file_id):
    files = library.visible_files(request.user, community, membership)
    return get_object_or_404(files.select_related("folder", "community"), pk=file_id)


def listing_context(request, community, membership, folder, **forms):
    sort = request.GET.get("sorteer", library.DEFAULT_SORT)
    sort = sort if sort in library.SORTS else library.DEFAULT_SORT
    files = library.files_in(
        library.visible_files(request.user, community, membership), folder, sort
    )
    page_obj = Paginator(files, library.FILES_PER_PAGE).get_page(request.GET.get("page"))
    subfolders = community.folders.filter(parent=folder).annotate(
        file_count=Count("files", filter=visible_file_filter(request.user, membership))
    )
    return {
        "community": community,
        "membership": membership,
        "is_manager": membership.is_manager,
        "folder": folder,
        "ancestors": folder.ancestors() if folder else [],
        "subfolders": subfolders,
        "page_obj": page_obj,
        "files": page_obj.object_list,
        "sort": sort,
        "sorts": [(key, SORT_LABELS[key]) for key in library.SORTS],
        "extra_query": f"sorteer={sort}",
        "file_form": forms.get("file_form") or FileForm(),
        "folder_form": forms.get("folder_form") or FolderForm(),
    }


SORT_LABELS = {
    "titel": gettext_lazy("titel"),
    "nieuwste": gettext_lazy("laatst bijgewerkt"),
    "downloads": gettext_lazy("meest gedownload"),
}


def visible_file_filter(user, membership):
    if membership.is_manager:
        return Q()
    return Q(files__is_hidden=False) | Q(files__uploaded_by=user)


def render_listing(request, community, membership, folder, status=200, **forms):
    context = listing_context(request, community, membership, folder, **forms)
    return TemplateResponse(request, "communities/library.html", context, status=status)


@members_only()
def files(request, community, membership, folder_id=None):
    folder = get_folder(community, folder_id)
    return render_listing(request, community, membership, folder)


@members_only()
@require_POST
def upload(request, community, membership, folder_id=None):
    folder = get_folder(community, folder_id)
    form = FileForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_listing(request, community, membership, folder, status=400, file_form=form)
    data = form.cleaned_data
    try:
        item = library.add_file(
            community, request.user, data["upload"], data["title"], data["description"], folder
        )
    except StorageUnavailable:
        form.add_error("upload", storage_unavailable_error())
        return render_listing(request, community, membership, folder, status=400, file_form=form)
    messages.success(request, _("Het bestand ‘%(title)s’ is toegevoegd.") % {"title": item})
    return redirect(item.get_absolute_url())


@members_only(manager=True)
@require_POST
def new_folder(request, community, membership, folder_id=None):
    parent = get_folder(community, folder_id)
    form = FolderForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                created = library.create_folder(
                    community, request.user, form.cleaned_data["name"], parent
                )
        except IntegrityError:
            form.add_error("name", _("Er is hier al een map met deze naam."))
        else:
            messages.success(request, _("De map ‘%(name)s’ is gemaakt.") % {"name": created})
            return redirect(created.get_absolute_url())
    return render_listing(request, community, membership, parent, status=400, folder_form=form)


def file_context(request, community, membership, item, version_form=None):
    return {
        "community": community,
        "membership": membership,
        "is_manager": membership.is_manager,
        "item": item,
        "ancestors": [*item.folder.ancestors(), item.folder] if item.folder else [],
        "versions": item.versions.select_related("uploaded_by"),
        "can_manage": library.can_manage(request.user, membership, item),
        "version_form": version_form or VersionForm(),
        "reason_form": ReasonForm(),
    }


@members_only()
def file_detail(request, community, membership, file_id):
    item = get_file(request, community, membership, file_id)
    context = file_context(request, community, membership, item)
    return TemplateResponse(request, "communities/file.html", context)


@members_only()
def file_download(request, community, membership, file_id):
    item = get_file(request, community, membership, file_id)
    if item.current_version is None:
        raise Http404
    return serve_version(item.current_version)


@members_only()
def version_download(request, community, membership, file_id, version_id):
    item = get_file(request, community, membership, file_id)
    version = get_object_or_404(item.versions, pk=version_id)
    return serve_version(version)


def serve_version(version):
    library.record_download(version)
    return private_file_response(version.content, version.filename, version.content_type)


@members_only()
@require_POST
def new_version(request, community, membership, file_id):
    item = get_file(request, community, membership, file_id)
    if not library.can_manage(request.user, membership, item):
        raise PermissionDenied
    form = VersionForm(request.POST, request.FILES)
    version = form.is_valid() and stored_version(item, request.user, form)
    if not version:
        context = file_context(request, community, membership, item, version_form=form)
        return TemplateResponse(request, "communities/file.html", context, status=400)
    messages.success(request, _("Versie %(number)d is toegevoegd.") % {"number": version.number})
    return redirect(item.get_absolute_url())


def stored_version(item, user, form):
    """The new version of ``item`` from a valid ``form``; None, with the Dutch message in the
    form, when the object store cannot take the file."""
    try:
        return library.add_version(item, user, form.cleaned_data["upload"])
    except StorageUnavailable:
        form.add_error("upload", storage_unavailable_error())
        return None


@members_only()
@require_POST
def manage_file(request, community, membership, file_id):
    """Managers hide, restore or delete any file; the uploader deletes their own."""
    item = get_file(request, community, membership, file_id)
    action = request.POST.get("action")
    if action == "delete" and library.can_manage(request.user, membership, item):
        back = library_url(community, item.folder)
        library.delete_file(request.user, item)
        messages.success(request, _("Het bestand ‘%(title)s’ is verwijderd.") % {"title": item})
        return redirect(back)
    if not membership.is_manager:
        raise PermissionDenied
    if action == "hide":
        form = ReasonForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Geef een reden op om een bestand te verbergen."))
            return redirect(item.get_absolute_url())
        library.hide_file(request.user, item, form.cleaned_data["reason"])
        messages.success(request, _("Het bestand is verborgen voor de leden."))
    elif action == "restore":
        library.restore_file(request.user, item)
        messages.success(request, _("Het bestand is weer zichtbaar voor de leden."))
    else:
        messages.error(request, _("Kies een geldige actie."))
    return redirect(item.get_absolute_url())


@members_only()
def attachment(request, community, membership, attachment_id, filename):
    """An image or attachment of a post, for those who may see that post."""
    attachments = PostAttachment.objects.select_related("post__topic")
    item = get_object_or_404(
        attachments, pk=attachment_id, filename=filename, post__topic__community=community
    )
    post = item.post
    if not membership.is_manager and (
        post.is_hidden or (post.needs_approval and post.author_id != request.user.pk)
    ):
        raise Http404
    return private_file_response(item.content, item.filename, item.content_type)
