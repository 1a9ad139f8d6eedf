"""Stored and reflected XSS: known filter-evasion payloads posted through every text input
members use (community topics, replies, edits, reports, join requests, file library,
profile, signup, search) must not turn into script in any page that shows them.

Pages are parsed as a browser would (html.parser), not matched with regular expressions:
no script element other than our own static files and JSON data blocks, no ``on*=`` event
handler, no ``style`` attribute (the CSP forbids them, our templates have none), no
``javascript:``/``vbscript:``/``data:`` URL, no frame, object, embed or base element."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from communities import posting
from communities.factories import CommunityFactory, MembershipFactory, PostFactory
from communities.factories import TopicFactory as CommunityTopicFactory
from communities.models import CommunityType, Post, Role, Topic
from kpo import roles
from kpo.factories import OrganisationFactory, StaffUserFactory, VerifiedUserFactory
from kpo.tests.test_accounts import signup_data
from kpo.tests.test_sanitize import XSS_PAYLOADS

pytestmark = pytest.mark.django_db

# The sanitizer's list, plus payloads aimed at templates and plain-text fields.
PAYLOADS = [
    *XSS_PAYLOADS,
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "'\"><img src=x onerror=alert(1)>",
    '"onmouseover="alert(1)',
    "' autofocus onfocus='alert(1)",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">klik</text></a></svg>',
    '<a href="javascript&colon;alert(1)">klik</a>',
    '<a href="&#0000106avascript:alert(1)">klik</a>',
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
    "[klik](javascript:alert(1))",
    '<a href="https://kpo.example" formaction="javascript:alert(1)">klik</a>',
    "<button formaction=javascript:alert(1)>klik</button>",
    '<img srcset="x 1x, javascript:alert(1) 2x">',
    '<object data="javascript:alert(1)"></object>',
    "javascript:alert(1)",
    "<scr\x00ipt>alert(1)</scr\x00ipt>",
    "{{ request.user.password }}<script>alert(1)</script>",
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
SAFE_DATA_URL = re.compile(r"data:image/(png|jpeg|gif|webp);")


def is_script_url(value):
    url = re.sub(r"[\x00-\x20]", "", value or "").lower()
    if url.startswith("data:"):
        return not SAFE_DATA_URL.match(url)
    return "javascript:" in url or "vbscript:" in url


def is_our_static_file(url):
    """Our own static files, and Wagtail's admin translations script."""
    parts = urlsplit(url or "")
    is_ours = parts.path.startswith("/static/") or parts.path == "/admin/jsi18n/"
    return parts.netloc in ("", "testserver") and is_ours


def is_dangerous_attribute(name, value):
    if name.startswith("on") or name == "style":
        return True
    return name in URL_ATTRIBUTES and any(is_script_url(v) for v in (value or "").split(","))


class DangerFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.dangers = []
        self.inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            is_data = attributes.get("type") == "application/json"
            is_ours = is_our_static_file(attributes.get("src"))
            if not (is_data or is_ours):
                self.dangers.append(f"<script {attributes}>")
            self.inline_script = not is_data
        if tag in FORBIDDEN_ELEMENTS:
            self.dangers.append(f"<{tag}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.dangers.append("<meta http-equiv=refresh>")
        for name, value in attributes.items():
            if is_dangerous_attribute(name, value):
                self.dangers.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.inline_script = False

    def handle_data(self, data):
        if self.inline_script and data.strip():
            self.dangers.append(f"inline script {data[:60]!r}")


def dangers(response):
    assert response.status_code in (200, 400), response.status_code
    finder = DangerFinder()
    finder.feed(response.content.decode())
    return finder.dangers


def test_the_finder_spots_each_kind_of_danger():
    html = (
        '<script>x</script><script src="https://evil.example/x.js"></script>'
        '<a href=" JaVa&#x09;script:x" onclick="y">a</a><p style="color:red">p</p>'
        '<img srcset="a.png 1x, javascript:x 2x"><iframe></iframe><base href="/">'
        '<script src="/static/js/ok.js"></script><script type="application/json">{}</script>'
    )
    finder = DangerFinder()
    finder.feed(html)
    assert len(finder.dangers) == 9, finder.dangers


@pytest.fixture
def community(home_page):
    return CommunityFactory(name="Buitengebied", type=CommunityType.ON_REQUEST)


@pytest.fixture
def author(community, monkeypatch):
    """A member of the community who may post as often as the test needs."""
    monkeypatch.setattr(posting, "RATE_LIMIT_POSTS", 10_000)
    user = VerifiedUserFactory(email="lid@gemeente.example")
    MembershipFactory(community=community, user=user)
    return user


@pytest.fixture
def manager_client(community):
    manager = StaffUserFactory(email="cm@liec.example", group=roles.COMMUNITY_MANAGERS)
    MembershipFactory(community=community, user=manager, role=Role.MANAGER)
    manager_client = Client()
    manager_client.force_login(manager)
    return manager_client


def test_topics_replies_and_edits(client, community, author):
    client.force_login(author)
    for payload in PAYLOADS:
        response = client.post(
            reverse("communities:new_topic", args=[community.slug]),
            {"kind": "discussion", "title": payload[:200], "source": payload},
        )
        # Refused (a null character) is safe too, as long as the form shows it safely.
        assert response.status_code == 302 or dangers(response) == [], payload
    topic = Topic.objects.first()
    for payload in PAYLOADS:
        client.post(
            reverse("communities:reply", args=[community.slug, topic.pk]), {"source": payload}
        )
    post = Post.objects.filter(topic=topic, author=author).last()
    client.post(
        reverse("communities:edit_post", args=[community.slug, post.pk]),
        {"source": PAYLOADS[-1] + PAYLOADS[0]},
    )
    assert Post.objects.count() >= 2 * (len(PAYLOADS) - 1)

    pages = [
        community.get_absolute_url(),
        topic.get_absolute_url(),
        reverse("communities:post_history", args=[community.slug, post.pk]),
        reverse("communities:notifications"),
        f"/zoeken/?q={topic.title}",
    ]
    assert "alert(1)" in client.get(topic.get_absolute_url()).content.decode()
    found = {url: dangers(client.get(url)) for url in pages}
    assert found == {url: [] for url in pages}


def test_invalid_forms_echo_the_payload_safely(client, community, author):
    client.force_login(author)
    for payload in PAYLOADS:
        response = client.post(
            reverse("communities:new_topic", args=[community.slug]),
            {"kind": "discussion", "title": payload, "source": ""},
        )
        assert response.status_code == 400
        assert dangers(response) == [], payload


def test_report_reasons_and_join_requests_in_the_managers_views(
    client, community, author, manager_client
):
    topic = CommunityTopicFactory(community=community, author=author, title="Meldpunt")
    posts = [PostFactory(topic=topic, author=author) for _ in PAYLOADS]
    for index, payload in enumerate(PAYLOADS):
        reporter = VerifiedUserFactory(email=f"melder{index}@gemeente.example")
        MembershipFactory(community=community, user=reporter)
        client.force_login(reporter)
        client.post(
            reverse("communities:report", args=[community.slug, posts[index].pk]),
            {"reason": payload[:500]},
        )
        applicant = VerifiedUserFactory(email=f"aanvrager{index}@gemeente.example")
        client.force_login(applicant)
        client.post(
            reverse("communities:join", args=[community.slug]), {"motivation": payload[:500]}
        )

    for url in (
        reverse("communities:moderation", args=[community.slug]),
        reverse("communities:members", args=[community.slug]),
    ):
        response = manager_client.get(url)
        assert "alert(1)" in response.content.decode(), f"{url} shows the texts"
        assert dangers(response) == [], url


def test_file_library_names(client, community, author, manager_client):
    client.force_login(author)
    for payload in PAYLOADS:
        response = manager_client.post(
            reverse("communities:new_folder", args=[community.slug]), {"name": payload[:150]}
        )
        assert response.status_code == 302 or dangers(response) == [], payload
    response = client.get(reverse("communities:files", args=[community.slug]))
    assert "alert(1)" in response.content.decode()
    assert dangers(response) == []


def test_profile_fields_in_the_profile_and_the_directory(client, home_page):
    for index, payload in enumerate(PAYLOADS):
        member = VerifiedUserFactory(email=f"collega{index}@gemeente.example")
        client.force_login(member)
        response = client.post(
            reverse("kpo_edit_profile"),
            {
                "full_name": payload[:150],
                "organisation_other": payload[:150],
                "job_title": payload[:100],
                "expertise": payload,
                "show_organisation": "on",
                "show_job_title": "on",
                "show_expertise": "on",
            },
        )
        assert response.status_code in (200, 302)
    viewer = VerifiedUserFactory(email="kijker@gemeente.example")
    client.force_login(viewer)
    urls = [reverse("kpo_member_directory"), f"{reverse('kpo_member_directory')}?naam=%3Cscript"]
    urls += [
        reverse("kpo_member_profile", args=[member.pk])
        for member in type(viewer).objects.filter(email__startswith="collega")
    ]
    assert {url: dangers(client.get(url)) for url in urls} == {url: [] for url in urls}


def test_signup_fields_in_the_approval_queue(client, home_page):
    organisation = OrganisationFactory()
    for index, payload in enumerate(PAYLOADS):
        client = Client(REMOTE_ADDR=f"192.0.2.{index}")  # each from elsewhere: no rate limit
        data = signup_data(organisation, email=f"aanmelder{index}@gemeente.example")
        data.update(
            full_name=payload[:150],
            organisation="other",
            organisation_other=payload[:150],
            job_title=payload[:100],
            join_reason=payload,
        )
        response = client.post(reverse("account_signup"), data)
        assert response.status_code == 302 or dangers(response) == [], payload
    # As after each applicant followed the link in the verification email.
    EmailAddress.objects.filter(email__startswith="aanmelder").update(verified=True)
    administrator = StaffUserFactory(email="beheerder@kpo.example", group=roles.ADMINISTRATORS)
    client.force_login(administrator)
    response = client.get(reverse("kpo_approval_queue"))
    assert response.status_code == 200
    assert "alert(1)" in response.content.decode(), "the queue shows the applications"
    assert dangers(response) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_search_queries_are_reflected_safely(client, home_page, member, payload):
    client.force_login(member)
    for url, key in ((reverse("search"), "q"), (reverse("kpo_member_directory"), "naam")):
        response = client.get(url, {key: payload})
        assert dangers(response) == [], url
