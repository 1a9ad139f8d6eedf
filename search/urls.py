from django.urls import path

from . import api

urlpatterns = [
    path("", api.search_api, name="search_api"),
    path("suggesties/", api.autocomplete, name="search_autocomplete"),
]
