"""Demo content for the Ondermijningsacademie's entrance page."""

from academie.factories import AcademieIndexPageFactory
from kpo.demo import ensure_child, read_fixture
from kpo.factories import paragraph_body


def load_academie(home):
    body = paragraph_body(*read_fixture("pages.json")["academie"]["body"])
    return ensure_child(home, AcademieIndexPageFactory, "academie", body=body)
