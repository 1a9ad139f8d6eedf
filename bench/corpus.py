"""A reusable, seeded synthetic corpus on top of the demo content: knowledge items
(handreikingen and factsheets tagged with themes), approved members with community
memberships, and community topics with replies.

The same arguments and seed always give the same corpus. Rows are inserted in bulk (tens
of thousands per minute), bypassing page signals, so search documents are built at the
end in one pass (``index=True``). Running it again only adds what is missing.

In Python (Django set up, demo loaded)::

    from bench.corpus import build_corpus
    build_corpus(items=10_000, members=5_000)

From the shell (uses ``DJANGO_SETTINGS_MODULE`` and ``DATABASE_URL``, loads the demo first)::

    .venv/bin/python bench/corpus.py --items 10000 --members 5000 [--no-index]
"""

import argparse
import datetime
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 20260401
ITEM_PREFIX = "corpus-"
MEMBER_DOMAIN = "corpus.kpo.example"
BATCH = 1000
DOWNLOADABLE_ITEMS = 20

SUBJECTS = [
    "drugslabs in leegstaande stallen",
    "witwassen via vastgoed",
    "arbeidsuitbuiting in de logistiek",
    "de Wet Bibob bij horecavergunningen",
    "ondermijning op vakantieparken",
    "criminele geldstromen en cryptovaluta",
    "underground banking",
    "bestuurlijk afpakken",
    "de APV en sluitingsbevoegdheden",
    "integriteit van nieuwe raadsleden",
    "jonge aanwas in de drugshandel",
    "zorgcriminaliteit en pgb-fraude",
    "outlaw motorcycle gangs",
    "malafide autobedrijven",
    "weerbare bedrijventerreinen",
    "informatiedeling onder de Wgs",
    "mensenhandel en seksuele uitbuiting",
    "publiek-private samenwerking in havens",
    "cash compensatie in de handel",
    "signalen in het buitengebied",
]
AUDIENCES = [
    "gemeentelijke juristen",
    "toezichthouders",
    "wijkagenten",
    "beleidsmedewerkers openbare orde",
    "analisten",
    "burgemeesters en wethouders",
]
PLACES = ["Noord-Nederland", "Oost-Brabant", "Limburg", "Zeeland-West-Brabant", "Den Haag"]
HANDREIKING_KINDS = ["handreiking", "handboek", "kennisdocument", "tool", "rapport"]


@dataclass
class CorpusSummary:
    items: int
    members: int
    topics: int
    posts: int
    search_documents: int | None


def text_generator(seed):
    from faker import Faker

    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    return fake


def build_corpus(
    items=10_000,
    members=5_000,
    topics=None,
    replies_per_topic=4,
    seed=SEED,
    index=True,
    log=print,
):
    """Add the corpus to the current database (the demo must be loaded); return counts.

    ``topics`` defaults to one topic per five items."""
    rng = random.Random(seed)
    fake = text_generator(seed)
    topics = items // 5 if topics is None else topics
    member_ids = add_members(members, rng, log)
    add_items(items, rng, fake, log)
    add_downloads(rng, log)
    new_topics, new_posts = add_conversations(topics, replies_per_topic, member_ids, rng, fake, log)
    documents = rebuild_search_index(log) if index else None
    return CorpusSummary(items, len(member_ids), new_topics, new_posts, documents)


# --- members ---


def add_members(count, rng, log):
    """Approved members ``lid00001@corpus.kpo.example``… with a verified address, the demo
    password, and one to three active community memberships each. Return all their ids."""
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from communities.models import Community, CommunityType, Membership, MembershipStatus
    from kpo.models import ApprovalStatus, Organisation, User

    password = make_password(settings.KPO_DEMO_PASSWORD)
    organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    communities = list(
        Community.objects.exclude(type=CommunityType.HIDDEN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    existing = set(
        User.objects.filter(email__endswith=f"@{MEMBER_DOMAIN}").values_list("email", flat=True)
    )
    emails = [member_email(number) for number in range(1, count + 1)]
    missing = [email for email in emails if email not in existing]
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        with transaction.atomic():
            users = User.objects.bulk_create(
                [
                    User(
                        email=email,
                        password=password,
                        full_name=f"Corpuslid {email.split('@')[0][3:]}",
                        organisation_id=rng.choice(organisations) if organisations else None,
                        job_title=rng.choice(AUDIENCES).capitalize(),
                        is_approved=True,
                        approval_status=ApprovalStatus.APPROVED,
                    )
                    for email in batch
                ]
            )
            EmailAddress.objects.bulk_create(
                [
                    EmailAddress(user=user, email=user.email, verified=True, primary=True)
                    for user in users
                ]
            )
            Membership.objects.bulk_create(
                [
                    Membership(community_id=community, user=user, status=MembershipStatus.ACTIVE)
                    for user in users
                    for community in rng.sample(communities, min(len(communities), 3))[
                        : rng.randint(1, 3)
                    ]
                ]
            )
        log(f"members: {start + len(batch)}/{len(missing)}")
    return list(User.objects.filter(email__in=emails).order_by("pk").values_list("pk", flat=True))


def member_email(number):
    return f"lid{number:05d}@{MEMBER_DOMAIN}"


# --- knowledge items ---


def add_items(count, rng, fake, log):
    """Handreikingen (40%) and factsheets under the kennisbank, live, tagged with one to
    three themes, two thirds for members only. Inserted in bulk, table by table."""
    from kennisbank.models import KennisbankIndexPage, ProductPage

    parent = KennisbankIndexPage.objects.live().first()
    if parent is None:
        raise SystemExit("The demo content is missing: run `manage.py kpo_demo` first.")
    existing = set(
        ProductPage.objects.filter(external_id__startswith=ITEM_PREFIX).values_list(
            "external_id", flat=True
        )
    )
    themes = theme_ids()
    numbers = list(range(1, count + 1))
    for start in range(0, count, BATCH):
        batch = numbers[start : start + BATCH]
        # Draw every item's values, also of existing ones, so the sequence stays the same.
        drawn = [(number, draw_item(number, rng, fake, themes)) for number in batch]
        new = [(number, item) for number, item in drawn if item_id(number) not in existing]
        if new:
            insert_items(parent, new)
        log(f"items: {start + len(batch)}/{count}")


def theme_ids():
    from kpo.models import Theme

    return list(Theme.objects.order_by("pk").values_list("pk", flat=True))


def item_id(number):
    return f"{ITEM_PREFIX}{number:06d}"


def draw_item(number, rng, fake, themes):
    subject = rng.choice(SUBJECTS)
    is_handreiking = rng.random() < 0.4
    kind = rng.choice(HANDREIKING_KINDS) if is_handreiking else "factsheet"
    title = f"{kind.capitalize()} {subject} ({rng.choice(PLACES)}) {number}"
    return {
        "kind": kind,
        "title": title,
        "summary": f"Over {subject} voor {rng.choice(AUDIENCES)}. {fake.sentence(nb_words=12)}",
        "paragraphs": [fake.paragraph(nb_sentences=4) for _ in range(rng.randint(2, 4))],
        "visibility": "public" if rng.random() < 1 / 3 else "members",
        "themes": rng.sample(themes, rng.randint(1, min(3, len(themes)))) if themes else [],
        "date": datetime.date(2020, 11, 1) + datetime.timedelta(days=rng.randint(0, 2000)),
        "audience": rng.choice(AUDIENCES),
    }


def build_page(number, item):
    from django.utils import timezone

    from kennisbank.models import FactsheetPage, HandreikingPage
    from kpo.factories import paragraph_body

    common = {
        "title": item["title"],
        "draft_title": item["title"],
        "slug": f"{item_id(number)}",
        "summary": item["summary"],
        "body": paragraph_body(*item["paragraphs"]),
        "visibility": item["visibility"],
        "publication_date": item["date"],
        "product_type": item["kind"],
        "external_id": item_id(number),
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": timezone.now(),
        "last_published_at": timezone.now(),
    }
    if item["kind"] == "factsheet":
        return FactsheetPage(**common)
    return HandreikingPage(kind=item["kind"], audience=item["audience"], version="1.0", **common)


def insert_items(parent, numbered_items):
    """Insert the drawn items as live pages under ``parent`` with their theme tags."""
    pages = []
    for number, item in numbered_items:
        page = build_page(number, item)
        page.themes_to_set = item["themes"]
        pages.append(page)
    insert_pages(parent, pages)


def insert_pages(parent, pages):
    """Insert unsaved pages as Wagtail would store them: tree paths after the parent's last
    child, one row per table of the page's inheritance chain, then the theme tags of pages
    that have ``themes_to_set``."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page

    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = parent.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        for offset, page in enumerate(pages, start=1):
            page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.content_type = ContentType.objects.get_for_model(type(page))
            page.live = True
            page.translation_key = uuid.uuid4()
        insert_inheritance_chain(pages)
        links = {}
        for page in pages:
            through = type(page).themes.through
            links.setdefault(through, []).extend(
                through(**{f"{through_source(through)}_id": page.pk, "theme_id": theme})
                for theme in getattr(page, "themes_to_set", ())
            )
        for through, rows in links.items():
            through.objects.bulk_create(rows)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
        list_products(pages)


def list_products(pages):
    """Add the bulk-inserted products among ``pages`` to the theme pages' list table (which
    publishing keeps)."""
    from kennisbank import theme_listing
    from kennisbank.models import ProductPage, ThemeProduct

    product_ids = [page.pk for page in pages if isinstance(page, ProductPage)]
    if product_ids:
        theme_listing.refill(ThemeProduct, ProductPage, product_ids)


def through_source(through) -> str:
    """The name of the page side of a themes through table (productpage, newspage…)."""
    return next(field.name for field in through._meta.fields if field.name not in ("id", "theme"))


def insert_inheritance_chain(pages):
    """Multi-table inheritance has no bulk_create: insert each table's own columns."""
    from wagtail.models import Page

    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    fields = base_fields()
    base_rows = [Page(**{f.attname: getattr(page, f.attname) for f in fields}) for page in pages]
    Page.objects.bulk_create(base_rows)
    for page, row in zip(pages, base_rows, strict=True):
        page.id = row.pk
        for model in [type(page), *type(page)._meta.get_parent_list()]:
            for link in model._meta.parents.values():
                setattr(page, link.attname, row.pk)
    for model, group in by_class.items():
        for table in reversed(model._meta.get_parent_list()):
            if table is Page:
                continue
            insert_rows(table, group)
        insert_rows(model, group)


def base_fields():
    from wagtail.models import Page

    return [field for field in Page._meta.concrete_fields if not field.primary_key]


def insert_rows(model, objects):
    model._base_manager._insert(objects, fields=model._meta.local_concrete_fields, using="default")


def add_downloads(rng, log):
    """A PDF on the first handreikingen, attached as an editor would (revision, reference
    index), so the load test can download documents members may see."""
    from kennisbank.demo import pdf_document
    from kennisbank.models import HandreikingDocument, HandreikingPage

    pages = HandreikingPage.objects.filter(external_id__startswith=ITEM_PREFIX).order_by(
        "external_id"
    )[:DOWNLOADABLE_ITEMS]
    for page in pages:
        if page.documents.exists():
            continue
        document = pdf_document(f"Bijlage bij {page.title}", page.summary)
        page.documents.add(HandreikingDocument(document=document))
        page.save_revision().publish()
    log(f"downloads: {len(pages)} handreikingen with a PDF")


# --- community conversations ---


def add_conversations(count, replies, member_ids, rng, fake, log):
    """Topics by corpus members in the communities they belong to, each with an opening
    post and ``replies`` replies. Return how many topics and posts were added."""
    from django.db import transaction
    from django.utils import timezone

    from communities.models import Membership, MembershipStatus, Post, Topic
    from kpo.sanitize import sanitize_html, text_to_html

    if not member_ids:
        return 0, 0
    existing = Topic.objects.filter(title__startswith="Corpusvraag ").count()
    memberships = {}
    for user_id, community_id in Membership.objects.filter(
        user_id__in=member_ids, status=MembershipStatus.ACTIVE
    ).values_list("user_id", "community_id"):
        memberships.setdefault(community_id, []).append(user_id)
    communities = sorted(memberships)
    new_topics = new_posts = 0
    for start in range(existing, count, BATCH):
        numbers = range(start + 1, min(count, start + BATCH) + 1)
        with transaction.atomic():
            drafts = []
            for number in numbers:
                community = communities[number % len(communities)]
                authors = memberships[community]
                drafts.append(
                    (
                        Topic(
                            community_id=community,
                            author_id=rng.choice(authors),
                            kind="question" if number % 3 == 0 else "discussion",
                            title=f"Corpusvraag {number}: {rng.choice(SUBJECTS)}",
                            reply_count=replies,
                            last_activity_at=timezone.now(),
                        ),
                        [rng.choice(authors) for _ in range(replies + 1)],
                        [fake.paragraph(nb_sentences=3) for _ in range(replies + 1)],
                    )
                )
            created = Topic.objects.bulk_create([topic for topic, _a, _t in drafts])
            posts = [
                Post(
                    topic=topic,
                    author_id=author,
                    is_opening=position == 0,
                    source=text,
                    body=sanitize_html(text_to_html(text)),
                )
                for topic, (_t, authors, texts) in zip(created, drafts, strict=True)
                for position, (author, text) in enumerate(zip(authors, texts, strict=True))
            ]
            Post.objects.bulk_create(posts)
        new_topics += len(created)
        new_posts += len(posts)
        log(f"topics: {start + len(created)}/{count}")
    return new_topics, new_posts


# --- search ---


def rebuild_search_index(log):
    """Build every search document (and the Elasticsearch index, if configured)."""
    from django.core.management import call_command

    from search.models import SearchDocument

    log("search index: rebuilding")
    call_command("kpo_search_index", "rebuild", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return SearchDocument.objects.count()


# --- command line ---


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpo.settings.dev")
    import django

    django.setup()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=5_000)
    parser.add_argument("--topics", type=int, default=None)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-index", action="store_true", help="skip the search index rebuild")
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("kpo_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    started = time.monotonic()
    summary = build_corpus(
        items=args.items,
        members=args.members,
        topics=args.topics,
        seed=args.seed,
        index=not args.no_index,
        log=lambda message: print(f"{time.monotonic() - started:7.1f}s {message}", flush=True),
    )
    print(summary)


if __name__ == "__main__":
    main()
