"""The sitemap and robots.txt list public pages only, whoever asks."""

import pytest

from academie.factories import CoursePageFactory, LessonPageFactory
from academie.models import AcademieIndexPage


@pytest.fixture
def course_with_lesson(home_page):
    course = CoursePageFactory(
        parent=AcademieIndexPage.objects.get(), title="E-learning AVG", slug="avg"
    )
    LessonPageFactory(parent=course, title="Persoonsgegevens delen", slug="gegevens-delen")
    return course


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "member"])
def test_sitemap_lists_public_pages_and_nothing_members_only(
    client, member, logged_in, public_handreiking, members_handreiking, course_with_lesson
):
    if logged_in:
        client.force_login(member)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    sitemap = response.content.decode()
    assert public_handreiking.full_url in sitemap
    assert course_with_lesson.full_url in sitemap
    assert members_handreiking.full_url not in sitemap
    assert "gegevens-delen" not in sitemap


def test_sitemap_drops_a_page_made_members_only(client, public_handreiking):
    assert public_handreiking.full_url in client.get("/sitemap.xml").content.decode()

    public_handreiking.visibility = "members"
    public_handreiking.save_revision().publish()

    assert public_handreiking.full_url not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_member_areas(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for area in ("/admin/", "/communities/", "/mijn-account/", "/api/"):
        assert f"Disallow: {area}" in lines
