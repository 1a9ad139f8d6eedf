import pytest
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("kpo.tests.urls_failing")]


def assert_in_site_layout(html):
    assert 'href="#main"' in html, "skip link"
    assert '<main id="main"' in html
    assert "kpo-header" in html and "kpo-footer" in html


def test_404_page_uses_the_site_layout(client, home_page):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    assert_in_site_layout(response.content.decode())


def test_403_page_uses_the_site_layout(client, home_page):
    response = client.get("/verboden/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toegang" in html
    assert_in_site_layout(html)


@override_settings(DEBUG=False)
def test_500_page_uses_the_site_layout_without_details(client, home_page):
    client.raise_request_exception = False
    response = client.get("/kapot/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert "boom" not in html and "Traceback" not in html
    assert_in_site_layout(html)
