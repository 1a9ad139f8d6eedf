"""Media on S3-compatible object storage (the cluster profile; ``KPO_S3_BUCKET``).

Documents, images, community files, post attachments and SCORM packages are objects in
one **private** bucket (no ACL is ever set, so nothing is readable without a signature).
Nothing links to the bucket directly:

- documents, community files and attachments are served by their views after the access
  check (``kpo.access``), streamed through Django or, with ``KPO_MEDIA_DOWNLOADS=redirect``,
  redirected to a presigned URL that expires after ``KPO_S3_URL_SECONDS``
  (``download_url``);
- SCORM package files are always streamed by their view, so the package keeps its content
  origin and relative links;
- Wagtail image renditions (``images/``, public by design: member files are never Wagtail
  images) are streamed from ``MEDIA_URL`` by ``serve_image`` (``kpo/urls.py``), which keeps
  them on the site's own origin for the Content-Security-Policy.

An unreachable store raises ``StorageUnavailable`` on writes; ``reachable()`` lets the upload
validator refuse an upload with a clear message before anything is saved."""

import mimetypes
import posixpath

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.encoding import iri_to_uri
from django.views.decorators.http import require_GET
from storages.backends.s3 import S3Storage

PUBLIC_PREFIX = "images/"


class StorageUnavailable(OSError):
    """The object store could not be reached (or refused the request)."""


class MediaStorage(S3Storage):
    """The private media bucket; ``OPTIONS`` come from ``kpo.env.media_storage``."""

    default_acl = None
    file_overwrite = False
    querystring_auth = True

    def save(self, name, content, max_length=None):
        try:
            return super().save(name, content, max_length)
        except (BotoCoreError, ClientError) as error:
            raise StorageUnavailable(f"could not store {name}: {error}") from error

    def url(self, name, parameters=None, expire=None, http_method=None):
        """Public renditions under ``MEDIA_URL`` (``serve_image``); anything else as a
        presigned download that expires after ``KPO_S3_URL_SECONDS``."""
        if name.startswith(PUBLIC_PREFIX):
            return settings.MEDIA_URL + iri_to_uri(name)
        filename = posixpath.basename(name)
        parameters = {
            "ResponseContentDisposition": f"attachment; filename*=UTF-8''{iri_to_uri(filename)}",
            **(parameters or {}),
        }
        return super().url(name, parameters, expire or settings.KPO_S3_URL_SECONDS, http_method)

    def holds_copy(self, name, size, modified) -> bool:
        """Whether the object ``name`` has ``size`` bytes and was written at or after
        ``modified`` (an aware datetime): an up-to-date copy of a local file."""
        try:
            return self.size(name) == size and self.get_modified_time(name) >= modified
        except FileNotFoundError:
            return False

    def put(self, name, content) -> None:
        """Write ``content`` under exactly ``name`` (a copy of an existing media file, whose
        name the database refers to), replacing an object of that name."""
        super()._save(name, content)

    def reachable(self) -> bool:
        """Whether the bucket answers now (one HEAD request)."""
        try:
            self.connection.meta.client.head_bucket(Bucket=self.bucket_name)
        except (BotoCoreError, ClientError):
            return False
        return True


def download_url(field_file, filename, content_type):
    """A presigned URL for a private file, with its download name and type, when downloads
    are redirected to the object store (``KPO_MEDIA_DOWNLOADS=redirect``); else None."""
    storage = field_file.storage
    if settings.KPO_MEDIA_DOWNLOADS != "redirect" or not isinstance(storage, MediaStorage):
        return None
    quoted = iri_to_uri(filename)
    return storage.url(
        field_file.name,
        {
            "ResponseContentDisposition": f"attachment; filename*=UTF-8''{quoted}",
            "ResponseContentType": content_type,
        },
    )


@require_GET
def serve_image(request, path):
    """A Wagtail image rendition from the bucket (renditions are public)."""
    from django.core.files.storage import default_storage

    name = PUBLIC_PREFIX + path
    if posixpath.normpath(name) != name:
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    content_type, _encoding = mimetypes.guess_type(name)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
