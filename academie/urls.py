from django.urls import path

from academie import views
from academie.scorm import views as scorm_views

app_name = "academie"
urlpatterns = [
    path("mijn-leeromgeving/", views.dashboard, name="dashboard"),
    path("inschrijven/<int:course_id>/", views.enrol, name="enrol"),
    path("aanmeldingen/", views.approvals, name="approvals"),
    path("aanmeldingen/<int:enrolment_id>/", views.decide, name="decide"),
    path(
        "scorm/<int:lesson_id>/opslaan/<str:session_key>/",
        scorm_views.commit,
        name="scorm_commit",
    ),
    path("scorm/inhoud/<str:token>/<path:path>", scorm_views.content, name="scorm_content"),
]
