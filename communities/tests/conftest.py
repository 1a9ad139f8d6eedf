import pytest

from communities.factories import CommunityFactory, MembershipFactory, PostFactory, TopicFactory
from communities.models import CommunityType, MembershipStatus, Role
from kpo.factories import VerifiedUserFactory


@pytest.fixture
def community(db):
    return CommunityFactory(name="Buitengebied", type=CommunityType.ON_REQUEST)


@pytest.fixture
def manager(community):
    user = VerifiedUserFactory(email="carla@liec.example", full_name="Carla Visser")
    MembershipFactory(community=community, user=user, role=Role.MANAGER)
    return user


@pytest.fixture
def community_member(community):
    user = VerifiedUserFactory(email="lars@utrecht.example", full_name="Lars Mulder")
    MembershipFactory(community=community, user=user)
    return user


@pytest.fixture
def outsider(db):
    return VerifiedUserFactory(email="noor@tilburg.example", full_name="Noor El Amrani")


@pytest.fixture
def pending_user(community):
    user = VerifiedUserFactory(email="piet@politie.example", full_name="Piet Pending")
    MembershipFactory(community=community, user=user, status=MembershipStatus.PENDING)
    return user


@pytest.fixture
def banned_user(community):
    user = VerifiedUserFactory(email="bart@ban.example", full_name="Bart Geblokkeerd")
    MembershipFactory(community=community, user=user, status=MembershipStatus.BANNED)
    return user


@pytest.fixture
def unapproved_user(db):
    return VerifiedUserFactory(
        email="ulla@nieuw.example", full_name="Ulla Onbekend", is_approved=False
    )


@pytest.fixture
def topic(community, manager):
    return TopicFactory(community=community, author=manager, title="Leegstaande stallen")


@pytest.fixture
def opening_post(topic):
    return PostFactory(topic=topic, is_opening=True, source="Wie heeft ervaring met signalen?")


@pytest.fixture
def reply_post(topic, community_member):
    return PostFactory(topic=topic, author=community_member, source="Wij werken met een meldpunt.")
