"""Full-text indexes for the database search engine, kept in sync by the database itself.

- PostgreSQL: stored generated ``tsvector`` columns over the analysed fields (``simple``
  configuration: ``search.analysis`` has already stemmed and folded the text):
  ``terms_vector`` (stems of title A, summary B, body D) and ``words_vector`` (folded words of
  title A and the rest D, for prefixes), each with a GIN index, which find the documents;
  and the small ``heading_vector`` (stems of title A and summary B, title words C), which
  scores them without reading the large body vectors again.
- SQLite: an FTS5 table over the same fields (external content: it stores only the index),
  kept in sync by triggers.

The columns and the FTS5 table are not model fields: ``search.engines.database`` reaches
them itself. Other databases get nothing; the database engine refuses to run on them.

On SQLite, a later migration that rebuilds ``search_searchdocument`` (most ``AlterField``
operations do) drops the triggers with the old table: re-create them in that migration.
"""

from django.db import migrations

# Phrase positions stop at 16383 and a tsvector holds at most 1 MB: the first 500,000
# characters of the body are indexed on PostgreSQL, which keeps any text below that limit.
POSTGRES_BODY_CHARS = 500_000

POSTGRES_FORWARD = [
    f"""
    ALTER TABLE search_searchdocument
      ADD COLUMN terms_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, summary_terms), 'B')
        || setweight(to_tsvector('simple'::regconfig, left(body_terms, {POSTGRES_BODY_CHARS})), 'D')
      ) STORED,
      ADD COLUMN words_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_words), 'A')
        || setweight(to_tsvector('simple'::regconfig, left(words, {POSTGRES_BODY_CHARS})), 'D')
      ) STORED,
      ADD COLUMN heading_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, summary_terms), 'B')
        || setweight(to_tsvector('simple'::regconfig, title_words), 'C')
      ) STORED
    """,
    "CREATE INDEX search_document_terms_gin ON search_searchdocument USING gin (terms_vector)",
    "CREATE INDEX search_document_words_gin ON search_searchdocument USING gin (words_vector)",
]
POSTGRES_BACKWARD = [
    """
    ALTER TABLE search_searchdocument
      DROP COLUMN terms_vector, DROP COLUMN words_vector, DROP COLUMN heading_vector
    """,
]

FTS_COLUMNS = "title_terms, summary_terms, body_terms, title_words, words"
NEW_VALUES = "new.id, new.title_terms, new.summary_terms, new.body_terms, new.title_words, new.words"
OLD_VALUES = "old.id, old.title_terms, old.summary_terms, old.body_terms, old.title_words, old.words"
FTS_INSERT = f"INSERT INTO search_searchdocument_fts(rowid, {FTS_COLUMNS}) VALUES ({NEW_VALUES});"
FTS_DELETE = (
    f"INSERT INTO search_searchdocument_fts(search_searchdocument_fts, rowid, {FTS_COLUMNS}) "
    f"VALUES ('delete', {OLD_VALUES});"
)
SQLITE_FORWARD = [
    f"""
    CREATE VIRTUAL TABLE search_searchdocument_fts USING fts5(
      {FTS_COLUMNS}, content='search_searchdocument', content_rowid='id'
    )
    """,
    f"""
    CREATE TRIGGER search_searchdocument_fts_insert AFTER INSERT ON search_searchdocument
    BEGIN {FTS_INSERT} END
    """,
    f"""
    CREATE TRIGGER search_searchdocument_fts_delete AFTER DELETE ON search_searchdocument
    BEGIN {FTS_DELETE} END
    """,
    f"""
    CREATE TRIGGER search_searchdocument_fts_update AFTER UPDATE ON search_searchdocument
    BEGIN {FTS_DELETE} {FTS_INSERT} END
    """,
    "INSERT INTO search_searchdocument_fts(search_searchdocument_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER search_searchdocument_fts_insert",
    "DROP TRIGGER search_searchdocument_fts_delete",
    "DROP TRIGGER search_searchdocument_fts_update",
    "DROP TABLE search_searchdocument_fts",
]
STATEMENTS = {
    "postgresql": (POSTGRES_FORWARD, POSTGRES_BACKWARD),
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
}


def run(direction):
    def apply(apps, schema_editor):
        statements = STATEMENTS.get(schema_editor.connection.vendor)
        for statement in statements[direction] if statements else ():
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_promotion_permissions"),
    ]

    operations = [
        migrations.RunPython(run(0), run(1), elidable=False),
    ]
