"""The one upload validator: detection by content, allowlists, limits and the admin forms."""

import io
import socket
import threading
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents.models import Document
from wagtail.images.models import Image as WagtailImage

from kpo import roles, uploads
from kpo.factories import UserFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXECUTABLE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def upload(name, content):
    return SimpleUploadedFile(name, content)


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def office_bytes(folder):
    return zip_bytes({"[Content_Types].xml": "<Types/>", f"{folder}/document.xml": "<x/>"})


def odf_bytes(mimetype):
    return zip_bytes({"mimetype": mimetype, "content.xml": "<x/>"})


def image_bytes(image_format, size=(4, 3), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format=image_format)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("handreiking.pdf", PDF_BYTES, uploads.PDF),
        ("notitie.docx", office_bytes("word"), uploads.DOCX),
        ("cijfers.xlsx", office_bytes("xl"), uploads.XLSX),
        ("dia's.pptx", office_bytes("ppt"), uploads.PPTX),
        ("tekst.odt", odf_bytes("application/vnd.oasis.opendocument.text"), uploads.ODT),
        ("blad.ods", odf_bytes("application/vnd.oasis.opendocument.spreadsheet"), uploads.ODS),
        ("lijst.txt", "Gemeenten en financiële stromen\n".encode(), uploads.TXT),
        ("lijst.csv", b"gemeente;aantal\nTilburg;3\n", uploads.CSV),
        ("foto.png", image_bytes("PNG"), uploads.PNG),
        ("foto.jpeg", image_bytes("JPEG"), uploads.JPEG),
        ("foto.gif", image_bytes("GIF"), uploads.GIF),
        ("foto.webp", image_bytes("WEBP"), uploads.WEBP),
        ("intro.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 16, uploads.MP4),
        ("intro.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 16, uploads.WEBM),
        ("intro.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nWelkom\n", uploads.VTT),
    ],
)
def test_documents_of_every_allowed_type_are_recognised_by_content(name, content, expected):
    assert uploads.validate_upload(upload(name, content), "document") is expected


def test_the_file_position_is_rewound_for_saving():
    file = upload("handreiking.pdf", PDF_BYTES)
    uploads.validate_upload(file, "document")
    assert file.read() == PDF_BYTES


def refusal(name, content, kind):
    with pytest.raises(ValidationError) as error:
        uploads.validate_upload(upload(name, content), kind)
    return error.value


def test_an_executable_renamed_to_pdf_is_refused_with_the_allowed_types():
    error = refusal("handreiking.pdf", EXECUTABLE_BYTES, "document")
    assert error.code == "file_type"
    assert ".pdf" in error.messages[0] and "Toegestaan" in error.messages[0]


def test_a_name_that_lies_about_the_content_is_refused():
    error = refusal("notitie.docx", PDF_BYTES, "document")
    assert error.code == "file_extension"
    assert ".docx" in error.messages[0] and "PDF" in error.messages[0]


def test_empty_files_are_refused():
    assert refusal("leeg.pdf", b"", "document").code == "empty"


def test_the_size_limit_is_per_kind_and_configurable(settings):
    settings.KPO_UPLOAD_MAX_BYTES = {"avatar": 100}
    error = refusal("foto.png", image_bytes("PNG", size=(200, 200)), "avatar")
    assert error.code == "file_size"
    assert "100" in error.messages[0]
    assert uploads.max_bytes("document") == uploads.DEFAULT_MAX_BYTES["document"]


@pytest.mark.parametrize(
    ("kind", "name", "content"),
    [
        ("avatar", "cv.pdf", PDF_BYTES),
        ("scorm", "pakket.pdf", PDF_BYTES),
        ("document", "pakket.zip", zip_bytes({"index.html": "<p>hoi</p>"})),
        ("attachment", "macro.docm", zip_bytes({"[Content_Types].xml": "<x/>", "vba/x": "y"})),
    ],
)
def test_each_kind_has_its_own_allowlist(kind, name, content):
    assert refusal(name, content, kind).code == "file_type"


def test_a_zip_is_a_scorm_upload():
    assert uploads.validate_upload(upload("pakket.zip", zip_bytes({"a": "b"})), "scorm") is (
        uploads.ZIP
    )


def test_decompression_bombs_are_refused():
    bomb = image_bytes("PNG", size=(8000, 6000), mode="1")
    assert len(bomb) < 100_000
    error = refusal("bom.png", bomb, "image")
    assert error.code == "image_pixels"


def test_broken_images_are_refused():
    broken = image_bytes("PNG")[:40] + b"\x00" * 40
    assert refusal("kapot.png", broken, "image").code == "image_broken"


CLEAN_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'<?xml version="1.0"?><svg><a xlink:href="javascript:alert(1)">x</a></svg>',
        b"<svg><foreignObject><iframe src=x></iframe></foreignObject></svg>",
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x "y">]><svg>&x;</svg>',
        b'<svg><image href="https://tracker.example/p.png"/></svg>',
    ],
)
def test_svg_with_scripts_or_external_references_is_refused(svg):
    assert refusal("logo.svg", svg, "image").code == "svg_script"


def test_clean_svg_is_an_image_but_never_a_member_attachment():
    assert uploads.validate_upload(upload("logo.svg", CLEAN_SVG), "image") is uploads.SVG
    assert refusal("logo.svg", CLEAN_SVG, "attachment").code == "file_type"


@pytest.mark.parametrize(
    ("name", "file_type", "expected"),
    [
        ("Handreiking APV (2026).pdf", None, "Handreiking-APV-2026.pdf"),
        ("../../etc/passwd", None, "passwd"),
        ("C:\\Users\\x\\Financiële stromen.docx", None, "Financiele-stromen.docx"),
        ("rapport.exe.pdf", uploads.PDF, "rapport-exe.pdf"),
        ("foto.JPEG", uploads.JPEG, "foto.jpg"),
        ("<script>.pdf", None, "script.pdf"),
        ("....pdf", None, "bestand.pdf"),
        ("", uploads.PNG, "bestand.png"),
    ],
)
def test_safe_filename(name, file_type, expected):
    assert uploads.safe_filename(name, file_type) == expected


def test_safe_filename_is_bounded():
    assert len(uploads.safe_filename("a" * 500 + ".pdf")) <= 100


class FakeClamd:
    """A loopback server speaking clamd's INSTREAM protocol, flagging EICAR-like content."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.address = f"127.0.0.1:{self.server.getsockname()[1]}"
        self.received = []
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                connection, _address = self.server.accept()
            except OSError:
                return
            with connection:
                self.answer(connection)

    def answer(self, connection):
        stream = connection.makefile("rb")
        assert stream.read(10) == b"zINSTREAM\0"
        content = b""
        while length := int.from_bytes(stream.read(4), "big"):
            content += stream.read(length)
        self.received.append(content)
        verdict = b"stream: Eicar-Signature FOUND\0" if b"EICAR" in content else b"stream: OK\0"
        connection.sendall(verdict)

    def close(self):
        self.server.close()


@pytest.fixture
def clamd(settings):
    server = FakeClamd()
    settings.KPO_CLAMD_ADDRESS = server.address
    yield server
    server.close()


def test_virus_scan_passes_clean_files_and_sends_the_whole_file(clamd):
    uploads.validate_upload(upload("handreiking.pdf", PDF_BYTES), "document")
    assert clamd.received == [PDF_BYTES]


def test_virus_scan_refuses_infected_files(clamd):
    error = refusal("besmet.pdf", PDF_BYTES + b"EICAR", "document")
    assert error.code == "virus"


def test_a_configured_scanner_that_is_down_refuses_uploads(settings):
    closed = socket.create_server(("127.0.0.1", 0))
    settings.KPO_CLAMD_ADDRESS = f"127.0.0.1:{closed.getsockname()[1]}"
    closed.close()
    assert refusal("handreiking.pdf", PDF_BYTES, "document").code == "virus_scanner_down"


@pytest.fixture
def editor_client(client, db):
    editor = UserFactory(email="redacteur@riec.example", is_staff=True)
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    return client


def test_admin_document_upload_refuses_disguised_files_and_stores_nothing(editor_client):
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "Nep", "file": upload("handreiking.pdf", EXECUTABLE_BYTES), "collection": 1},
    )

    assert response.status_code == 200
    assert "Dit soort bestand kunt u hier niet uploaden" in response.content.decode()
    assert not Document.objects.exists()


def test_admin_document_upload_stores_a_safe_name(editor_client):
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "APV", "file": upload("Handreiking APV (def).pdf", PDF_BYTES), "collection": 1},
    )

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name.startswith("documents/Handreiking-APV-def")
    assert document.file.name.endswith(".pdf")


def test_admin_multiple_document_upload_validates_too(editor_client):
    response = editor_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("script.pdf", b"<script>alert(1)</script>"), "collection": 1},
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not Document.objects.exists()


def test_admin_image_upload_refuses_a_decompression_bomb(editor_client):
    bomb = image_bytes("PNG", size=(8000, 6000), mode="1")
    response = editor_client.post(
        "/admin/images/add/", {"title": "Bom", "file": upload("bom.png", bomb), "collection": 1}
    )

    assert response.status_code == 200
    assert not WagtailImage.objects.exists()
