from django.db import migrations, models

from communities.counters import counter_values


def count_what_members_read(apps, schema_editor):
    """Replies and last activity of every topic from the posts members read (hidden
    replies used to stay counted), as communities.counters keeps them from now on."""
    Topic = apps.get_model("communities", "Topic")
    Topic.objects.update(**counter_values(apps.get_model("communities", "Post")))


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0007_thread_cursor_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="topic",
            index=models.Index(
                fields=["community", "-is_pinned", "-last_activity_at"],
                name="communities_topic_latest",
            ),
        ),
        migrations.RunPython(count_what_members_read, migrations.RunPython.noop),
    ]
