"""The project's one upload validator: every uploaded file passes through here.

``validate_upload(file, kind)`` decides by content, never by the name or the browser's
content type: the first bytes (and, for zip-based formats, the archive's entries) must match
a type on the kind's allowlist, the size must be within the kind's limit, images must open
in Pillow within its decompression-bomb limits, and SVG must be free of scripts. When
``KPO_CLAMD_ADDRESS`` is set, the file is also scanned by clamd. Every refusal is a
``ValidationError`` with a Dutch message, and so is an upload while the object store of the
cluster profile is unreachable. ``safe_filename`` gives the name to store.

Callers: Wagtail documents and images (``kpo.forms``), community files and attachments,
SCORM packages (the archive rules of SCORM itself live in ``academie``).
"""

import re
import socket
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from PIL import Image

MB = 1024 * 1024
HEADER_BYTES = 8192


@dataclass(frozen=True)
class FileType:
    """A file type we accept somewhere, with the extension it is stored under."""

    name: str
    extension: str
    other_extensions: tuple[str, ...] = ()

    @property
    def extensions(self):
        return (self.extension, *self.other_extensions)


PDF = FileType("PDF", "pdf")
DOCX = FileType("Word", "docx")
XLSX = FileType("Excel", "xlsx")
PPTX = FileType("PowerPoint", "pptx")
ODT = FileType("OpenDocument-tekst", "odt")
ODS = FileType("OpenDocument-rekenblad", "ods")
ODP = FileType("OpenDocument-presentatie", "odp")
TXT = FileType("tekst", "txt")
CSV = FileType("CSV", "csv")
PNG = FileType("PNG", "png")
JPEG = FileType("JPEG", "jpg", ("jpeg",))
GIF = FileType("GIF", "gif")
WEBP = FileType("WebP", "webp")
SVG = FileType("SVG", "svg")
ZIP = FileType("zip", "zip")
MP4 = FileType("MP4-video", "mp4")
WEBM = FileType("WebM-video", "webm")
VTT = FileType("WebVTT-ondertiteling", "vtt")

DOCUMENT_TYPES = (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, TXT, CSV)
VIDEO_TYPES = (MP4, WEBM, VTT)
PHOTO_TYPES = (PNG, JPEG, GIF, WEBP)
IMAGE_TYPES = (*PHOTO_TYPES, SVG)

# Which types each kind of upload accepts, and its default size limit in bytes
# (``KPO_UPLOAD_MAX_BYTES`` overrides limits per kind).
ALLOWED_TYPES = {
    "document": (*DOCUMENT_TYPES, *PHOTO_TYPES, *VIDEO_TYPES),
    "image": IMAGE_TYPES,
    "community_file": (*DOCUMENT_TYPES, *PHOTO_TYPES),
    "attachment": (*DOCUMENT_TYPES, *PHOTO_TYPES),
    "avatar": (PNG, JPEG, WEBP),
    "scorm": (ZIP,),
}
DEFAULT_MAX_BYTES = {
    "document": 100 * MB,
    "image": 20 * MB,
    "community_file": 50 * MB,
    "attachment": 20 * MB,
    "avatar": 2 * MB,
    "scorm": 200 * MB,
}
# Pillow refuses images above this many pixels (a decompression bomb guard).
MAX_IMAGE_PIXELS = 40_000_000
SVG_FORBIDDEN = re.compile(
    rb"<\s*script|<\s*foreignObject|\bon[a-z]+\s*=|javascript\s*:|<!ENTITY|<\s*iframe|<\s*embed"
    rb"|<\s*object|(?:xlink:)?href\s*=\s*[\"']?\s*(?:https?:|//|data:)",
    re.IGNORECASE,
)
OFFICE_ZIP_MARKERS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
    b"application/vnd.oasis.opendocument.presentation": ODP,
}


def validate_upload(uploaded_file, kind: str) -> FileType:
    """Check ``uploaded_file`` for an upload of ``kind``; return its detected type.

    Raises ``ValidationError`` (Dutch message) when the file is refused. The file position is
    restored, so the caller can save the file afterwards.
    """
    if kind not in ALLOWED_TYPES:
        raise ValueError(f"Unknown upload kind {kind!r}")
    check_size(uploaded_file, kind)
    file_type = detect_type(uploaded_file)
    if file_type is None or file_type not in ALLOWED_TYPES[kind]:
        raise ValidationError(
            _("Dit soort bestand kunt u hier niet uploaden. Toegestaan: %(types)s.")
            % {"types": allowed_extensions_text(kind)},
            code="file_type",
        )
    check_extension(uploaded_file, file_type)
    if file_type in PHOTO_TYPES:
        check_image(uploaded_file)
    if file_type is SVG:
        check_svg(uploaded_file)
    scan_for_viruses(uploaded_file)
    check_storage()
    return file_type


def check_storage() -> None:
    """Refuse an upload while the object store (``kpo.s3storage``) cannot be reached, before
    anything is saved; the form keeps the rest of what was typed."""
    from django.core.files.storage import default_storage

    reachable = getattr(default_storage, "reachable", None)
    if reachable is not None and not reachable():
        raise storage_unavailable_error()


def storage_unavailable_error() -> ValidationError:
    """The Dutch refusal of an upload the object store cannot take now: before saving
    (``check_storage``) or when the write itself fails (``kpo.s3storage.StorageUnavailable``)."""
    return ValidationError(
        _(
            "De bestandsopslag is tijdelijk niet bereikbaar, dus het bestand kan nu niet "
            "worden bewaard. Wat u verder hebt ingevuld blijft staan: probeer het over een "
            "paar minuten opnieuw en kies het bestand dan nog een keer."
        ),
        code="storage_unavailable",
    )


def max_bytes(kind: str) -> int:
    return getattr(settings, "KPO_UPLOAD_MAX_BYTES", {}).get(kind, DEFAULT_MAX_BYTES[kind])


def allowed_extensions_text(kind: str) -> str:
    return ", ".join(f".{file_type.extension}" for file_type in ALLOWED_TYPES[kind])


def check_size(uploaded_file, kind: str) -> None:
    if uploaded_file.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    limit = max_bytes(kind)
    if uploaded_file.size > limit:
        raise ValidationError(
            _("Het bestand is te groot (%(size)s); het maximum is %(limit)s.")
            % {"size": filesizeformat(uploaded_file.size), "limit": filesizeformat(limit)},
            code="file_size",
        )


def read_header(uploaded_file, length: int = HEADER_BYTES) -> bytes:
    uploaded_file.seek(0)
    header = uploaded_file.read(length)
    uploaded_file.seek(0)
    return header


def detect_type(uploaded_file) -> FileType | None:
    """The file's type judged by its content, or None when it is none we know."""
    header = read_header(uploaded_file)
    if header.startswith(b"%PDF-"):
        return PDF
    if header.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if header.startswith(b"\xff\xd8\xff"):
        return JPEG
    if header[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if header[:4] == b"RIFF" and header[8:12] == b"WEBP":
        return WEBP
    if header[4:8] == b"ftyp":
        return MP4
    if header.startswith(b"\x1a\x45\xdf\xa3"):
        return WEBM
    if header.startswith(b"PK\x03\x04"):
        return detect_zip_type(uploaded_file)
    if looks_like_svg(header):
        return SVG
    if is_text(header):
        if header.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
            return VTT
        return CSV if extension_of(uploaded_file.name) == "csv" else TXT
    return None


def detect_zip_type(uploaded_file) -> FileType | None:
    """Office Open XML, OpenDocument or a plain zip archive, by the archive's entries."""
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                if mimetype in ODF_MIMETYPES:
                    return ODF_MIMETYPES[mimetype]
            if "[Content_Types].xml" in names:
                for prefix, file_type in OFFICE_ZIP_MARKERS.items():
                    if any(name.startswith(prefix) for name in names):
                        return file_type
                return None
            return ZIP
    except (zipfile.BadZipFile, EOFError, OSError):
        return None
    finally:
        uploaded_file.seek(0)


def looks_like_svg(header: bytes) -> bool:
    start = header.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    return start.startswith((b"<svg", b"<?xml")) and b"<svg" in start


def is_text(header: bytes) -> bool:
    """Plain text: no NUL bytes and valid UTF-8 (a cut-off last character is allowed)."""
    if b"\x00" in header:
        return False
    try:
        header.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(header) - 3 and len(header) == HEADER_BYTES
    return True


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def check_extension(uploaded_file, file_type: FileType) -> None:
    """The name must not pretend to be another type than the content is."""
    extension = extension_of(uploaded_file.name)
    if extension and extension not in file_type.extensions:
        raise ValidationError(
            _(
                "De extensie .%(extension)s past niet bij de inhoud van het bestand "
                "(%(type)s). Geef het bestand de juiste extensie."
            )
            % {"extension": extension, "type": file_type.name},
            code="file_extension",
        )


def check_image(uploaded_file) -> None:
    """The image must open and decode within the pixel limit (no decompression bombs)."""
    previous_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    uploaded_file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded_file) as image:
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("De afbeelding is te groot (maximaal %(pixels)s miljoen pixels).")
            % {"pixels": MAX_IMAGE_PIXELS // 1_000_000},
            code="image_pixels",
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("De afbeelding is beschadigd of kan niet worden gelezen."), code="image_broken"
        ) from error
    finally:
        Image.MAX_IMAGE_PIXELS = previous_limit
        uploaded_file.seek(0)


def check_svg(uploaded_file) -> None:
    uploaded_file.seek(0)
    content = uploaded_file.read()
    uploaded_file.seek(0)
    if SVG_FORBIDDEN.search(content):
        raise ValidationError(
            _(
                "SVG-afbeeldingen met scripts, gebeurtenissen of externe links zijn niet "
                "toegestaan."
            ),
            code="svg_script",
        )


def safe_filename(name: str, file_type: FileType | None = None) -> str:
    """A name safe to store: ASCII letters, digits, '-', '_', one extension, at most 100 chars.

    With ``file_type`` the extension is the one of the detected type, whatever the name said.
    """
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem, _dot, extension = base.rpartition(".") if "." in base else (base, "", "")
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    clean_stem = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_stem).strip("-_.")[:90] or "bestand"
    if file_type is not None:
        extension = file_type.extension
    clean_extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:8]
    return f"{clean_stem}.{clean_extension}" if clean_extension else clean_stem


def scan_for_viruses(uploaded_file) -> None:
    """Scan with clamd (INSTREAM) when ``KPO_CLAMD_ADDRESS`` is set; off otherwise.

    A configured scanner that cannot be reached refuses the upload: we fail closed.
    """
    address = getattr(settings, "KPO_CLAMD_ADDRESS", "")
    if not address:
        return
    try:
        reply = clamd_instream(address, uploaded_file)
    except OSError as error:
        raise ValidationError(
            _("De virusscanner is niet bereikbaar. Probeer het later opnieuw."),
            code="virus_scanner_down",
        ) from error
    if not reply.endswith(b"OK"):
        raise ValidationError(
            _("Het bestand is geweigerd: de virusscanner vond een bedreiging."), code="virus"
        )


def clamd_instream(address: str, uploaded_file, chunk_size: int = 64 * 1024) -> bytes:
    """Send the file to clamd at ``host:port`` or a unix socket path; return its verdict."""
    if address.startswith("/"):
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(30)
        connection.connect(address)
    else:
        host, port = address.rsplit(":", 1)
        connection = socket.create_connection((host, int(port)), timeout=30)
    with connection:
        connection.sendall(b"zINSTREAM\0")
        uploaded_file.seek(0)
        while chunk := uploaded_file.read(chunk_size):
            connection.sendall(len(chunk).to_bytes(4, "big") + chunk)
        connection.sendall((0).to_bytes(4, "big"))
        reply = b""
        while not reply.endswith(b"\0") and (data := connection.recv(4096)):
            reply += data
    uploaded_file.seek(0)
    return reply.rstrip(b"\0").strip()


@deconstructible
class UploadValidator:
    """A model or form field validator running ``validate_upload`` for one kind."""

    def __init__(self, kind: str):
        self.kind = kind

    def __call__(self, uploaded_file):
        validate_upload(uploaded_file, self.kind)

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and other.kind == self.kind
