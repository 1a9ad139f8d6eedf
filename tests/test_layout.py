"""Every section of the site renders in the shared, accessible layout."""

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/",
    "/kennisbank/",
    "/communities/",
    "/academie/",
    "/nieuws/",
    "/zoeken/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_page_has_skip_link_landmarks_and_one_h1(client, home_page, path):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index('href="#main"') < html.index("<header"), "skip link comes first"
    assert html.count('<main id="main"') == 1
    assert html.count("<h1") == 1
    assert 'aria-label="Hoofdmenu"' in html
    assert "<footer" in html
    assert '"includeIndicatorStyles": false' in html, "htmx may not inject inline styles"


def test_form_fields_have_labels(client, home_page):
    html = client.get("/accounts/signup/").content.decode()
    for field in ("id_email", "id_full_name", "id_organisation", "id_job_title", "id_password1"):
        assert f'for="{field}"' in html
