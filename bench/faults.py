"""Fault test against `make prod-local`: stop and restart Elasticsearch, PostgreSQL and the
task worker while members keep browsing, searching and posting.

Checks, and prints as a table (saved as bench/results/faults.json):
- no response other than 200/302, or a clear 503 "tijdelijk niet beschikbaar" with
  Retry-After while the database is down (a 503 at any other time counts as an error,
  a 500 always does);
- every reply the site accepted (a redirect after the post), each with a PDF attachment
  uploaded with it, is in the database afterwards, and so is its file in storage;
- emails queued while the worker was down (a password reset request and the replies'
  notifications) are all delivered after it restarts, and the index update of a page
  published meanwhile reaches Elasticsearch;
- index updates postponed while Elasticsearch was down reach it after it is back.

    make prod-local
    .venv/bin/python bench/faults.py [--outage 20]
"""

import argparse
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

try:
    from bench import prod_local
except ModuleNotFoundError:  # run as a script: bench/ is on sys.path
    import prod_local

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ROOT / "scripts" / "services"
REPLY_INTERVAL = 15


class Traffic:
    """Members browsing, searching and replying in a loop until stopped."""

    def __init__(self, base_url, sessions, topic_url):
        self.base_url = base_url
        self.sessions = sessions
        self.topic_url = topic_url
        self.statuses = Counter()
        self.bad = []
        self.accepted = []
        self.running = True
        self.lock = threading.Lock()
        self.phase = "running"  # the service that is down, or "running"

    def loop(self, session, number):
        paths = ["/", "/kennisbank/", "/api/zoeken/?q=bibob", self.topic_url]
        sequence, last_reply = 0, 0.0
        while self.running:
            sequence += 1
            path = paths[sequence % len(paths)]
            self.record(path, self.get(session, path))
            # One member posts, within the rate limit of 5 posts a minute per member.
            if number == 0 and time.monotonic() - last_reply > REPLY_INTERVAL:
                last_reply = time.monotonic()
                self.reply(session, f"Storingstest {number}-{sequence} {time.time_ns()}")
            time.sleep(0.2)

    def get(self, session, path):
        try:
            return session.get(self.base_url + path, timeout=30, allow_redirects=False)
        except OSError as error:
            return error

    def reply(self, session, text):
        """A reply with a PDF attachment (an upload) named after the text."""
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
            return
        self.record("reply", response)
        if response.status_code == 302:
            with self.lock:
                self.accepted.append(text)

    def record(self, path, response):
        with self.lock:
            if isinstance(response, Exception):
                self.statuses["connection error"] += 1
                self.bad.append((path, repr(response)))
                return
            self.statuses[response.status_code] += 1
            if not acceptable(response, database_down=self.phase == "PostgreSQL"):
                self.bad.append((path, response.status_code, self.phase))

    def start(self):
        self.threads = [
            threading.Thread(target=self.loop, args=(session, number), daemon=True)
            for number, session in enumerate(self.sessions)
        ]
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join(timeout=60)


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
        choices=["elasticsearch", "worker", "postgresql"],
        default=["elasticsearch", "worker", "postgresql"],
    )
    args = parser.parse_args()
    prod_local.setup_django()
    base_url = prod_local.load_env()
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
    }
    for name in args.services:
        phase, outage = outages[name]
        traffic.phase = phase
        results.append(outage())
        traffic.phase = "running"
        time.sleep(5)
    time.sleep(5)
    traffic.stop()

    close_old_connections()
    lost = lost_replies(traffic.accepted)
    print_table(results, traffic, lost)
    output = prod_local.save(
        "faults",
        {
            "outage_seconds": args.outage,
            "services": [
                {"service": name, "recovered": ok, "detail": detail}
                for name, _seconds, ok, detail in results
            ],
            "statuses": {str(key): value for key, value in traffic.statuses.items()},
            "unacceptable": traffic.bad[:50],
            "posts_accepted": len(traffic.accepted),
            "posts_lost": len(lost),
        },
    )
    print(f"saved {output.relative_to(ROOT)}")


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
    return (
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
    return (
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
    return ("PostgreSQL", args.outage, recovered, detail)


def print_table(results, traffic, lost):
    print(f"{'service down':<16}{'seconds':>8}  {'recovered':<10}detail")
    for name, seconds, ok, detail in results:
        print(f"{name:<16}{seconds:>8}  {'yes' if ok else 'NO':<10}{detail}")
    statuses = ", ".join(
        f"{key}: {value}" for key, value in sorted(traffic.statuses.items(), key=str)
    )
    print(f"responses: {statuses}")
    verdict = "none" if not traffic.bad else f"{len(traffic.bad)}, e.g. {traffic.bad[:3]}"
    print(f"responses other than 200/302 or a clear 503: {verdict}")
    print(
        f"replies with an uploaded attachment accepted {len(traffic.accepted)}, "
        f"lost (post, attachment or file missing) {len(lost)}"
    )


if __name__ == "__main__":
    main()
