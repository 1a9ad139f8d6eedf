"""Demo content for the learning communities: the five communities named in the annual
reports, the demo accounts' memberships, a few conversations and the Buitengebied file
library (generated PDFs) from fixtures/communities.json.
Idempotent: what exists is left alone."""

from communities import library
from communities.factories import (
    CommunitiesIndexPageFactory,
    CommunityFactory,
    PostFactory,
    TopicFactory,
    pdf_upload,
)
from communities.models import Community, Folder, Membership, MembershipStatus, Report, Topic
from communities.posting import add_attachments, render_body
from kpo.demo import ensure_child, read_fixture
from kpo.factories import paragraph_body
from kpo.models import ApprovalStatus, Organisation, Theme, User


def load_communities(home):
    body = paragraph_body(*read_fixture("pages.json")["communities"]["body"])
    index = ensure_child(home, CommunitiesIndexPageFactory, "communities", body=body)
    content = read_fixture("communities.json")
    for item in content["communities"]:
        load_community(item)
    for item in content["memberships"]:
        Membership.objects.update_or_create(
            community=Community.objects.get(slug=item["community"]),
            user=User.objects.get(email=item["email"]),
            defaults={"role": item["role"], "status": MembershipStatus.ACTIVE},
        )
    for item in content["colleagues"]:
        load_colleague(item)
    for item in content["topics"]:
        load_topic(item)
    for item in content["reports"]:
        load_report(item)
    for item in content["library"]:
        load_library_file(item)
    return index


def load_library_file(item):
    """A library file with its versions, in its (nested) folder, created once."""
    community = Community.objects.get(slug=item["community"])
    folder = None
    for name in item["folder"]:
        folder, _created = Folder.objects.get_or_create(
            community=community, parent=folder, name=name
        )
    if community.files.filter(title=item["title"]).exists():
        return
    first, *later = item["versions"]
    uploader = User.objects.get(email=first["uploader"])
    created = library.add_file(
        community,
        uploader,
        demo_pdf(item["title"], first),
        item["title"],
        item["description"],
        folder,
    )
    for version in later:
        uploader = User.objects.get(email=version["uploader"])
        library.add_version(created, uploader, demo_pdf(item["title"], version))


def demo_pdf(title, item, kind="community_file"):
    return pdf_upload(title, *item["paragraphs"], name=item["filename"], kind=kind)


def load_colleague(item):
    """A member without a demo login: a Buitengebied member, or a request to admit."""
    user = User.objects.filter(email=item["email"]).first()
    if user is None:
        user = User.objects.create_user(
            email=item["email"],
            password=None,
            full_name=item["full_name"],
            organisation=Organisation.objects.filter(name=item["organisation"]).first(),
            job_title=item["job_title"],
            is_approved=True,
            approval_status=ApprovalStatus.APPROVED,
        )
    Membership.objects.get_or_create(
        community=Community.objects.get(slug=item["community"]),
        user=user,
        defaults={"status": item["status"], "motivation": item["motivation"]},
    )


def load_report(item):
    topic = Topic.objects.get(title=item["topic"])
    post = topic.posts.filter(is_opening=False).order_by("created_at", "pk")[item["reply"]]
    Report.objects.get_or_create(
        post=post,
        reporter=User.objects.get(email=item["reporter"]),
        defaults={"reason": item["reason"]},
    )


def load_community(item):
    community = CommunityFactory(
        slug=item["slug"], name=item["name"], type=item["type"], description=item["description"]
    )
    community.themes.add(*Theme.objects.filter(slug__in=item["themes"]))
    if "theme_page" in item:
        link_theme_page(community, item["theme_page"])
    return community


def load_topic(item):
    community = Community.objects.get(slug=item["community"])
    if community.topics.filter(title=item["title"]).exists():
        return
    topic = TopicFactory(
        community=community,
        author=User.objects.get(email=item["author"]),
        kind=item["kind"],
        title=item["title"],
        is_pinned=item.get("pinned", False),
    )
    opening = add_post(topic, topic.author, item["body"], is_opening=True)
    add_attachments(
        opening,
        attachments=[
            demo_pdf(attachment["title"], attachment, "attachment")
            for attachment in item.get("attachments", [])
        ],
    )
    replies = [
        add_post(topic, User.objects.get(email=reply["author"]), reply["body"])
        for reply in item.get("replies", [])
    ]
    topic.reply_count = len(replies)
    if "accepted_reply" in item:
        topic.accepted_answer = replies[item["accepted_reply"]]
    topic.save()


def add_post(topic, author, source, is_opening=False):
    body, _mentioned = render_body(source, topic.community)
    return PostFactory(topic=topic, author=author, source=source, body=body, is_opening=is_opening)


def link_theme_page(community, theme_slug):
    """Link the kennisbank theme page to its community once, as an editor would."""
    from kennisbank.models import ThemaPage

    page = ThemaPage.objects.filter(theme__slug=theme_slug, community=None).first()
    if page is not None:
        page.community = community
        page.save_revision().publish()
