from django.urls import path

from academie import certificate_views, report_views, training_views, views
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
    path("scorm/inhoud/<str:token>/", scorm_views.launch, name="scorm_launch"),
    path("scorm/inhoud/<str:token>/<path:path>", scorm_views.content, name="scorm_content"),
    path("sessies/<int:session_id>/aanmelden/", training_views.register, name="session_register"),
    path("sessies/<int:session_id>/afmelden/", training_views.cancel, name="session_cancel"),
    path("sessies/<int:session_id>/agenda.ics", training_views.calendar, name="session_calendar"),
    path("rapportages/", report_views.index, name="reports"),
    path("rapportages/e-learning/<int:course_id>/", report_views.course, name="course_report"),
    path(
        "rapportages/e-learning/<int:course_id>/<str:table>.csv",
        report_views.course_csv,
        name="course_report_csv",
    ),
    path("rapportages/training/<int:training_id>/", report_views.training, name="training_report"),
    path(
        "rapportages/training/<int:training_id>/<str:table>.csv",
        report_views.training_csv,
        name="training_report_csv",
    ),
]
