import pytest

from kpo.factories import OrganisationFactory, VerifiedUserFactory
from kpo.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home_page):
    client.force_login(VerifiedUserFactory(email="beheer@kpo.example", is_superuser=True))
    return client


def test_administrator_creates_a_user_with_full_name_and_organisation(admin_client):
    organisation = OrganisationFactory(name="RIEC Limburg")
    assert admin_client.get("/admin/users/new/").status_code == 200

    response = admin_client.post(
        "/admin/users/new/",
        {
            "email": "nieuw@riec.example",
            "full_name": "Nina Nieuw",
            "organisation": organisation.pk,
            "job_title": "Adviseur",
            "is_approved": "on",
            "password1": "Een-lang-wachtwoord-2026",
            "password2": "Een-lang-wachtwoord-2026",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(email="nieuw@riec.example")
    assert (user.full_name, user.organisation, user.is_approved) == (
        "Nina Nieuw",
        organisation,
        True,
    )


def test_administrator_edits_a_user(admin_client):
    user = VerifiedUserFactory(full_name="Oude Naam")

    assert admin_client.get(f"/admin/users/edit/{user.pk}/").status_code == 200
    response = admin_client.post(
        f"/admin/users/edit/{user.pk}/",
        {"email": user.email, "full_name": "Nieuwe Naam", "job_title": "Jurist", "is_active": "on"},
    )

    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert user.full_name == "Nieuwe Naam"
    assert not user.is_approved
