"""The demo: the five communities, the demo accounts' memberships and a question with an
accepted answer that reached the asker by a mention."""

import pytest
from django.urls import reverse

from communities.models import (
    Community,
    CommunityFile,
    CommunityType,
    Membership,
    PostAttachment,
    Role,
    Topic,
)
from kpo.demo import load_demo
from kpo.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo("demo-test-wachtwoord")


def test_demo_communities_and_memberships(demo):
    types = dict(Community.objects.values_list("name", "type"))
    assert types == {
        "Buitengebied": CommunityType.ON_REQUEST,
        "Criminele Geldstromen": CommunityType.OPEN,
        "Mensenhandel": CommunityType.ON_REQUEST,
        "LFT Vastgoed": CommunityType.ON_REQUEST,
        "LFT OMG contactpersonen": CommunityType.HIDDEN,
    }
    manager = Membership.objects.get(
        user__email="communitymanager@kpo.example", community__slug="buitengebied"
    )
    assert manager.role == Role.MANAGER
    lid = User.objects.get(email="lid@kpo.example")
    assert set(lid.community_memberships.values_list("community__slug", flat=True)) == {
        "buitengebied",
        "criminele-geldstromen",
    }
    assert not User.objects.get(email="nieuw@kpo.example").community_memberships.exists()


def test_demo_question_has_an_accepted_answer_with_a_mention(demo):
    question = Topic.objects.get(community__slug="buitengebied", kind="question")
    answer = question.accepted_answer
    assert answer is not None
    assert 'href="/communities/buitengebied/leden/#lid-' in answer.body


def test_demo_buitengebied_has_a_file_library_in_nested_folders(demo, client):
    report = CommunityFile.objects.get(title="Verslag kenniskring 7 mei bij ZLTO")
    assert report.community.slug == "buitengebied"
    assert [folder.name for folder in [*report.folder.ancestors(), report.folder]] == [
        "Landelijke Kenniskring Buitengebied",
        "2025",
    ]
    assert report.versions.count() == 2
    assert report.current_version.filename == "verslag-kenniskring-zlto.pdf"
    attachment = PostAttachment.objects.get(filename="presentatie-kenniskring-zlto.pdf")
    client.force_login(User.objects.get(email="lid@kpo.example"))
    assert client.get(report.get_download_url()).status_code == 200
    assert client.get(attachment.get_absolute_url()).status_code == 200
    client.force_login(User.objects.get(email="nieuw@kpo.example"))
    assert client.get(report.get_download_url()).status_code == 403
    assert client.get(attachment.get_absolute_url()).status_code == 403


def demo_counts():
    return (
        Community.objects.count(),
        Membership.objects.count(),
        Topic.objects.count(),
        CommunityFile.objects.count(),
        PostAttachment.objects.count(),
    )


def test_demo_loads_twice_without_changes(demo):
    counts = demo_counts()
    load_demo("demo-test-wachtwoord")
    assert demo_counts() == counts


def test_demo_non_member_sees_nothing_of_buitengebied(demo, client):
    client.force_login(User.objects.get(email="nieuw@kpo.example"))
    response = client.get(reverse("communities:home", args=["buitengebied"]))
    assert response.status_code == 403
    assert "leegstaande schuur" not in response.content.decode()
    hidden = client.get(reverse("communities:home", args=["lft-omg-contactpersonen"]))
    assert hidden.status_code == 404


def test_demo_manager_has_a_request_and_a_report_to_handle(demo, client):
    from communities.models import MembershipStatus, Report

    pending = Membership.objects.get(
        community__slug="buitengebied", status=MembershipStatus.PENDING
    )
    assert pending.motivation
    report = Report.objects.get(resolved_at=None)
    assert report.post.topic.community.slug == "buitengebied"
    from kpo.factories import activate_totp

    manager = User.objects.get(email="communitymanager@kpo.example")
    activate_totp(manager)  # staff must have MFA set up
    client.force_login(manager)
    html = client.get(reverse("communities:moderation", args=["buitengebied"])).content.decode()
    assert pending.user.full_name in html and report.reason in html
