"""Demo content for the learning communities' entrance page."""

from communities.factories import CommunitiesIndexPageFactory
from kpo.demo import ensure_child, read_fixture
from kpo.factories import paragraph_body


def load_communities(home):
    body = paragraph_body(*read_fixture("pages.json")["communities"]["body"])
    return ensure_child(home, CommunitiesIndexPageFactory, "communities", body=body)
