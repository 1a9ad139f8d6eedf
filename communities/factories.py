import factory
import wagtail_factories
from django.utils.text import slugify

from communities.models import (
    CommunitiesIndexPage,
    Community,
    CommunityType,
    Membership,
    MembershipStatus,
    Post,
    Role,
    Topic,
    TopicKind,
)
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
