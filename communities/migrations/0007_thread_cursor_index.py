from django.db import migrations, models
from django.urls import reverse

from communities.threads import post_query


def link_notifications_to_their_page(apps, schema_editor):
    """Notifications about a reply link to the thread page that holds it (a cursor),
    no longer to the first page with an anchor that may not be on it."""
    Notification = apps.get_model("communities", "Notification")
    notifications = Notification.objects.filter(post__isnull=False).select_related(
        "post__topic__community"
    )
    for notification in notifications.iterator(chunk_size=500):
        post = notification.post
        topic_url = reverse("communities:topic", args=[post.topic.community.slug, post.topic_id])
        url = f"{topic_url}{post_query(post)}#bericht-{post.pk}"
        if notification.url != url:
            Notification.objects.filter(pk=notification.pk).update(url=url)


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0006_file_library_attachments"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="post",
            index=models.Index(
                fields=["topic", "created_at", "id"], name="communities_post_thread"
            ),
        ),
        migrations.RunPython(link_notifications_to_their_page, migrations.RunPython.noop),
    ]
