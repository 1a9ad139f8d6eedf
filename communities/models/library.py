"""The file library of a community: folders, files and their versions.

The bytes live in the default storage under ``communities/<community id>/<random>/``, a
path nobody can guess, and ``MEDIA_ROOT/communities`` is never served by the web server:
every download goes through ``communities.library_views``, which checks membership first."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def private_path(community_id, filename):
    """``communities/<community id>/<unguessable token>/<filename>``."""
    return f"communities/{community_id}/{secrets.token_urlsafe(24)}/{filename}"


def version_upload_to(version, filename):
    return private_path(version.file.community_id, filename)


class Folder(models.Model):
    """A folder in the library; folders nest (``parent`` empty: at the top)."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="folders"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("bovenliggende map"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subfolders",
    )
    name = models.CharField(_("naam"), max_length=150)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("map")
        verbose_name_plural = _("mappen")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "parent", "name"], name="unique_folder_name_per_parent"
            ),
            models.UniqueConstraint(
                fields=["community", "name"],
                condition=models.Q(parent__isnull=True),
                name="unique_top_folder_name",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("communities:folder", args=[self.community.slug, self.pk])

    def ancestors(self):
        """The folders above this one, top first (one query per level; folders nest shallowly)."""
        chain, folder = [], self.parent
        while folder is not None:
            chain.insert(0, folder)
            folder = folder.parent
        return chain


class CommunityFile(models.Model):
    """A file in the library. Its content is ``current_version``; older versions stay."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="files"
    )
    folder = models.ForeignKey(
        Folder,
        verbose_name=_("map"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="files",
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), max_length=2000, blank=True)
    current_version = models.OneToOneField(
        "communities.FileVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Empty once the uploader deleted their account: the file stays for the community.
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geüpload door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="community_files",
    )
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now_add=True, db_index=True)
    download_count = models.PositiveIntegerField(_("aantal downloads"), default=0)
    is_hidden = models.BooleanField(_("verborgen"), default=False)
    hidden_reason = models.CharField(_("reden"), max_length=500, blank=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("bestand")
        verbose_name_plural = _("bestanden")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("communities:file", args=[self.community.slug, self.pk])

    def get_download_url(self):
        return reverse("communities:file_download", args=[self.community.slug, self.pk])

    def count_download(self):
        """Count one download, safely under concurrent requests."""
        CommunityFile.objects.filter(pk=self.pk).update(download_count=F("download_count") + 1)


class FileVersion(models.Model):
    """One uploaded version of a library file: who uploaded it, when, and its content."""

    file = models.ForeignKey(CommunityFile, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    content = models.FileField(_("bestand"), upload_to=version_upload_to, max_length=255)
    filename = models.CharField(_("bestandsnaam"), max_length=120)
    size = models.PositiveBigIntegerField(_("grootte"))
    content_type = models.CharField(max_length=120)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geüpload door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("geüpload op"), auto_now_add=True)
    download_count = models.PositiveIntegerField(_("aantal downloads"), default=0)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("versie")
        verbose_name_plural = _("versies")
        constraints = [
            models.UniqueConstraint(fields=["file", "number"], name="one_number_per_version")
        ]

    def __str__(self):
        return f"{self.file} (v{self.number})"

    def get_download_url(self):
        return reverse(
            "communities:version_download",
            args=[self.file.community.slug, self.file_id, self.pk],
        )
