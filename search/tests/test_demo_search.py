"""The search issue's 'done when', on the demo content and on each engine: a member who
searches ``handreiking apv`` finds the Handreiking APV en ondermijning first, with a snippet
from its PDF; an anonymous visitor's results hold no members-only or community content."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from kpo.access import PUBLIC
from kpo.demo import load_demo
from kpo.models import User
from search.models import SearchDocument

PASSWORD = "demo-wachtwoord-2026"
HANDREIKING_APV = "Handreiking APV en ondermijning"


@pytest.fixture
def demo(engine, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(PASSWORD)
    call_command("kpo_search_index", "rebuild", stdout=io.StringIO())
    engine.refresh()


def search_api(client, query):
    response = client.get("/api/zoeken/", {"q": query})
    assert response.status_code == 200
    return response.json()


def test_member_finds_the_handreiking_apv_first_with_a_snippet_from_its_pdf(demo, engine):
    member = Client()
    member.force_login(User.objects.get(email="lid@kpo.example"))

    answer = search_api(member, "handreiking apv")

    assert answer["engine"] == engine.name and not answer["fallback"]
    first = answer["results"][0]
    assert first["title"] == HANDREIKING_APV
    snippet_text = re.sub(r"</?mark>", "", first["snippet"])
    assert "<mark>" in first["snippet"]
    pdf_text = SearchDocument.objects.get(title=HANDREIKING_APV).attachment_text
    assert snippet_text.strip(" .…") in pdf_text


def test_anonymous_results_hold_only_public_content(demo):
    visible = set(SearchDocument.objects.filter(access=PUBLIC).values_list("url", flat=True))
    assert SearchDocument.objects.exclude(access=PUBLIC).exists()

    for query in ("handreiking apv", "ondermijning", "bibob", "gemeente", "community"):
        answer = search_api(Client(), query)
        urls = {result["url"] for result in answer["results"]}
        assert urls <= visible, query
        assert HANDREIKING_APV not in {result["title"] for result in answer["results"]}
