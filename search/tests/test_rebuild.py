"""``kpo_search_index rebuild`` builds a new index beside the old one and switches the
alias, so searches keep finding everything while it runs."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search import indexing
from search.builders import indexed_models
from search.engines import elasticsearch_engine
from search.models import SearchDocument

from .helpers import titles
from .test_communities import communities  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_rebuild_switches_the_alias_without_an_empty_moment(engine, content, member):
    old_indices = engine.current_indices()
    seen_during_rebuild = []

    def search_while_building(done):
        seen_during_rebuild.append(titles("afpakken", member))

    new_index = elasticsearch_engine().rebuild(
        SearchDocument.objects.order_by("pk"), progress=search_while_building
    )
    assert seen_during_rebuild
    assert all(found == ["Handreiking bestuurlijk afpakken"] for found in seen_during_rebuild)
    assert engine.current_indices() == [new_index]
    assert new_index not in old_indices
    assert not engine.client.indices.exists(index=old_indices[0])
    assert titles("afpakken", member) == ["Handreiking bestuurlijk afpakken"]


def test_rebuild_command_restores_lost_documents(engine, content, member):
    SearchDocument.objects.all().delete()
    output = io.StringIO()
    call_command("kpo_search_index", "rebuild", stdout=output)
    engine.refresh()
    assert "search documents" in output.getvalue()
    assert titles("afpakken", member) == ["Handreiking bestuurlijk afpakken"]


def test_status_command_reports_counts(engine, content):
    output = io.StringIO()
    call_command("kpo_search_index", "status", stdout=output)
    assert f"Search documents in the database: {SearchDocument.objects.count()}" in (
        output.getvalue()
    )
    assert f"Engine: {engine.name}" in output.getvalue()


DOCUMENT_FIELDS = [
    "title",
    "summary",
    "body",
    "attachment_text",
    "url",
    "type",
    "community_id",
    "community_name",
    "date",
    "access",
    "boost",
    "title_terms",
    "summary_terms",
    "theme_terms",
    "body_terms",
    "attachment_terms",
    "title_words",
    "words",
]


def stored_documents() -> dict:
    documents = SearchDocument.objects.select_related("content_type").prefetch_related("themes")
    return {
        document.key: (
            {name: getattr(document, name) for name in DOCUMENT_FIELDS},
            sorted(theme.slug for theme in document.themes.all()),
        )
        for document in documents
    }


def update_every_item():
    for model in indexing.concrete_models(indexed_models()):
        for pk in model._default_manager.values_list("pk", flat=True):
            indexing.update_item(model._meta.app_label, model._meta.model_name, pk)


@pytest.mark.usefixtures("communities")
@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_bulk_rebuild_builds_the_same_documents_as_item_updates(engine, content):
    PageViewRestriction.objects.create(
        page=content["theme"], restriction_type=PageViewRestriction.LOGIN
    )
    update_every_item()
    one_by_one = stored_documents()
    types = {fields["type"] for fields, _themes in one_by_one.values()}
    assert {"handreiking", "nieuws", "discussie", "reactie", "bestand"} <= types
    assert "members" in {fields["access"] for fields, _themes in one_by_one.values()}
    assert "Wet Bibob" not in {fields["title"] for fields, _themes in one_by_one.values()}

    SearchDocument.objects.filter(type="nieuws").delete()
    SearchDocument.objects.filter(type="handreiking").update(title="verouderd", access="public")
    SearchDocument.themes.through.objects.all().delete()
    indexing.rebuild_documents()

    assert stored_documents() == one_by_one
