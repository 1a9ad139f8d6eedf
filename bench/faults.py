"""Fault test against `make prod-local`: stop and restart Elasticsearch, PostgreSQL, the
task worker and, in the cluster profile, Redis and the S3 store while members keep
browsing, searching and posting (and an anonymous visitor browses the public pages).

Checks, and prints as a table (saved as bench/results/faults.json):
- no response other than 200/302, or a clear 503 "tijdelijk niet beschikbaar" with
  Retry-After while the database is down (a 503 at any other time counts as an error,
  a 500 always does);
- every reply the site accepted (a redirect after the post), each with a PDF attachment
  uploaded with it, is in the database afterwards, and so is its file in storage;
- emails queued while the worker was down (a password reset request and the replies'
  notifications) are all delivered after it restarts, and the index update of a page
  published meanwhile reaches Elasticsearch;
- index updates postponed while Elasticsearch was down reach it after it is back;
- Redis down: pages keep answering 200 (p50/p95 latency before, during and after the
  outage), logins during the outage succeed (or fail with a clear message) and their
  sessions still work afterwards, and the page cache and sessions are back in Redis by
  themselves after the restart;
- S3 down: a reply with an attachment is refused with the clear Dutch message and the form
  keeps the typed text (a 400, not counted as an error), pages without files answer 200,
  nothing refused is half saved, and an upload is accepted again after the restart.

    make prod-local                       # or KPO_PROD_CLUSTER=1 make prod-local
    .venv/bin/python bench/faults.py [--outage 20] [--services redis s3 ...]
"""

import argparse
import re
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import requests

try:
    from bench import prod_local
except ModuleNotFoundError:  # run as a script: bench/ is on sys.path
    import prod_local

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ROOT / "scripts" / "services"
REPLY_INTERVAL = 15
STORE_DOWN = "De bestandsopslag is tijdelijk niet bereikbaar"
ALL_SERVICES = ["elasticsearch", "worker", "postgresql", "redis", "s3"]


class Traffic:
    """Members browsing, searching and replying, and an anonymous visitor browsing the
    public pages, in a loop until stopped; every page request is kept as a sample."""

    def __init__(self, base_url, sessions, topic_url):
        self.base_url = base_url
        self.sessions = sessions
        self.topic_url = topic_url
        self.statuses = Counter()
        self.bad = []
        self.accepted = []
        self.refused = []  # replies refused with the clear message while the store was down
        self.samples = []  # (monotonic time, seconds, status, "member" or "visitor")
        self.running = True
        self.lock = threading.Lock()
        self.phase = "running"  # the service that is down, or "running"

    def loop(self, session, number):
        paths = ["/", "/kennisbank/", "/api/zoeken/?q=bibob", self.topic_url]
        sequence, last_reply = 0, 0.0
        while self.running:
            sequence += 1
            path = paths[sequence % len(paths)]
            self.record(path, self.timed_get(session, path, "member"))
            # One member posts, within the rate limit of 5 posts a minute per member.
            if number == 0 and time.monotonic() - last_reply > REPLY_INTERVAL:
                last_reply = time.monotonic()
                self.reply(session, f"Storingstest {number}-{sequence} {time.time_ns()}")
            time.sleep(0.2)

    def visit(self):
        """An anonymous visitor on the public pages (served from the page cache)."""
        session, paths, sequence = requests.Session(), ["/", "/kennisbank/"], 0
        while self.running:
            sequence += 1
            path = paths[sequence % len(paths)]
            self.record(path, self.timed_get(session, path, "visitor"))
            time.sleep(0.2)

    def timed_get(self, session, path, who):
        started = time.monotonic()
        response = self.get(session, path)
        if not isinstance(response, Exception):
            with self.lock:
                self.samples.append(
                    (started, time.monotonic() - started, response.status_code, who)
                )
        return response

    def get(self, session, path):
        try:
            return session.get(self.base_url + path, timeout=30, allow_redirects=False)
        except OSError as error:
            return error

    def reply(self, session, text):
        """A reply with a PDF attachment (an upload) named after the text; the response."""
        from kennisbank.pdf import make_pdf

        token = session.cookies.get("csrftoken", "")
        pdf = make_pdf(text, "Storingstest")
        try:
            response = session.post(
                f"{self.base_url}{self.topic_url}reageren/",
                data={"csrfmiddlewaretoken": token, "source": text},
                files={"attachments": (f"{attachment_name(text)}.pdf", pdf, "application/pdf")},
                timeout=30,
                allow_redirects=False,
            )
        except OSError as error:
            self.record("reply", error)
            return error
        refused = self.phase == "S3" and refused_clearly(response, text)
        self.record("reply", response, acceptable_anyway=refused)
        with self.lock:
            if response.status_code == 302:
                self.accepted.append(text)
            elif refused:
                self.refused.append(text)
        return response

    def record(self, path, response, acceptable_anyway=False):
        with self.lock:
            if isinstance(response, Exception):
                self.statuses["connection error"] += 1
                self.bad.append((path, repr(response)))
                return
            self.statuses[response.status_code] += 1
            if not acceptable_anyway and not acceptable(response, self.phase == "PostgreSQL"):
                self.bad.append((path, response.status_code, self.phase))

    def start(self):
        self.threads = [
            threading.Thread(target=self.loop, args=(session, number), daemon=True)
            for number, session in enumerate(self.sessions)
        ]
        self.threads.append(threading.Thread(target=self.visit, daemon=True))
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=60)

    def window(self, start, end):
        """Latency and statuses of the page requests started between two moments."""
        with self.lock:
            samples = [sample for sample in self.samples if start <= sample[0] < end]
        figures = {"requests": len(samples)}
        figures["not 200"] = sum(1 for sample in samples if sample[2] != 200)
        for who in ("member", "visitor"):
            seconds = sorted(sample[1] for sample in samples if sample[3] == who)
            figures[who] = {
                "p50_ms": round(prod_local.percentile(seconds, 0.5) * 1000),
                "p95_ms": round(prod_local.percentile(seconds, 0.95) * 1000),
            }
        return figures


def refused_clearly(response, text) -> bool:
    """A reply form sent back with the store's Dutch message and the typed text kept."""
    return response.status_code == 400 and STORE_DOWN in response.text and text in response.text


def acceptable(response, database_down: bool) -> bool:
    if response.status_code in (200, 302):
        return True
    if response.status_code == 503 and database_down:
        return "Retry-After" in response.headers and "Tijdelijk niet beschikbaar" in response.text
    return False


def attachment_name(text):
    return text.replace(" ", "-").lower()


def lost_replies(accepted):
    """The accepted replies missing from the database, or whose attachment (row or file)
    is missing."""
    from communities.models import Post, PostAttachment

    stored = set(Post.objects.filter(source__in=accepted).values_list("source", flat=True))
    attachments = {
        attachment.post.source: attachment
        for attachment in PostAttachment.objects.filter(post__source__in=accepted).select_related(
            "post"
        )
    }
    return [
        text
        for text in accepted
        if text not in stored
        or text not in attachments
        or not attachments[text].content.storage.exists(attachments[text].content.name)
    ]


def service(script, action):
    subprocess.run([str(SERVICES / script), action], check=True, capture_output=True)  # noqa: S603


def prod_local_command(action):
    subprocess.run([str(ROOT / "scripts" / "prod-local.sh"), action], check=True)  # noqa: S603


def mail_count(mail_dir: Path) -> int:
    return sum(path.read_text(errors="replace").count("\nSubject: ") for path in mail_dir.glob("*"))


def wait_until(check, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(2)
    return False


def publish_new_title():
    """Publish a new title for a handreiking, as an editor would; return the title."""
    from kennisbank.models import HandreikingPage

    page = HandreikingPage.objects.live().filter(visibility="public").order_by("pk").first()
    page.title = f"Storingstest {time.time_ns()}"
    page.save_revision().publish()
    return page.title


def search_finds(base_url, session, title):
    close_old_connections_now()
    response = session.get(f"{base_url}/api/zoeken/", params={"q": title}, timeout=30)
    data = response.json() if response.status_code == 200 else {}
    return data.get("engine") == "elasticsearch" and any(
        result["title"] == title for result in data.get("results", [])
    )


def close_old_connections_now():
    from django.db import close_old_connections

    close_old_connections()


def main():
    import os

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outage", type=int, default=20, help="seconds each service is down")
    parser.add_argument("--members", type=int, default=4)
    parser.add_argument(
        "--services",
        nargs="+",
        choices=ALL_SERVICES,
        help="default: those of the running profile (redis and s3 in the cluster profile)",
    )
    args = parser.parse_args()
    prod_local.setup_django()
    base_url = prod_local.load_env()
    services = args.services or profile_services()
    missing = set(services) - set(profile_services())
    if missing:
        raise SystemExit(
            f"prod-local runs without {', '.join(sorted(missing))}: "
            "start it with KPO_PROD_CLUSTER=1 make prod-local"
        )
    from django.db import close_old_connections

    from communities.models import Topic

    topic = Topic.objects.filter(community__slug="buitengebied").order_by("pk").first()
    sessions = [prod_local.login(base_url) for _ in range(args.members)]
    mail_dir = Path(os.environ["KPO_EMAIL_FILE_PATH"])
    traffic = Traffic(base_url, sessions, topic.get_absolute_url())
    results = []
    traffic.start()
    time.sleep(5)

    outages = {
        "elasticsearch": ("Elasticsearch", lambda: elasticsearch_outage(args, base_url, sessions)),
        "worker": ("worker", lambda: worker_outage(args, base_url, sessions, mail_dir)),
        "postgresql": ("PostgreSQL", lambda: database_outage(args, base_url, sessions)),
        "redis": ("Redis", lambda: redis_outage(args, base_url, traffic)),
        "s3": ("S3", lambda: store_outage(args, base_url, traffic)),
    }
    for name in services:
        phase, outage = outages[name]
        traffic.phase = phase
        results.append(outage())
        traffic.phase = "running"
        time.sleep(5)
    time.sleep(5)
    traffic.stop()

    close_old_connections()
    lost = lost_replies(traffic.accepted)
    half_saved = half_saved_replies(traffic.refused)
    print_table(results, traffic, lost, half_saved)
    output = prod_local.save(
        "faults",
        {
            "outage_seconds": args.outage,
            "services": results,
            "statuses": {str(key): value for key, value in traffic.statuses.items()},
            "unacceptable": traffic.bad[:50],
            "posts_accepted": len(traffic.accepted),
            "posts_lost": len(lost),
            "uploads_refused_with_message": len(traffic.refused),
            "refused_posts_saved": len(half_saved),
        },
    )
    print(f"saved {output.relative_to(ROOT)}")


def profile_services():
    """The services the running prod-local has: Redis and S3 only in the cluster profile."""
    import os

    services = ["elasticsearch", "worker", "postgresql"]
    if os.environ.get("KPO_CACHE_URL", "").startswith("redis"):
        services.append("redis")
    if os.environ.get("KPO_S3_BUCKET"):
        services.append("s3")
    return services


def outcome(service_name, seconds, recovered, detail, **figures):
    return {
        "service": service_name,
        "seconds": seconds,
        "recovered": recovered,
        "detail": detail,
        **figures,
    }


def elasticsearch_outage(args, base_url, sessions):
    """Search falls back to the database; an editor's publish is postponed for the index
    and reaches it by itself after the restart."""
    from django.db import close_old_connections

    from search.models import PendingIndexUpdate

    close_old_connections()
    service("elasticsearch.sh", "suspend")
    title = publish_new_title()
    time.sleep(args.outage)
    close_old_connections()
    postponed = PendingIndexUpdate.objects.count()
    service("elasticsearch.sh", "resume")
    indexed = wait_until(lambda: search_finds(base_url, sessions[0], title), timeout=240)
    return outcome(
        "Elasticsearch",
        args.outage,
        indexed,
        f"{postponed} index updates postponed, then sent",
    )


def worker_outage(args, base_url, sessions, mail_dir):
    """Emails and index updates queue up while no worker runs, and run after the restart:
    every queued email is delivered and the page published meanwhile is found in search."""
    from django.db import close_old_connections
    from django_tasks_db.models import DBTaskResult

    close_old_connections()
    mails_before = mail_count(mail_dir)
    prod_local_command("worker-stop")
    title = publish_new_title()  # an index update (and emails from the traffic's replies)
    request_password_reset(base_url)  # an email
    time.sleep(args.outage)
    close_old_connections()
    ready = DBTaskResult.objects.ready()
    queued = ready.count()
    queued_emails = ready.filter(task_path="kpo.mail.deliver_email").count()
    prod_local_command("worker-start")
    drained = wait_until(lambda: not DBTaskResult.objects.ready().exists())
    delivered = wait_until(lambda: mail_count(mail_dir) - mails_before >= queued_emails)
    indexed = wait_until(lambda: search_finds(base_url, sessions[0], title))
    sent = mail_count(mail_dir) - mails_before
    return outcome(
        "worker",
        args.outage,
        drained and delivered and indexed,
        f"{queued} tasks queued ({queued_emails} emails): all run {yes(drained)}, "
        f"{sent} emails delivered {yes(delivered)}, published page found in search "
        f"{yes(indexed)}",
    )


def yes(ok: bool) -> str:
    return "(ok)" if ok else "(NOT done)"


def request_password_reset(base_url):
    """An anonymous password reset request for the demo member, as a browser sends it."""
    import re

    import requests

    session = requests.Session()
    page = session.get(f"{base_url}/accounts/password/reset/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    session.post(
        f"{base_url}/accounts/password/reset/",
        data={"csrfmiddlewaretoken": token, "email": prod_local.MEMBER},
        headers={"Referer": f"{base_url}/accounts/password/reset/"},
        timeout=30,
    )


def database_outage(args, base_url, sessions):
    """A clear 503 with Retry-After while PostgreSQL is down, then everything works again."""
    from django.db import close_old_connections

    close_old_connections()
    service("postgres.sh", "suspend")
    time.sleep(1)
    during = sessions[0].get(base_url + "/kennisbank/", timeout=30)
    health = sessions[0].get(base_url + "/health/", timeout=30)
    time.sleep(args.outage)
    service("postgres.sh", "resume")
    recovered = wait_until(
        lambda: sessions[0].get(base_url + "/health/", timeout=30).status_code == 200
    )
    detail = (
        f"page {during.status_code} Retry-After {during.headers.get('Retry-After')}, "
        f"health {health.status_code}"
    )
    return outcome("PostgreSQL", args.outage, recovered, detail)


def redis_outage(args, base_url, traffic):
    """Pages answer 200 without Redis (slower: measured in three windows of the outage's
    length), logins work and their sessions last, and the page cache and the sessions are
    back in Redis by themselves after the restart."""
    time.sleep(args.outage)  # the window before
    suspended = time.monotonic()
    service("redis.sh", "suspend")
    logins = []
    for _ in range(3):
        time.sleep(args.outage / 4)
        logins.append(try_login(base_url))
    time.sleep(max(0.0, suspended + args.outage - time.monotonic()))
    resumed = time.monotonic()
    service("redis.sh", "resume")
    page_cache_back = seconds_until(lambda: page_cache_hit(base_url), resumed)
    session_back = seconds_until(lambda: session_cached(traffic.sessions[0]), resumed)
    time.sleep(max(0.0, resumed + args.outage - time.monotonic()))  # the window after
    windows = {
        "before": traffic.window(suspended - args.outage, suspended),
        "during": traffic.window(suspended, resumed),
        "after": traffic.window(resumed, resumed + args.outage),
    }
    login_ok = sum(1 for login in logins if login["logged_in"])
    lasting = sum(1 for login in logins if login["session"] and account_page(base_url, login))
    refused = [login["message"] for login in logins if not login["logged_in"]]
    recovered = page_cache_back is not None and session_back is not None
    detail = (
        f"pages {statuses_text(windows['during'])} during; p50/p95 ms before / during / "
        f"after: members {latency_text(windows, 'member')}, "
        f"visitor {latency_text(windows, 'visitor')}; "
        f"{login_ok} of {len(logins)} logins during the outage succeeded"
        + (f" (refused: {'; '.join(refused)})" if refused else "")
        + f", {lasting} of their sessions still valid afterwards; page cache hit again after "
        f"{seconds_text(page_cache_back)}, a member's session in Redis again after "
        f"{seconds_text(session_back)}"
    )
    return outcome(
        "Redis",
        args.outage,
        recovered,
        detail,
        windows=windows,
        logins=[
            {key: login[key] for key in ("status", "logged_in", "message")} for login in logins
        ],
        sessions_valid_afterwards=lasting,
        page_cache_back_seconds=page_cache_back,
        session_back_seconds=session_back,
    )


def try_login(base_url):
    """A login as the demo member through allauth's form: whether it succeeded, and the
    message shown when not."""
    try:
        session, response = prod_local.post_login(base_url)
    except (OSError, AttributeError) as error:  # no answer, or no login form
        return {"status": None, "logged_in": False, "message": repr(error), "session": None}
    logged_in = response.status_code == 302
    return {
        "status": response.status_code,
        "logged_in": logged_in,
        "message": "" if logged_in else shown_error(response.text),
        "session": session if logged_in else None,
    }


def shown_error(html):
    found = re.search(r'class="[^"]*(?:error|alert)[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)', html)
    return found.group(1).strip() if found else "(no message found)"


def account_page(base_url, login) -> bool:
    return login["session"].get(f"{base_url}/mijn-account/", timeout=30).status_code == 200


def page_cache_hit(base_url) -> bool:
    """Whether an anonymous request for the home page is answered from the page cache."""
    return requests.get(f"{base_url}/", timeout=30).headers.get("X-KPO-Cache") == "hit"


def session_cached(session) -> bool:
    """Whether a member's session is in Redis again (``cached_db`` keeps a copy there)."""
    from django.conf import settings
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django.core.cache import caches

    key = SessionStore(session_key=session.cookies.get(settings.SESSION_COOKIE_NAME)).cache_key
    return caches[settings.SESSION_CACHE_ALIAS].get(key) is not None


def seconds_until(check, since, timeout=120, interval=0.5):
    """Seconds from ``since`` until ``check`` holds (tried every ``interval``), or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return round(time.monotonic() - since, 1)
        time.sleep(interval)
    return None


def seconds_text(seconds):
    return "NEVER" if seconds is None else f"{seconds} s"


def statuses_text(window):
    bad = window["not 200"]
    return f"{window['requests']} requests, " + ("all 200" if not bad else f"{bad} NOT 200")


def latency_text(windows, who):
    return " / ".join(
        f"{windows[name][who]['p50_ms']}/{windows[name][who]['p95_ms']}"
        for name in ("before", "during", "after")
    )


def store_outage(args, base_url, traffic):
    """Uploads refused with the Dutch message and the typed text kept while the store is
    down, pages without files served; an upload accepted again after the restart, and an
    attachment stored before the outage downloads again."""
    member = prod_local.login(base_url)
    attachment = attachment_path(traffic.accepted)
    service("s3.sh", "suspend")
    suspended = time.monotonic()
    time.sleep(1)
    text = f"Storingstest S3 {time.time_ns()}"
    refusal = traffic.reply(member, text)
    refused = not isinstance(refusal, Exception) and refused_clearly(refusal, text)
    pages = {
        path: member.get(base_url + path, timeout=30).status_code
        for path in ("/", "/kennisbank/", traffic.topic_url, "/mijn-account/")
    }
    download_during = download_status(member, base_url, attachment)
    time.sleep(max(0.0, suspended + args.outage - time.monotonic()))
    resumed = time.monotonic()
    service("s3.sh", "resume")
    attempts = []
    accepted_after = seconds_until(
        lambda: upload_accepted(traffic, member, attempts), resumed, timeout=180, interval=2
    )
    download_after = download_status(member, base_url, attachment)
    during = traffic.window(suspended, resumed)
    detail = (
        f"reply with attachment {status_of(refusal)}, Dutch message and typed text kept "
        f"{yes(refused)}; pages {', '.join(map(str, sorted(set(pages.values()))))} "
        f"(home, kennisbank, thread, account), traffic {statuses_text(during)}; an earlier "
        f"attachment downloads {download_during} during, {download_after} after; upload "
        f"accepted again {seconds_text(accepted_after)} after the restart (attempts: "
        + ", ".join(f"{status} in {seconds} s" for status, seconds in attempts)
        + ")"
    )
    return outcome(
        "S3",
        args.outage,
        refused and accepted_after is not None and download_after == 200,
        detail,
        refusal_status=status_of(refusal),
        refused_with_message=refused,
        pages=pages,
        traffic_during=during,
        download_during=download_during,
        download_after=download_after,
        upload_accepted_after_seconds=accepted_after,
        upload_attempts_after_restart=attempts,
    )


def upload_accepted(traffic, session, attempts) -> bool:
    """Try a reply with an attachment; note its status and duration in ``attempts``."""
    started = time.monotonic()
    response = traffic.reply(session, f"Storingstest S3 {time.time_ns()}")
    attempts.append((status_of(response), round(time.monotonic() - started, 1)))
    return not isinstance(response, Exception) and response.status_code == 302


def status_of(response):
    return repr(response) if isinstance(response, Exception) else response.status_code


def attachment_path(accepted):
    """The download URL of the attachment of a reply accepted earlier, or None."""
    from django.db import close_old_connections
    from django.urls import reverse

    from communities.models import PostAttachment

    close_old_connections()
    item = (
        PostAttachment.objects.filter(post__source__in=accepted)
        .select_related("post__topic__community")
        .first()
    )
    if item is None:
        return None
    community = item.post.topic.community
    return reverse("communities:attachment", args=[community.slug, item.pk, item.filename])


def download_status(session, base_url, path):
    if path is None:
        return "(no attachment yet)"
    return session.get(base_url + path, timeout=60).status_code


def half_saved_replies(refused):
    """Replies refused while the store was down that were saved anyway (must be none)."""
    from communities.models import Post

    return list(Post.objects.filter(source__in=refused).values_list("source", flat=True))


def print_table(results, traffic, lost, half_saved):
    print(f"{'service down':<16}{'seconds':>8}  {'recovered':<10}detail")
    for result in results:
        recovered = "yes" if result["recovered"] else "NO"
        print(f"{result['service']:<16}{result['seconds']:>8}  {recovered:<10}{result['detail']}")
    statuses = ", ".join(
        f"{key}: {value}" for key, value in sorted(traffic.statuses.items(), key=str)
    )
    print(f"responses: {statuses}")
    verdict = "none" if not traffic.bad else f"{len(traffic.bad)}, e.g. {traffic.bad[:3]}"
    print("responses other than 200/302, a clear 503 or a clear upload refusal: " + verdict)
    print(
        f"replies with an uploaded attachment accepted {len(traffic.accepted)}, "
        f"lost (post, attachment or file missing) {len(lost)}; refused with the store's "
        f"message {len(traffic.refused)}, saved anyway {len(half_saved)}"
    )


if __name__ == "__main__":
    main()
