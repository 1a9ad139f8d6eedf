from django.urls import path

from communities import views

app_name = "communities"
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
]
