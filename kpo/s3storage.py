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

A store that cannot be reached, refuses or does not answer within its timeouts
(``kpo.env.media_storage``: well inside the app server's worker timeout) raises
``StorageUnavailable`` on writes and reads. ``reachable()`` lets the upload validator refuse
an upload with a clear message before anything is saved; a write that fails later gets the
same message in its form (``kpo.uploads.storage_unavailable_error``), and a download while the
store is down gets the 503 page ``storage_unavailable`` (``kpo.views.server_error``)."""

import functools
import logging
import mimetypes
import posixpath

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.encoding import iri_to_uri
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET
from storages.backends.s3 import S3Storage

PUBLIC_PREFIX = "images/"
# How long a member is asked to wait before trying a download again (Retry-After).
RETRY_SECONDS = 120

logger = logging.getLogger(__name__)


class StorageUnavailable(OSError):
    """The object store could not be reached (or refused the request)."""


def store_errors(method):
    """``method`` of the storage, raising ``StorageUnavailable`` when the store cannot be
    reached, refuses or times out; a missing object stays a ``FileNotFoundError``."""

    @functools.wraps(method)
    def guarded(self, name, *args, **kwargs):
        try:
            return method(self, name, *args, **kwargs)
        except ClientError as error:
            if error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404:
                raise FileNotFoundError(f"no object {name}") from error
            raise StorageUnavailable(f"{method.__name__} {name}: {error}") from error
        except BotoCoreError as error:
            raise StorageUnavailable(f"{method.__name__} {name}: {error}") from error

    return guarded


class MediaStorage(S3Storage):
    """The private media bucket; ``OPTIONS`` come from ``kpo.env.media_storage``."""

    default_acl = None
    file_overwrite = False
    querystring_auth = True

    save = store_errors(S3Storage.save)
    _open = store_errors(S3Storage._open)
    exists = store_errors(S3Storage.exists)
    size = store_errors(S3Storage.size)
    get_modified_time = store_errors(S3Storage.get_modified_time)

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
        self._save(name, content)

    _save = store_errors(S3Storage._save)

    @cached_property
    def probe_client(self):
        """A client for ``reachable()``: one attempt that waits no longer than a connect."""
        wait = self.client_config.connect_timeout
        config = self.client_config.merge(
            Config(read_timeout=wait, retries={"total_max_attempts": 1, "mode": "standard"})
        )
        return self._create_session().client(
            "s3",
            region_name=self.region_name,
            use_ssl=self.use_ssl,
            endpoint_url=self.endpoint_url,
            config=config,
            verify=self.verify,
        )

    def reachable(self) -> bool:
        """Whether the bucket answers now (one HEAD request, within the connect timeout)."""
        try:
            self.probe_client.head_bucket(Bucket=self.bucket_name)
        except (BotoCoreError, ClientError):
            return False
        return True


def delete_quietly(storage, names) -> None:
    """Remove the stored files of an upload that was not saved after all; while the store
    is down they stay (logged, to be removed by hand)."""
    for name in names:
        try:
            storage.delete(name)
        except (StorageUnavailable, BotoCoreError, ClientError) as error:
            logger.warning("could not remove %s of a failed upload: %s", name, error)


def storage_unavailable(request):
    """The 503 page for a file the store cannot give now (``kpo.views.server_error``): no
    name or content of the file, a Retry-After, never cached."""
    response = render(request, "storage_unavailable.html", status=503)
    response["Retry-After"] = str(RETRY_SECONDS)
    add_never_cache_headers(response)
    return response


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
