"""The demo loader: real-looking content from the curated texts in fixtures/, built with
the factories and a fixed seed. Every step looks up what it would create first, so
running it again changes nothing."""

import json
import random
from dataclasses import dataclass

import factory.random
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from kpo import roles
from kpo.factories import (
    HomePageFactory,
    OrganisationFactory,
    StandardPageFactory,
    ThemeFactory,
    paragraph_body,
)
from kpo.models import (
    AllowedEmailDomain,
    ApprovalStatus,
    HomePage,
    Organisation,
    SiteFooterSettings,
    Theme,
    User,
)

SEED = 20201101
FIXTURES = settings.BASE_DIR / "fixtures"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    organisation: str
    job_title: str
    group: str | None = None
    superuser: bool = False
    expertise: str = ""
    themes: tuple[str, ...] = ()


DEMO_ACCOUNTS = [
    DemoAccount(
        "beheerder@kpo.example",
        "Bea Bakker",
        "LIEC",
        "Platformbeheerder",
        roles.ADMINISTRATORS,
        superuser=True,
    ),
    DemoAccount(
        "redacteur@kpo.example",
        "Ruben de Vries",
        "RIEC Den Haag",
        "Communicatieadviseur",
        roles.EDITORS,
    ),
    DemoAccount(
        "redactieraad@kpo.example",
        "Renée Jansen",
        "RIEC Noord-Nederland",
        "Senior adviseur ondermijning",
        roles.EDITORIAL_BOARD,
    ),
    DemoAccount(
        "communitymanager@kpo.example",
        "Carla Visser",
        "LIEC",
        "Community manager Learning & Development",
        roles.COMMUNITY_MANAGERS,
    ),
    DemoAccount(
        "lid@kpo.example",
        "Lars Mulder",
        "Gemeente Utrecht",
        "Beleidsadviseur ondermijning",
        expertise="Leegstaande agrarische panden, weerbaar buitengebied, Bibob-adviezen",
        themes=("Buitengebied", "Wet Bibob", "Criminele geldstromen en witwassen"),
    ),
    DemoAccount(
        "nieuw@kpo.example",
        "Noor El Amrani",
        "Gemeente Tilburg",
        "Toezichthouder",
        expertise="Toezicht op horeca en vakantieparken",
        themes=("Horeca", "Vakantieparken"),
    ),
]

# An application waiting in the beheerder's approval queue (not an allowlisted domain).
DEMO_APPLICANT = {
    "email": "aanvrager@adviesbureau.example",
    "full_name": "Sam de Wit",
    "organisation_other": "Adviesbureau Integriteit",
    "job_title": "Integriteitsadviseur",
    "join_reason": "Ik adviseer gemeenten over Bibob-toetsen en wil kennis uitwisselen.",
}


# Email domains of RIEC participants whose accounts are approved after verification.
DEMO_EMAIL_DOMAINS = {
    "politie.nl": "Politie",
    "om.nl": "Openbaar Ministerie",
    "belastingdienst.nl": "Belastingdienst",
    "nlarbeidsinspectie.nl": "Nederlandse Arbeidsinspectie",
    "douane.nl": "Douane",
    "uwv.nl": "UWV",
    "utrecht.nl": "Gemeente Utrecht",
    "denhaag.nl": "Gemeente Den Haag",
    "groningen.nl": "Gemeente Groningen",
    "tilburg.nl": "Gemeente Tilburg",
    "gelderland.nl": "Provincie Gelderland",
    "riec.nl": None,
}


def read_fixture(name):
    with open(FIXTURES / name, encoding="utf-8") as handle:
        return json.load(handle)


def publish(page):
    """Give a freshly created page a first revision and publish it, as an editor would."""
    page.save_revision().publish()
    return page


def ensure_child(parent, factory_class, slug, **fields):
    """Return the child of ``parent`` with ``slug``, creating and publishing it if absent."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    return publish(factory_class(parent=parent, slug=slug, **fields))


def load_organisations():
    for item in read_fixture("organisations.json"):
        OrganisationFactory(name=item["name"], kind=item["kind"])


def load_themes():
    for name in read_fixture("themes.json"):
        ThemeFactory(name=name, slug=slugify(name))


def load_email_domains():
    for domain, organisation in DEMO_EMAIL_DOMAINS.items():
        AllowedEmailDomain.objects.get_or_create(
            domain=domain,
            defaults={"organisation": Organisation.objects.filter(name=organisation).first()},
        )


def load_accounts(password):
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email=account.email).first()
        if user is None:
            user = User.objects.create_user(
                email=account.email,
                password=password,
                full_name=account.full_name,
                organisation=Organisation.objects.get(name=account.organisation),
                job_title=account.job_title,
                is_approved=True,
                approval_status=ApprovalStatus.APPROVED,
                is_staff=account.superuser,
                is_superuser=account.superuser,
                expertise=account.expertise,
            )
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            user.themes.set(Theme.objects.filter(name__in=account.themes))
        if account.group:
            user.groups.add(Group.objects.get(name=account.group))


def load_applicant():
    if User.objects.filter(email=DEMO_APPLICANT["email"]).exists():
        return
    user = User.objects.create_user(password=None, **DEMO_APPLICANT)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


def load_home_page():
    """The site's root page: a HomePage replacing Wagtail's default welcome page."""
    home = HomePage.objects.first()
    content = read_fixture("pages.json")["home"]
    if home is None:
        root = Page.get_first_root_node()
        home = publish(
            HomePageFactory(
                parent=root, slug="startpagina", title=content["title"], intro=content["intro"]
            )
        )
    for site in Site.objects.exclude(root_page=home):
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    if not Site.objects.exists():
        Site.objects.create(
            hostname="localhost",
            port=8000,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    return home


def add_pillars(home, sections):
    """Link the home page's three pillars to the section pages, once."""
    if len(home.pillars):
        return
    pillars = read_fixture("pages.json")["home"]["pillars"]
    home.pillars = [
        (
            "pillar",
            {
                "title": item["title"],
                "text": item["text"],
                "page": sections[item["section"]],
                "url": "",
            },
        )
        for item in pillars
    ]
    publish(home)


def fixture_body(items):
    """StreamField data for a body in the fixtures: a text is a paragraph, an object
    ``{"heading": …}`` a tussenkop (h2)."""
    return [
        ("heading", {"text": item["heading"], "level": "h2"})
        if isinstance(item, dict)
        else paragraph_body(item)[0]
        for item in items
    ]


def load_standard_pages(home):
    pages = {}
    for item in read_fixture("pages.json")["standard"]:
        pages[item["slug"]] = ensure_child(
            home,
            StandardPageFactory,
            item["slug"],
            title=item["title"],
            intro=item["intro"],
            body=fixture_body(item["body"]),
        )
    return pages


def load_footer(home, standard_pages):
    footer = SiteFooterSettings.for_site(Site.objects.get(root_page=home))
    if footer.accessibility_page_id is None:
        footer.accessibility_page = standard_pages["toegankelijkheidsverklaring"]
        footer.privacy_page = standard_pages["privacyverklaring"]
        footer.contact_email = read_fixture("pages.json")["contact_email"]
        footer.save()


@transaction.atomic
def load_demo(password):
    """Load all demo content. Safe to run any number of times."""
    from academie.demo import load_academie
    from communities.demo import load_communities
    from kennisbank.demo import load_kennisbank
    from search.demo import load_synonyms

    random.seed(SEED)
    factory.random.reseed_random(SEED)
    load_organisations()
    load_themes()
    load_email_domains()
    load_accounts(password)
    load_applicant()
    home = load_home_page()
    sections = {
        "kennisbank": load_kennisbank(home),
        "communities": load_communities(home),
        "academie": load_academie(home),
    }
    add_pillars(home, sections)
    load_footer(home, load_standard_pages(home))
    load_synonyms()
