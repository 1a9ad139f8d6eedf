"""Two gunicorn app servers (A and B) and two task workers, all separate processes with the
production settings, sharing PostgreSQL (the test database), Elasticsearch, Redis and the S3
bucket, as on a Kubernetes platform. What one server changes, the other knows at once."""

import time
from pathlib import Path

import pytest
import requests

from communities.factories import CommunityFactory, MembershipFactory
from communities.models import Community, CommunityType
from kennisbank.pdf import make_pdf
from kpo.factories import StandardPageFactory, VerifiedUserFactory
from tests.cluster.servers import csrf_token, login, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("cluster")]


@pytest.fixture(autouse=True)
def fresh_cache(cluster):
    """Each test starts with an empty shared cache (the flush after a transactional test
    empties the tables without the signals that outdate cached entries) and both workers."""
    import redis

    redis.Redis.from_url(cluster.environment["KPO_CACHE_URL"]).flushdb()
    cluster.revive_workers()


def test_a_page_published_on_one_process_is_fresh_on_server_b_at_once(cluster, home_page):
    page = StandardPageFactory(parent=home_page, title="Werkwijze Bibob", slug="werkwijze")
    url = f"{cluster.b}/werkwijze/"
    requests.get(url, timeout=30)
    cached = requests.get(url, timeout=30)
    assert cached.headers["X-KPO-Cache"] == "hit" and "Werkwijze Bibob" in cached.text

    # An editor publishes a new revision (a process of the cluster, with its settings).
    cluster.manage(
        "shell",
        "-c",
        f"from wagtail.models import Page; p = Page.objects.get(pk={page.pk}).specific; "
        "p.title = 'Werkwijze Bibob 2026'; p.save_revision().publish()",
    )

    fresh = requests.get(url, timeout=30)
    assert "Werkwijze Bibob 2026" in fresh.text
    assert requests.get(f"{cluster.a}/werkwijze/", timeout=30).text.count("Bibob 2026") >= 1


def test_a_session_ended_on_a_is_refused_on_b(cluster, home_page):
    user = VerifiedUserFactory()
    session = login(cluster.a, user.email)
    assert session.get(f"{cluster.b}/mijn-account/", timeout=30).status_code == 200

    page = session.get(f"{cluster.a}/accounts/logout/", timeout=30)
    session_cookie = session.cookies["sessionid"]
    session.post(
        f"{cluster.a}/accounts/logout/",
        data={"csrfmiddlewaretoken": csrf_token(page.text)},
        timeout=30,
    )
    session.cookies.set("sessionid", session_cookie)  # as if the cookie had been kept

    refused = session.get(f"{cluster.b}/mijn-account/", timeout=30, allow_redirects=False)
    assert refused.status_code == 302 and "/accounts/login/" in refused.headers["Location"]


def community_with_member(home_page):
    community = CommunityFactory(name="Buitengebied cluster", type=CommunityType.ON_REQUEST)
    member = MembershipFactory(community=community).user
    return community, member


def test_a_membership_ended_on_a_is_refused_on_b(cluster, home_page):
    community, member = community_with_member(home_page)
    session = login(cluster.a, member.email)
    files = f"/communities/{community.slug}/bestanden/"
    assert session.get(cluster.b + files, timeout=30).status_code == 200  # cached on B

    overview = session.get(f"{cluster.a}/communities/{community.slug}/", timeout=30)
    left = session.post(
        f"{cluster.a}/communities/{community.slug}/verlaten/",
        data={"csrfmiddlewaretoken": csrf_token(overview.text)},
        timeout=30,
        allow_redirects=False,
    )
    assert left.status_code == 302

    assert session.get(cluster.b + files, timeout=30, allow_redirects=False).status_code in (
        302,
        403,
        404,
    )


def test_a_file_uploaded_on_a_downloads_on_b_and_not_for_a_non_member(cluster, home_page):
    community, member = community_with_member(home_page)
    session = login(cluster.a, member.email)
    files = f"/communities/{community.slug}/bestanden/"
    listing = session.get(cluster.a + files, timeout=30)
    pdf = make_pdf("Verslag kenniskring", "Besproken in het cluster.")
    uploaded = session.post(
        f"{cluster.a}{files}uploaden/",
        data={"csrfmiddlewaretoken": csrf_token(listing.text), "title": "Verslag cluster"},
        files={"upload": ("verslag.pdf", pdf, "application/pdf")},
        timeout=30,
        allow_redirects=False,
    )
    assert uploaded.status_code == 302, uploaded.text[-2000:]
    item = Community.objects.get(pk=community.pk).files.get(title="Verslag cluster")

    download = session.get(cluster.b + item.get_download_url(), timeout=30)
    assert download.status_code == 200 and download.content == pdf
    outsider = login(cluster.b, VerifiedUserFactory().email)
    refused = outsider.get(cluster.b + item.get_download_url(), timeout=30, allow_redirects=False)
    assert refused.status_code in (403, 404)
    assert pdf not in refused.content


def test_a_task_enqueued_on_a_runs_once(cluster, home_page):
    """A password reset on A queues one email; one of the two workers delivers it, once."""
    from django_tasks_db.models import DBTaskResult

    user = VerifiedUserFactory()
    mail = Path(cluster.environment["KPO_EMAIL_FILE_PATH"])
    before = {path.name for path in mail.iterdir()}
    form = requests.Session()
    page = form.get(f"{cluster.a}/accounts/password/reset/", timeout=30)
    requested = form.post(
        f"{cluster.a}/accounts/password/reset/",
        data={"csrfmiddlewaretoken": csrf_token(page.text), "email": user.email},
        timeout=30,
        allow_redirects=False,
    )
    assert requested.status_code == 302, requested.text[-2000:]

    def delivered():
        cluster.revive_workers()  # one may have stopped on the previous test's flush
        return not DBTaskResult.objects.ready().exists() and DBTaskResult.objects.exists()

    wait_for(delivered, "the email task", cluster.logs / "worker-1.log")
    time.sleep(2)  # a second run would have happened by now
    tasks = DBTaskResult.objects.filter(task_path="kpo.mail.deliver_email")
    assert [task.status for task in tasks] == ["SUCCESSFUL"]
    new = [path for path in mail.iterdir() if path.name not in before]
    assert sum(path.read_text().count(f"To: {user.email}") for path in new) == 1
