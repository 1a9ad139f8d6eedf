from django.urls import path

from academie import certificate_views, views
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
    path(
        "certificaat-downloaden/<int:course_id>/",
        certificate_views.download,
        name="certificate_download",
    ),
    path("certificaat/", certificate_views.check, name="certificate_check"),
    path("certificaat/<str:code>/", certificate_views.verify, name="certificate"),
    path("scorm/inhoud/<str:token>/<path:path>", scorm_views.content, name="scorm_content"),
]
