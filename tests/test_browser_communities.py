"""The htmx interactions of a community thread in a real browser: reply (with an image),
accept an answer, follow, report. Each one swaps part of the page without loading a new
one; the same actions without JavaScript are in communities/tests/test_without_javascript.py."""

import re

import pytest
from playwright.sync_api import expect

from communities.factories import (
    CommunityFactory,
    MembershipFactory,
    PostFactory,
    TopicFactory,
    png_bytes,
)
from communities.models import FollowLevel, Post, Report, Role, Subscription, TopicKind
from kpo.factories import VerifiedUserFactory
from tests.browser_steps import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def question(home_page):
    community = CommunityFactory(name="Buitengebied")
    asker = VerifiedUserFactory(email="lars@utrecht.example", full_name="Lars Mulder")
    manager = VerifiedUserFactory(email="carla@liec.example", full_name="Carla Visser")
    MembershipFactory(community=community, user=asker)
    MembershipFactory(community=community, user=manager, role=Role.MANAGER)
    topic = TopicFactory(
        community=community, author=asker, kind=TopicKind.QUESTION, title="Signalen in een schuur?"
    )
    PostFactory(topic=topic, is_opening=True, source="Wie heeft een checklist?")
    answer = PostFactory(topic=topic, author=manager, source="Kijk in de bestanden van de kring.")
    return topic, asker, answer


def mark_page(page):
    """A marker that survives only as long as no new page is loaded."""
    page.evaluate("window.kpoSamePage = true")


def still_same_page(page):
    return page.evaluate("window.kpoSamePage === true")


def test_reply_accept_follow_and_report_work_in_place_with_htmx(
    browser_page, live_server, question
):
    topic, asker, answer = question
    page = browser_page
    log_in(page, live_server.url, asker.email, next_url=topic.get_absolute_url())
    page.wait_for_function("window.htmx !== undefined")
    mark_page(page)

    # Reply, with an image that comes back through the membership check.
    page.get_by_label("Uw reactie").fill("Dank! Hier is mijn foto van de schuur.")
    page.locator("input[name=images]").set_input_files(
        files=[{"name": "schuur.png", "mimeType": "image/png", "buffer": png_bytes(3, 2)}]
    )
    page.get_by_role("button", name="Plaats reactie").click()
    expect(page.get_by_role("status").filter(has_text="Uw reactie is geplaatst.")).to_be_visible()
    new_post = page.locator("#posts li.kpo-post").filter(has_text="mijn foto")
    expect(new_post).to_have_count(1)
    image = new_post.locator("img")
    expect(image).to_have_attribute("src", re.compile(r"/bijlagen/\d+/schuur\.png$"))
    page.wait_for_function(
        "img => img.complete && img.naturalWidth === 3", arg=image.element_handle()
    )
    expect(page.get_by_label("Uw reactie")).to_have_value("")
    assert still_same_page(page)
    reply = Post.objects.get(source="Dank! Hier is mijn foto van de schuur.")
    assert reply.attachments.get().filename == "schuur.png"

    # Accept the manager's answer: the list of posts is swapped.
    answer_item = page.locator(f"#bericht-{answer.pk}")
    answer_item.get_by_role("button", name="Markeer als antwoord").click()
    expect(page.locator(f"#bericht-{answer.pk}")).to_have_class(re.compile("kpo-post--accepted"))
    expect(page.locator(f"#bericht-{answer.pk}")).to_contain_text("Geaccepteerd antwoord")
    assert still_same_page(page)
    topic.refresh_from_db()
    assert topic.accepted_answer_id == answer.pk

    # Follow the thread.
    follow = page.locator("form.kpo-follow")
    follow.get_by_label("Meldingen").select_option(FollowLevel.WATCH)
    follow.get_by_role("button", name="Opslaan").click()
    expect(page.locator("form.kpo-follow [role=status]")).to_have_text(
        "Uw keuze voor meldingen is opgeslagen."
    )
    assert still_same_page(page)
    assert Subscription.objects.get(user=asker, topic=topic).level == FollowLevel.WATCH

    # Report the answer: the form is fetched into the post, sent, and thanked for.
    answer_item = page.locator(f"#bericht-{answer.pk}")
    answer_item.get_by_role("link", name="Melden").click()
    answer_item.get_by_label("Reden").fill("Dit noemt een adres.")
    answer_item.get_by_role("button", name="Melding versturen").click()
    expect(answer_item.get_by_role("status")).to_have_text(
        "Bedankt. De community managers bekijken uw melding."
    )
    assert still_same_page(page)
    assert Report.objects.get(post=answer).reason == "Dit noemt een adres."
