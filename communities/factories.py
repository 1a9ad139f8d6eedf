import io

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image

from communities import library
from communities.models import (
    AttachmentKind,
    CommunitiesIndexPage,
    Community,
    CommunityFile,
    CommunityType,
    Folder,
    Membership,
    MembershipStatus,
    Post,
    PostAttachment,
    Role,
    Topic,
    TopicKind,
)
from kennisbank.pdf import make_pdf
from kpo.factories import VerifiedUserFactory
from kpo.sanitize import sanitize_html, text_to_html


class CommunitiesIndexPageFactory(wagtail_factories.PageFactory):
    title = "Communities"
    slug = "communities"
    intro = "Lerende netwerken waar professionals samen leren, vragen stellen en kennis delen."

    class Meta:
        model = CommunitiesIndexPage


class CommunityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Community {n}")
    slug = factory.LazyAttribute(lambda community: slugify(community.name))
    description = "Professionals uit het netwerk leren hier van elkaars praktijk."
    type = CommunityType.OPEN

    class Meta:
        model = Community
        django_get_or_create = ["slug"]


class MembershipFactory(factory.django.DjangoModelFactory):
    community = factory.SubFactory(CommunityFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    role = Role.MEMBER
    status = MembershipStatus.ACTIVE

    class Meta:
        model = Membership
        django_get_or_create = ["community", "user"]


class TopicFactory(factory.django.DjangoModelFactory):
    community = factory.SubFactory(CommunityFactory)
    author = factory.SubFactory(VerifiedUserFactory)
    kind = TopicKind.DISCUSSION
    title = factory.Sequence(lambda n: f"Onderwerp {n}")

    class Meta:
        model = Topic


class PostFactory(factory.django.DjangoModelFactory):
    """A post written directly (no notifications, no rate limit): for tests and the demo."""

    topic = factory.SubFactory(TopicFactory)
    author = factory.SelfAttribute("topic.author")
    source = factory.Sequence(lambda n: f"Bijdrage {n} aan het gesprek.")
    body = factory.LazyAttribute(lambda post: sanitize_html(text_to_html(post.source)))

    class Meta:
        model = Post


def png_bytes(width=40, height=30, colour=(0, 110, 180)):
    """A small valid PNG image."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_upload(title, *paragraphs, name=None, kind="community_file"):
    """A checked upload (``library.CheckedUpload``) of a generated PDF."""
    data = make_pdf(title, *(paragraphs or ["Kennisplatform Ondermijning"]))
    return library.check_upload(ContentFile(data, name=name or f"{slugify(title)}.pdf"), kind)


class FolderFactory(factory.django.DjangoModelFactory):
    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"Map {n}")

    class Meta:
        model = Folder


class CommunityFileFactory(factory.django.DjangoModelFactory):
    """A library file whose first version is a generated PDF (``content=`` bytes to override),
    stored the way an upload is."""

    community = factory.SubFactory(CommunityFactory)
    title = factory.Sequence(lambda n: f"Bestand {n}")
    uploaded_by = factory.SubFactory(VerifiedUserFactory)

    class Meta:
        model = CommunityFile
        skip_postgeneration_save = True

    @factory.post_generation
    def content(item, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            upload = pdf_upload(item.title)
        else:
            upload = library.check_upload(
                ContentFile(extracted, name=kwargs.get("name", "bestand.pdf")), "community_file"
            )
        library.add_version(item, item.uploaded_by, upload)


class PostAttachmentFactory(factory.django.DjangoModelFactory):
    """A PDF attachment of a post (``kind=AttachmentKind.IMAGE`` with PNG content for images)."""

    post = factory.SubFactory(PostFactory)
    kind = AttachmentKind.ATTACHMENT
    filename = factory.LazyAttribute(
        lambda item: "afbeelding.png" if item.kind == AttachmentKind.IMAGE else "notitie.pdf"
    )
    content = factory.LazyAttribute(
        lambda item: ContentFile(
            png_bytes() if item.kind == AttachmentKind.IMAGE else make_pdf("Notitie", "Bijlage"),
            item.filename,
        )
    )
    size = factory.LazyAttribute(lambda item: item.content.size)
    content_type = factory.LazyAttribute(
        lambda item: "image/png" if item.kind == AttachmentKind.IMAGE else "application/pdf"
    )

    class Meta:
        model = PostAttachment
