"""Files from storage with HTTP byte ranges (RFC 9110, section 14), so that video and audio
in a SCORM package can be sought without downloading them first.

One range per request (``bytes=0-499``, ``bytes=500-``, ``bytes=-500``) is answered with
``206 Partial Content``; a range that starts past the end gets ``416`` with the size. A
request with several ranges, a malformed ``Range`` header or an ``If-Range`` condition
gets the whole file (the RFC allows a server to ignore ``Range``). The file is read in
blocks, never into memory as a whole."""

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse

BLOCK_SIZE = 64 * 1024
SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
UNSATISFIABLE = object()  # a range that starts past the end of the file


def file_response(request, storage, name, content_type):
    """``name`` from ``storage``: whole (200), a part (206) or unsatisfiable (416)."""
    size = storage.size(name)
    wanted = requested_range(request, size)
    if wanted is None:
        response = FileResponse(storage.open(name), content_type=content_type)
    elif wanted is UNSATISFIABLE:
        response = HttpResponse(status=416)
        response.headers["Content-Range"] = f"bytes */{size}"
    else:
        start, end = wanted
        response = StreamingHttpResponse(
            read_part(storage.open(name), start, end - start + 1),
            status=206,
            content_type=content_type,
        )
        response.headers["Content-Length"] = str(end - start + 1)
        response.headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    response.headers["Accept-Ranges"] = "bytes"
    return response


def requested_range(request, size):
    """The ``(first, last)`` byte positions asked for, ``UNSATISFIABLE``, or ``None`` for
    the whole file."""
    header = request.headers.get("Range", "").replace(" ", "")
    match = SINGLE_RANGE.match(header)
    if not match or "If-Range" in request.headers or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if not first:  # a suffix: the last ``last`` bytes
        length = int(last)
        return (max(size - length, 0), size - 1) if length and size else UNSATISFIABLE
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if last and int(last) < start:
        return None  # invalid: ignored, like a malformed header
    return (start, end) if start < size else UNSATISFIABLE


def read_part(file, start, length):
    """Yield ``length`` bytes of ``file`` from ``start`` in blocks; the file is closed at
    the end, or when the server stops early (a client that went away)."""
    with file:
        file.seek(start)
        while length > 0:
            block = file.read(min(BLOCK_SIZE, length))
            if not block:
                return
            length -= len(block)
            yield block
