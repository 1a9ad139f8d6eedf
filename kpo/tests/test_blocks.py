"""The shared StreamField blocks: previews, validation and accessible rendering."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail_factories import ImageFactory

from kennisbank.factories import PdfDocumentFactory
from kpo.blocks import BodyBlock, DownloadBlock, FigureBlock, LinkBlock, VideoBlock

pytestmark = pytest.mark.django_db


def document(name, content, title="Bestand"):
    return Document.objects.create(title=title, file=ContentFile(content, name))


@pytest.fixture
def video():
    return document("intro.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32, "Intro Bibob")


@pytest.fixture
def captions():
    return document("intro.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nWelkom\n", "Ondertitels")


def render(block, value):
    return BeautifulSoup(block.render(value), "html.parser")


@pytest.mark.parametrize("name", list(BodyBlock.base_blocks))
def test_every_body_block_has_a_template_and_a_preview_that_renders(name, video, captions):
    ImageFactory()
    PdfDocumentFactory()
    block = BodyBlock.base_blocks[name]

    assert block.meta.template.startswith("components/blocks/")
    assert block.meta.description
    html = block.render(block.get_preview_value())
    assert html.strip()


def test_link_block_needs_a_page_or_an_address():
    with pytest.raises(StructBlockValidationError):
        LinkBlock().clean({"title": "Nergens", "text": "", "page": None, "url": ""})


def test_figure_uses_the_contextual_alt_text_and_caption():
    image = ImageFactory(title="bestandsnaam-123")
    block = FigureBlock()
    value = block.to_python(
        {"image": {"image": image.pk, "alt_text": "Schuur in het buitengebied"}, "caption": "Foto"}
    )

    html = render(block, value)

    assert html.img["alt"] == "Schuur in het buitengebied"
    assert html.figcaption.get_text(strip=True) == "Foto"


def test_a_decorative_figure_has_an_empty_alt():
    block = FigureBlock()
    value = block.to_python({"image": {"image": ImageFactory().pk, "decorative": True}})

    assert render(block, value).img["alt"] == ""


def test_download_links_to_the_checked_serve_view_with_type_and_size():
    pdf = PdfDocumentFactory(title="Handreiking APV")
    block = DownloadBlock()

    html = render(block, block.to_python({"document": pdf.pk, "title": "", "description": ""}))

    assert html.a["href"] == pdf.url
    assert pdf.url == reverse("wagtaildocs_serve", args=[pdf.pk, pdf.filename])
    assert html.a.get_text(strip=True) == "Handreiking APV"
    assert "PDF" in html.get_text()


def test_video_requires_captions_in_webvtt(video):
    block = VideoBlock()
    pdf = PdfDocumentFactory()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python(
                {"title": "Intro", "video": pdf.pk, "captions": pdf.pk, "transcript": ""}
            )
        )

    assert set(error.value.block_errors) == {"video", "captions"}


def test_video_renders_a_captions_track_and_the_transcript(video, captions):
    block = VideoBlock()
    value = block.clean(
        block.to_python(
            {"title": "Intro", "video": video.pk, "captions": captions.pk, "transcript": "Welkom"}
        )
    )

    html = render(block, value)

    assert html.video.source["src"] == video.url
    assert html.video.source["type"] == "video/mp4"
    track = html.video.track
    assert track["kind"] == "captions" and track["src"] == captions.url
    assert html.details.get_text(" ", strip=True).endswith("Welkom")
