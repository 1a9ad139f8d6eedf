from django.urls import path

from kpo import accounts_views

urlpatterns = [
    path("mijn-account/profiel/", accounts_views.edit_profile, name="kpo_edit_profile"),
    path("mijn-account/gegevens/", accounts_views.export_data, name="kpo_export_data"),
    path("mijn-account/verwijderen/", accounts_views.delete_account, name="kpo_delete_account"),
    path("collegas/", accounts_views.member_directory, name="kpo_member_directory"),
    path("collegas/<int:pk>/", accounts_views.member_profile, name="kpo_member_profile"),
]
