"""A mixed member workload for locust (run it through bench/load_test.py).

Each simulated member logs in once through allauth's form (with its own
X-Forwarded-For address from the documentation ranges, as behind the reverse proxy, so
the per-address login limit applies per member) and then browses theme pages and
knowledge items, reads community threads, searches, downloads documents and posts
replies in its own communities. The URLs come from the plan file that load_test.py
writes (``KPO_LOCUST_PLAN``)."""

import itertools
import json
import os
import random
import re
import time

from locust import HttpUser, between, task

PLAN = json.loads(open(os.environ["KPO_LOCUST_PLAN"]).read())  # noqa: SIM115
NUMBERS = itertools.count()
REPLY_INTERVAL = 15
SEARCH_TERMS = ["bibob", "vastgoed", "witwassen", "buitengebied", "drugslab", "horeca", "apv"]


class Member(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        number = next(NUMBERS)
        self.rng = random.Random(number)
        self.member = PLAN["members"][number % len(PLAN["members"])]
        self.last_reply = -REPLY_INTERVAL
        self.client.headers["X-Forwarded-For"] = f"203.0.113.{number % 250 + 1}"
        page = self.client.get("/accounts/login/", name="login form")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        self.client.post(
            "/accounts/login/",
            data={
                "csrfmiddlewaretoken": token,
                "login": self.member["email"],
                "password": PLAN["password"],
            },
            name="login",
        )

    @task(3)
    def theme_page(self):
        self.client.get(self.rng.choice(PLAN["themes"]), name="theme page")

    @task(4)
    def knowledge_item(self):
        self.client.get(self.rng.choice(PLAN["items"]), name="knowledge item")

    @task(2)
    def thread(self):
        self.client.get(self.rng.choice(self.member["topics"]), name="community thread")

    @task(3)
    def search(self):
        term = self.rng.choice(SEARCH_TERMS)
        self.client.get(f"/api/zoeken/?q={term}", name="search API")

    @task(1)
    def download(self):
        self.client.get(self.rng.choice(PLAN["documents"]), name="download")

    @task(1)
    def post_reply(self):
        """At most one reply per REPLY_INTERVAL seconds, as a person writes them (and within
        the communities' limit of 5 posts a minute per member, which answers 400)."""
        if time.monotonic() - self.last_reply < REPLY_INTERVAL:
            return
        self.last_reply = time.monotonic()
        topic = self.rng.choice(self.member["topics"])
        self.client.get(topic, name="community thread")
        with self.client.post(
            f"{topic}reageren/",
            data={
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
                "source": f"Reactie van {self.member['email']} in de belasting­test.",
            },
            name="post reply",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and "reactie" in response.text.lower():
                response.success()
