"""Member profiles with per-field visibility, and the 'Vind een collega' directory."""

import pytest
from django.urls import reverse

from kpo.factories import OrganisationFactory, ThemeFactory, UserFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(db):
    colleague = UserFactory(
        full_name="Iris Verborgen",
        email="iris@politie.example",
        organisation=OrganisationFactory(name="Politie"),
        job_title="Financieel rechercheur",
        expertise="Underground banking en crypto",
        show_organisation=True,
        show_job_title=False,
        show_expertise=True,
        show_themes=False,
        show_email=False,
    )
    colleague.themes.set([ThemeFactory(name="Afpakken")])
    return colleague


def test_members_see_only_the_fields_a_colleague_made_visible(member_client, home_page, colleague):
    response = member_client.get(reverse("kpo_member_profile", args=[colleague.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Iris Verborgen" in html
    assert "Politie" in html
    assert "Underground banking en crypto" in html
    assert "Financieel rechercheur" not in html
    assert "Afpakken" not in html
    assert "iris@politie.example" not in html


def test_members_see_all_of_their_own_profile(client, home_page, colleague):
    client.force_login(colleague)

    html = client.get(reverse("kpo_member_profile", args=[colleague.pk])).content.decode()

    assert "Financieel rechercheur" in html and "Afpakken" in html


def test_profiles_and_directory_are_for_approved_members_only(client, home_page, colleague):
    urls = [reverse("kpo_member_directory"), reverse("kpo_member_profile", args=[colleague.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("account_login"))

    client.force_login(VerifiedUserFactory(is_approved=False))
    for url in urls:
        assert client.get(url).status_code == 403


def test_unapproved_colleagues_have_no_profile(member_client, home_page):
    applicant = UserFactory(is_approved=False)
    response = member_client.get(reverse("kpo_member_profile", args=[applicant.pk]))
    assert response.status_code == 404


def directory_names(client, **filters):
    response = client.get(reverse("kpo_member_directory"), filters)
    assert response.status_code == 200
    return {profile.name for profile in response.context["profiles"]}


def test_directory_filters_by_name_organisation_theme_and_expertise(
    member_client, home_page, colleague
):
    bibob = ThemeFactory(name="Wet Bibob")
    gemeente = OrganisationFactory(name="Gemeente Tilburg")
    jurist = UserFactory(
        full_name="Jan Jurist", organisation=gemeente, expertise="Bibob-toetsen bij horeca"
    )
    jurist.themes.set([bibob])

    assert directory_names(member_client) >= {"Iris Verborgen", "Jan Jurist", "Lotte Lid"}
    assert directory_names(member_client, naam="iris") == {"Iris Verborgen"}
    assert directory_names(member_client, organisatie=gemeente.pk) == {"Jan Jurist"}
    assert directory_names(member_client, thema=bibob.slug) == {"Jan Jurist"}
    assert directory_names(member_client, expertise="crypto") == {"Iris Verborgen"}


def test_directory_filters_do_not_reveal_hidden_fields(member_client, home_page, colleague):
    afpakken = colleague.themes.get()

    assert directory_names(member_client, thema=afpakken.slug) == set()
    assert directory_names(member_client, expertise="rechercheur") == set()
    html = member_client.get(reverse("kpo_member_directory")).content.decode()
    assert "Financieel rechercheur" not in html


def test_member_edits_profile_and_visibility(member_client, home_page, member):
    theme = ThemeFactory(name="Mensenhandel")
    response = member_client.post(
        reverse("kpo_edit_profile"),
        {
            "full_name": "Lotte Lid",
            "organisation": member.organisation.pk,
            "job_title": "Beleidsadviseur",
            "expertise": "Arbeidsuitbuiting",
            "themes": [theme.pk],
            "show_expertise": "on",
        },
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.expertise == "Arbeidsuitbuiting"
    assert list(member.themes.all()) == [theme]
    assert (member.show_expertise, member.show_organisation, member.show_themes) == (
        True,
        False,
        False,
    )


def test_profile_form_explains_a_missing_organisation_and_keeps_input(member_client, home_page):
    response = member_client.post(
        reverse("kpo_edit_profile"),
        {"full_name": "Lotte Lid", "organisation": "", "job_title": "Analist", "expertise": "OMG"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies uw organisatie of vul de naam ervan in." in html
    assert 'value="Analist"' in html and "OMG" in html
