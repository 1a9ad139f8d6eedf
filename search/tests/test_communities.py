"""Community posts in search: only the community's active members find them, on either
engine, in search and autocomplete; the index follows writing, editing, moderation and
deleting."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.test import Client

from communities import library, moderation, posting
from communities.factories import (
    CommunityFactory,
    CommunityFileFactory,
    MembershipFactory,
    PostAttachmentFactory,
    PostFactory,
    TopicFactory,
)
from communities.models import Community, MembershipStatus, Role, TopicKind
from kennisbank.pdf import make_pdf
from kpo.factories import ThemeFactory, VerifiedUserFactory
from search.models import ExtractedText, SearchDocument
from search.query import search

from .conftest import SECRET_PDF_WORD
from .helpers import titles

pytestmark = pytest.mark.django_db

WORD_A = "Mestsiloconstructie"
WORD_B = "Cryptokioskfraude"
REPLY_WORD = "Loodsverhuurder"
FILE_WORD = "Stikstofruimtebank"
ATTACHMENT_WORD = "Hennepkwekerijsignalen"
A_WORDS = (WORD_A, REPLY_WORD, FILE_WORD, ATTACHMENT_WORD)


@pytest.fixture
def communities(content, indexed):
    """Community A (Buitengebied) with a discussion and a reply, community B (Criminele
    Geldstromen) with a question, and users in every membership state of A."""
    theme = ThemeFactory(name="Buitengebied", slug="buitengebied")
    with indexed():
        a = CommunityFactory(name="Buitengebied", slug="buitengebied")
        a.themes.add(theme)
        b = CommunityFactory(name="Criminele Geldstromen", slug="criminele-geldstromen")
        manager = MembershipFactory(community=a, role=Role.MANAGER).user
        discussion = TopicFactory(community=a, author=manager, title="Lege stallen in gebruik")
        opening = PostFactory(
            topic=discussion, is_opening=True, source=f"Wie kent de {WORD_A} bij varkensstallen?"
        )
        reply = PostFactory(topic=discussion, source=f"Let op de {REPLY_WORD} in de regio.")
        PostAttachmentFactory(
            post=reply, content=ContentFile(make_pdf("Notitie", ATTACHMENT_WORD), "notitie.pdf")
        )
        file = CommunityFileFactory(
            community=a,
            title="Verslag kenniskring",
            uploaded_by=manager,
            content=make_pdf("Verslag", f"De {FILE_WORD} en vrijkomende stallen."),
            content__name="verslag.pdf",
        )
        question = TopicFactory(
            community=b, kind=TopicKind.QUESTION, title="Geldautomaat voor crypto"
        )
        MembershipFactory(community=b, user=question.author)
        PostFactory(topic=question, is_opening=True, source=f"Hoe werkt {WORD_B} precies?")
    users = {
        "anonymous": AnonymousUser(),
        "member": VerifiedUserFactory(),
        "member of A": MembershipFactory(community=a).user,
        "banned in A": MembershipFactory(community=a, status=MembershipStatus.BANNED).user,
        "pending in A": MembershipFactory(community=a, status=MembershipStatus.PENDING).user,
    }
    return {
        "a": a,
        "b": b,
        "manager": manager,
        "discussion": discussion,
        "opening": opening,
        "reply": reply,
        "file": file,
        "question": question,
        "users": users,
    }


# who: (finds community A's posts, finds the members-only PDF text)
ACCESS = {
    "anonymous": (False, False),
    "member": (False, True),
    "member of A": (True, True),
    "banned in A": (False, True),
    "pending in A": (False, True),
}


def test_search_access_matrix(engine, communities):
    """Posts, replies, attached files and library files of community A; B's question; the
    members-only PDF of the kennisbank."""
    found = {
        who: (
            [bool(titles(word, user)) for word in A_WORDS],
            bool(titles(SECRET_PDF_WORD, user)),
            titles(WORD_B, user),
        )
        for who, user in communities["users"].items()
    }
    expected = {
        who: ([sees_a] * len(A_WORDS), sees_pdf, []) for who, (sees_a, sees_pdf) in ACCESS.items()
    }
    assert found == expected


def suggestions(user, query):
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    response = client.get("/api/zoeken/suggesties/", {"q": query})
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


def test_autocomplete_access_matrix(engine, communities):
    expected = {
        who: ([sees_a] * len(A_WORDS), sees_pdf, []) for who, (sees_a, sees_pdf) in ACCESS.items()
    }
    found = {
        who: (
            [bool(suggestions(user, word[:8])) for word in A_WORDS],
            bool(suggestions(user, SECRET_PDF_WORD[:9])),
            suggestions(user, WORD_B[:8]),
        )
        for who, user in communities["users"].items()
    }
    assert found == expected


def test_api_access_for_members_of_b_only(engine, communities, client):
    client.force_login(communities["question"].author)
    data = client.get("/api/zoeken/", {"q": WORD_B}).json()
    assert [(r["title"], r["type"]) for r in data["results"]] == [
        ("Geldautomaat voor crypto", "vraag")
    ]
    assert client.get("/api/zoeken/", {"q": WORD_A}).json()["count"] == 0


def test_results_link_to_the_post_and_carry_community_and_themes(engine, communities):
    member = communities["users"]["member of A"]
    [result] = search(REPLY_WORD, member).results
    reply = communities["reply"]
    assert result.url.endswith(f"#bericht-{reply.pk}")
    assert (result.type, result.type_label) == ("reactie", "Reactie")
    assert result.themes == ["Buitengebied"]
    assert "<mark>" in result.snippet


def test_community_facet_shows_only_the_users_communities(engine, communities):
    author_b = communities["question"].author
    MembershipFactory(community=communities["a"], user=author_b)
    both = {value.label for value in search("", author_b).facets["community"]}
    assert both == {"Buitengebied", "Criminele Geldstromen"}
    member_a = communities["users"]["member of A"]
    only_a = search("", member_a).facets["community"]
    assert [(value.label, value.count) for value in only_a] == [("Buitengebied", 3)]


def test_community_filter(engine, communities):
    from search.engines import Filters

    member = communities["question"].author
    MembershipFactory(community=communities["a"], user=member)
    a, b = communities["a"], communities["b"]
    assert titles("", member, filters=Filters(community=b.pk)) == ["Geldautomaat voor crypto"]
    assert set(titles("", member, filters=Filters(community=a.pk))) == {
        "Lege stallen in gebruik",
        "Verslag kenniskring",
    }
    outsider = communities["users"]["member"]
    assert titles("", outsider, filters=Filters(community=a.pk)) == []


def test_hiding_and_restoring_a_post(engine, communities, indexed):
    member, manager, reply = (
        communities["users"]["member of A"],
        communities["manager"],
        communities["reply"],
    )
    with indexed():
        moderation.hide_post(manager, reply, "Buiten het onderwerp")
    assert titles(REPLY_WORD, member) == []
    with indexed():
        moderation.restore_post(manager, reply)
    assert titles(REPLY_WORD, member) == ["Lege stallen in gebruik"]


def test_editing_a_post_reindexes_it(engine, communities, indexed):
    member = communities["users"]["member of A"]
    with indexed():
        posting.edit(communities["opening"], communities["manager"], "Nu over schuurverhuur.")
    assert titles(WORD_A, member) == []
    assert titles("schuurverhuur", member) == ["Lege stallen in gebruik"]


def test_posts_waiting_for_approval_are_found_after_approval(engine, communities, indexed):
    a, member = communities["a"], communities["users"]["member of A"]
    a.first_posts_need_approval = True
    a.save()
    newcomer = MembershipFactory(community=a).user
    with indexed():
        topic = posting.start_topic(a, newcomer, TopicKind.QUESTION, "Bewoonde loods", "Asbest?")
    assert titles("asbest", member) == []
    with indexed():
        moderation.approve_post(communities["manager"], topic.posts.get())
    assert titles("asbest", member) == ["Bewoonde loods"]


def test_renaming_a_topic_updates_its_posts(engine, communities, indexed):
    member = communities["users"]["member of A"]
    discussion = communities["discussion"]
    discussion.title = "Leegstaande stallen"
    with indexed():
        discussion.save()
    assert titles(REPLY_WORD, member) == ["Leegstaande stallen"]


def test_renaming_a_community_or_its_themes_updates_its_posts(engine, communities, indexed):
    member = communities["users"]["member of A"]
    community = Community.objects.get(pk=communities["a"].pk)
    community.name = "Weerbaar buitengebied"
    with indexed():
        community.save()
        community.themes.set([ThemeFactory(name="Vastgoed", slug="vastgoed")])
    [facet] = search("", member).facets["community"]
    assert facet.label == "Weerbaar buitengebied"
    assert search(REPLY_WORD, member).results[0].themes == ["Vastgoed"]


def test_deleting_posts_topics_and_communities(engine, communities, indexed):
    member, community_id = communities["users"]["member of A"], communities["a"].pk
    with indexed():
        communities["reply"].delete()
    assert titles(REPLY_WORD, member) == []
    with indexed():
        communities["a"].delete()
    assert titles(WORD_A, member) == []
    assert not SearchDocument.objects.filter(community_id=community_id).exists()


def test_membership_changes_take_effect_at_once(engine, communities):
    """Documents carry the community's token, so leaving or a ban needs no re-indexing."""
    from communities import membership as memberships

    member = communities["users"]["member of A"]
    assert titles(WORD_A, member)
    memberships.leave(member, communities["a"])
    assert titles(WORD_A, member) == []


def test_library_files_follow_hiding_new_versions_and_deletion(engine, communities, indexed):
    member, manager, item = (
        communities["users"]["member of A"],
        communities["manager"],
        communities["file"],
    )
    assert titles(FILE_WORD, member) == ["Verslag kenniskring"]
    with indexed():
        library.hide_file(manager, item, "Verouderd")
    assert titles(FILE_WORD, member) == []
    with indexed():
        library.restore_file(manager, item)
        upload = library.check_upload(
            ContentFile(make_pdf("Versie 2", "Mestverwerkingsfraude"), "verslag.pdf"),
            "community_file",
        )
        library.add_version(item, manager, upload)
    assert titles("Mestverwerkingsfraude", member) == ["Verslag kenniskring"]
    assert titles(FILE_WORD, member) == []
    with indexed():
        library.delete_file(manager, item)
    assert titles("Mestverwerkingsfraude", member) == []
    assert not ExtractedText.objects.filter(text__contains="Mestverwerkingsfraude").exists()


def test_deleting_an_attachment_removes_its_text(engine, communities, indexed):
    member = communities["users"]["member of A"]
    with indexed():
        communities["reply"].attachments.get().delete()
    assert titles(ATTACHMENT_WORD, member) == []
    assert titles(REPLY_WORD, member) == ["Lege stallen in gebruik"]
