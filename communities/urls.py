from django.urls import path

from communities import library_views, views

app_name = "communities"


def library_patterns():
    """The file library: listing per folder, uploads, file pages and downloads."""
    files = "<slug:slug>/bestanden/"
    folder = files + "mappen/<int:folder_id>/"
    item = files + "<int:file_id>/"
    return [
        path(files, library_views.files, name="files"),
        path(folder, library_views.files, name="folder"),
        path(files + "uploaden/", library_views.upload, name="upload"),
        path(folder + "uploaden/", library_views.upload, name="folder_upload"),
        path(files + "nieuwe-map/", library_views.new_folder, name="new_folder"),
        path(folder + "nieuwe-map/", library_views.new_folder, name="new_subfolder"),
        path(item, library_views.file_detail, name="file"),
        path(item + "downloaden/", library_views.file_download, name="file_download"),
        path(
            item + "versies/<int:version_id>/downloaden/",
            library_views.version_download,
            name="version_download",
        ),
        path(item + "nieuwe-versie/", library_views.new_version, name="new_version"),
        path(item + "beheren/", library_views.manage_file, name="manage_file"),
    ]


urlpatterns = [
    path("meldingen/", views.notifications, name="notifications"),
    path("meldingen/instellingen/", views.email_settings, name="email_settings"),
    path("meldingen/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/", views.home, name="home"),
    path("<slug:slug>/lid-worden/", views.join, name="join"),
    path("<slug:slug>/verlaten/", views.leave, name="leave"),
    path("<slug:slug>/volgen/", views.follow, name="follow"),
    path("<slug:slug>/leden/", views.members, name="members"),
    path("<slug:slug>/leden/uitnodigen/", views.invite, name="invite"),
    path("<slug:slug>/leden/<int:membership_id>/", views.decide, name="decide"),
    path("<slug:slug>/uitnodiging/<str:token>/", views.accept_invitation, name="invitation"),
    path("<slug:slug>/moderatie/", views.moderation_queue, name="moderation"),
    path("<slug:slug>/nieuw/", views.new_topic, name="new_topic"),
    path("<slug:slug>/onderwerpen/<int:topic_id>/", views.topic, name="topic"),
    path("<slug:slug>/onderwerpen/<int:topic_id>/reageren/", views.reply, name="reply"),
    path("<slug:slug>/onderwerpen/<int:topic_id>/volgen/", views.follow, name="follow_topic"),
    path(
        "<slug:slug>/onderwerpen/<int:topic_id>/moderatie/",
        views.moderate_topic,
        name="moderate_topic",
    ),
    path("<slug:slug>/berichten/<int:post_id>/bewerken/", views.edit_post, name="edit_post"),
    path(
        "<slug:slug>/berichten/<int:post_id>/geschiedenis/",
        views.post_history,
        name="post_history",
    ),
    path("<slug:slug>/berichten/<int:post_id>/accepteren/", views.accept, name="accept"),
    path("<slug:slug>/berichten/<int:post_id>/melden/", views.report, name="report"),
    path(
        "<slug:slug>/berichten/<int:post_id>/moderatie/",
        views.moderate_post,
        name="moderate_post",
    ),
    path(
        "<slug:slug>/bijlagen/<int:attachment_id>/<str:filename>",
        library_views.attachment,
        name="attachment",
    ),
    *library_patterns(),
]
