from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from communities.threads import post_query


class TopicKind(models.TextChoices):
    DISCUSSION = "discussion", _("Discussie")
    QUESTION = "question", _("Vraag")


class Topic(models.Model):
    """A discussion or a question in a community; its posts are the opening post and replies."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="topics"
    )
    kind = models.CharField(
        _("soort"), max_length=20, choices=TopicKind.choices, default=TopicKind.DISCUSSION
    )
    title = models.CharField(_("titel"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="community_topics"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Kept by communities.counters: what members read (not held, not hidden).
    last_activity_at = models.DateTimeField(auto_now_add=True, db_index=True)
    reply_count = models.PositiveIntegerField(default=0)
    is_pinned = models.BooleanField(_("vastgezet"), default=False)
    is_locked = models.BooleanField(_("gesloten"), default=False)
    needs_approval = models.BooleanField(_("wacht op goedkeuring"), default=False)
    accepted_answer = models.OneToOneField(
        "communities.Post",
        verbose_name=_("geaccepteerd antwoord"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-is_pinned", "-last_activity_at"]
        # The community overview's lists, read in this order without counting posts.
        indexes = [
            models.Index(
                fields=["community", "-is_pinned", "-last_activity_at"],
                name="communities_topic_latest",
            )
        ]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("communities:topic", args=[self.community.slug, self.pk])

    @property
    def is_question(self):
        return self.kind == TopicKind.QUESTION


class Post(models.Model):
    """The opening post or a reply. ``body`` is the sanitised HTML of ``source``."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="community_posts"
    )
    is_opening = models.BooleanField(default=False)
    source = models.TextField(_("bericht"), max_length=20000)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    needs_approval = models.BooleanField(_("wacht op goedkeuring"), default=False)
    is_hidden = models.BooleanField(_("verborgen"), default=False)
    hidden_reason = models.CharField(_("reden"), max_length=500, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        # A thread's pages are read as ranges of this index (communities.threads).
        indexes = [
            models.Index(fields=["topic", "created_at", "id"], name="communities_post_thread")
        ]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")

    def __str__(self):
        return f"{self.author} in {self.topic}"

    def get_absolute_url(self):
        """The post on the page of its thread that holds it (see ``communities.threads``)."""
        return f"{self.topic.get_absolute_url()}{post_query(self)}#bericht-{self.pk}"

    @property
    def images(self):
        """Image attachments, shown in the post (uses prefetched ``attachments``)."""
        return [item for item in self.attachments.all() if item.is_image]

    @property
    def files(self):
        """Other attachments, listed under the post."""
        return [item for item in self.attachments.all() if not item.is_image]


class PostRevision(models.Model):
    """An earlier version of a post, kept when it is edited."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    source = models.TextField()
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("eerdere versie")
        verbose_name_plural = _("eerdere versies")

    def __str__(self):
        return f"{self.post} ({self.created_at:%Y-%m-%d %H:%M})"


class AttachmentKind(models.TextChoices):
    ATTACHMENT = "attachment", _("Bijlage")
    IMAGE = "image", _("Afbeelding")


def attachment_upload_to(attachment, filename):
    from communities.models.library import private_path

    return private_path(attachment.post.topic.community_id, filename)


class PostAttachment(models.Model):
    """A file or image that came with a post; served only to those who may see the post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=20, choices=AttachmentKind.choices)
    content = models.FileField(_("bestand"), upload_to=attachment_upload_to, max_length=255)
    filename = models.CharField(_("bestandsnaam"), max_length=120)
    size = models.PositiveBigIntegerField(_("grootte"))
    content_type = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        topic = self.post.topic
        return reverse(
            "communities:attachment", args=[topic.community.slug, self.pk, self.filename]
        )

    @property
    def is_image(self):
        return self.kind == AttachmentKind.IMAGE
