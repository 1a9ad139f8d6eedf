from django.urls import path

from academie import views

app_name = "academie"
urlpatterns = [
    path("mijn-leeromgeving/", views.dashboard, name="dashboard"),
    path("inschrijven/<int:course_id>/", views.enrol, name="enrol"),
    path("aanmeldingen/", views.approvals, name="approvals"),
    path("aanmeldingen/<int:enrolment_id>/", views.decide, name="decide"),
]
