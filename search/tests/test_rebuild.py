"""``kpo_search_index rebuild`` builds a new index beside the old one and switches the
alias, so searches keep finding everything while it runs."""

import io

import pytest
from django.core.management import call_command

from search.engines import elasticsearch_engine
from search.models import SearchDocument

from .helpers import titles

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
