"""Theme names and the text of attachments get analysed fields of their own, so that the
engines weigh them apart (title > summary > themes > body > attachments): the body terms
no longer include the attachments.

The full-text indexes of 0005 follow, per database:

- PostgreSQL: ``terms_vector`` holds the stems of title A, summary B, themes C and body D;
  the new ``attachment_vector`` (GIN) the stems of the attachments; ``heading_vector`` adds
  the themes (D) to title and summary, for scoring.
- SQLite: the FTS5 table is made again with a column per analysed field (adding the fields
  rebuilds ``search_searchdocument``, which drops the old triggers).

Existing documents have empty theme and attachment terms until ``kpo_search_index
rebuild`` (which also sends the new fields to Elasticsearch); until then they are found as
before.
"""

from django.db import migrations, models

# As in 0005: a tsvector holds at most 1 MB, phrase positions stop at 16,383 words.
POSTGRES_TEXT_CHARS = 500_000


def vector(field: str, label: str) -> str:
    text = f"left({field}, {POSTGRES_TEXT_CHARS})" if field.endswith("body_terms") else field
    return f"setweight(to_tsvector('simple'::regconfig, {text}), '{label}')"


POSTGRES_FORWARD = [
    "ALTER TABLE search_searchdocument DROP COLUMN terms_vector, DROP COLUMN heading_vector",
    f"""
    ALTER TABLE search_searchdocument
      ADD COLUMN terms_vector tsvector GENERATED ALWAYS AS (
        {vector("title_terms", "A")} || {vector("summary_terms", "B")}
        || {vector("theme_terms", "C")} || {vector("body_terms", "D")}
      ) STORED,
      ADD COLUMN attachment_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, left(attachment_terms, {POSTGRES_TEXT_CHARS}))
      ) STORED,
      ADD COLUMN heading_vector tsvector GENERATED ALWAYS AS (
        {vector("title_terms", "A")} || {vector("summary_terms", "B")}
        || {vector("title_words", "C")} || {vector("theme_terms", "D")}
      ) STORED
    """,
    "CREATE INDEX search_document_terms_gin ON search_searchdocument USING gin (terms_vector)",
    "CREATE INDEX search_document_attachment_gin ON search_searchdocument "
    "USING gin (attachment_vector)",
]
POSTGRES_BACKWARD = [
    """
    ALTER TABLE search_searchdocument
      DROP COLUMN terms_vector, DROP COLUMN attachment_vector, DROP COLUMN heading_vector
    """,
    f"""
    ALTER TABLE search_searchdocument
      ADD COLUMN terms_vector tsvector GENERATED ALWAYS AS (
        {vector("title_terms", "A")} || {vector("summary_terms", "B")}
        || {vector("body_terms", "D")}
      ) STORED,
      ADD COLUMN heading_vector tsvector GENERATED ALWAYS AS (
        {vector("title_terms", "A")} || {vector("summary_terms", "B")}
        || {vector("title_words", "C")}
      ) STORED
    """,
    "CREATE INDEX search_document_terms_gin ON search_searchdocument USING gin (terms_vector)",
]


def sqlite_statements(columns: list[str]) -> list[str]:
    """The FTS5 table over ``columns`` and the triggers keeping it in sync, filled anew."""
    names = ", ".join(columns)
    new = ", ".join(["new.id", *(f"new.{column}" for column in columns)])
    old = ", ".join(["old.id", *(f"old.{column}" for column in columns)])
    # Column names from the constants below, never from input.
    insert = f"INSERT INTO search_searchdocument_fts(rowid, {names}) VALUES ({new});"  # noqa: S608
    delete = (
        f"INSERT INTO search_searchdocument_fts(search_searchdocument_fts, rowid, {names}) "  # noqa: S608
        f"VALUES ('delete', {old});"
    )
    return [
        "DROP TRIGGER IF EXISTS search_searchdocument_fts_insert",
        "DROP TRIGGER IF EXISTS search_searchdocument_fts_delete",
        "DROP TRIGGER IF EXISTS search_searchdocument_fts_update",
        "DROP TABLE IF EXISTS search_searchdocument_fts",
        f"""
        CREATE VIRTUAL TABLE search_searchdocument_fts USING fts5(
          {names}, content='search_searchdocument', content_rowid='id'
        )
        """,
        f"""
        CREATE TRIGGER search_searchdocument_fts_insert AFTER INSERT ON search_searchdocument
        BEGIN {insert} END
        """,
        f"""
        CREATE TRIGGER search_searchdocument_fts_delete AFTER DELETE ON search_searchdocument
        BEGIN {delete} END
        """,
        f"""
        CREATE TRIGGER search_searchdocument_fts_update AFTER UPDATE ON search_searchdocument
        BEGIN {delete} {insert} END
        """,
        "INSERT INTO search_searchdocument_fts(search_searchdocument_fts) VALUES ('rebuild')",
    ]


OLD_FTS_COLUMNS = ["title_terms", "summary_terms", "body_terms", "title_words", "words"]
FTS_COLUMNS = [
    "title_terms",
    "summary_terms",
    "theme_terms",
    "body_terms",
    "attachment_terms",
    "title_words",
    "words",
]
STATEMENTS = {
    "postgresql": (POSTGRES_FORWARD, POSTGRES_BACKWARD),
    "sqlite": (sqlite_statements(FTS_COLUMNS), sqlite_statements(OLD_FTS_COLUMNS)),
}


def run(direction):
    def apply(apps, schema_editor):
        statements = STATEMENTS.get(schema_editor.connection.vendor)
        for statement in statements[direction] if statements else ():
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_synonyms"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="theme_terms",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="attachment_terms",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(run(0), run(1), elidable=False),
    ]
