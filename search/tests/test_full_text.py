"""The database engine on the database's own full text: PostgreSQL ``tsvector`` columns with
GIN indexes, SQLite FTS5. ``make test`` runs on PostgreSQL; the last test runs the Dutch,
access, sync and these tests again on SQLite, in a subprocess with its own database."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from search.analysis import parse_query
from search.engines import Filters, database_engine
from search.engines.database import phrase_parts, unweighted, word_parts
from search.models import SearchDocument

from .helpers import titles

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SQLITE_SUITE = [
    "search/tests/test_dutch.py",
    "search/tests/test_access.py",
    "search/tests/test_sync.py",
    "search/tests/test_full_text.py",
]
THIS_TEST = "search/tests/test_full_text.py::test_the_sqlite_suite_passes"
database_only = pytest.mark.parametrize("engine", ["database"], indirect=True)


def query_plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test tables are tiny, so the planner would read them whole: forbid that
            # to see whether the query can use the index at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


@database_only
@pytest.mark.parametrize("text", ["handreiking gemeent", '"bestuurlijk afpakken"'])
def test_matching_uses_the_full_text_index(content, text):
    query = parse_query(text)
    phrases, words = unweighted(phrase_parts(query)), unweighted(word_parts(query))
    documents = SearchDocument.objects.all()
    plan = query_plan(database_engine().full_text.filter(documents, phrases, words))
    if connection.vendor == "postgresql":
        assert "Bitmap Index Scan on search_document_terms_gin" in plan
        assert "Seq Scan" not in plan
    else:
        assert "search_searchdocument_fts VIRTUAL TABLE INDEX" in plan


@database_only
def test_a_search_takes_seven_queries(content, member, django_assert_num_queries):
    # count, page, themes of the page, four facets
    with django_assert_num_queries(7):
        database_engine().search(
            parse_query("handreiking"), {"public", "members"}, Filters(), 0, 10, "relevance"
        )


def test_a_phrase_does_not_run_from_the_title_into_the_summary(content, member):
    # Title "Handreiking APV en ondermijning", summary "Modelbepalingen voor de ...".
    assert titles('"ondermijning modelbepalingen"', member) == []
    assert titles('"apv en ondermijning"', member) == ["Handreiking APV en ondermijning"]


@database_only
def test_rebuild_fills_the_full_text_index(content, member):
    SearchDocument.objects.all().delete()
    assert titles("Zwanenburgconstructie", member) == []
    call_command("kpo_search_index", "rebuild", stdout=io.StringIO())
    assert titles("Zwanenburgconstructie", member) == ["Handreiking APV en ondermijning"]
    assert titles("handreiking apv", member)[0] == "Handreiking APV en ondermijning"


@database_only
def test_rebuild_updates_documents_in_the_full_text_index(content, member):
    page = content["public"]
    # A queryset update sends no signal: the index keeps the old title until the rebuild,
    # which writes over the existing rows (an upsert).
    type(page).objects.filter(pk=page.pk).update(title="Handreiking Zeeuwse havens")
    assert titles('"bestuurlijk afpakken"', member) == ["Handreiking bestuurlijk afpakken"]
    call_command("kpo_search_index", "rebuild", stdout=io.StringIO())
    assert titles('"bestuurlijk afpakken"', member) == []
    assert titles("havens", member) == ["Handreiking Zeeuwse havens"]


def test_the_sqlite_suite_passes(tmp_path):
    """The database engine's tests on SQLite (FTS5), whatever database this run uses."""
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'search.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "kpo.settings.test",
    }
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-k", "not elasticsearch"]
    completed = subprocess.run(  # noqa: S603
        [*command, "--deselect", THIS_TEST, *SQLITE_SUITE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    summary = completed.stdout.strip().splitlines()[-1] if completed.stdout.strip() else ""
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-2000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) >= 30, summary
    assert "failed" not in summary and "error" not in summary, summary
