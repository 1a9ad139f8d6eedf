import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Extracted text is kept for any uploaded file (Wagtail documents and community file
    versions), not only Wagtail documents. The old rows are a cache: they are extracted
    again on the next index update."""

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="ExtractedText"),
        migrations.CreateModel(
            name="ExtractedText",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.PositiveBigIntegerField()),
                ("file_hash", models.CharField(max_length=64, verbose_name="bestandshash")),
                ("text", models.TextField(blank=True, verbose_name="tekst")),
                ("extracted_at", models.DateTimeField(auto_now=True, verbose_name="uitgelezen op")),
                ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="contenttypes.contenttype")),
            ],
            options={
                "verbose_name": "uitgelezen bestandstekst",
                "verbose_name_plural": "uitgelezen bestandsteksten",
                "constraints": [models.UniqueConstraint(fields=("content_type", "object_id"), name="one_extracted_text_per_file")],
            },
        ),
    ]
