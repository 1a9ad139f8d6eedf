"""Factories for the project-wide models, used by the tests and the demo loader."""

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.rich_text import RichText

from kpo.models import ApprovalStatus, HomePage, Organisation, StandardPage, Theme, User

TEST_PASSWORD = "kpo-test-password"  # noqa: S105


def paragraph_body(*paragraphs):
    """StreamField data for a body made of plain paragraphs."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Gemeente Voorbeeld {n}")
    kind = Organisation.Kind.MUNICIPALITY

    class Meta:
        model = Organisation
        django_get_or_create = ["name"]


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))

    class Meta:
        model = Theme
        django_get_or_create = ["slug"]


def activate_totp(user):
    """Give ``user`` a TOTP authenticator (as after MFA setup); returns the secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


class UserFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"professional{n}@gemeente.example")
    full_name = factory.Faker("name", locale="nl_NL")
    job_title = factory.Faker(
        "random_element", elements=["Beleidsadviseur", "Analist", "Jurist", "Toezichthouder"]
    )
    organisation = factory.SubFactory(OrganisationFactory)
    is_approved = True
    approval_status = factory.LazyAttribute(
        lambda user: ApprovalStatus.APPROVED if user.is_approved else ApprovalStatus.PENDING
    )
    password = factory.django.Password(TEST_PASSWORD)

    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    @factory.post_generation
    def mfa(obj, create, extracted, **kwargs):
        """Staff must use MFA, so staff and superusers get an authenticator unless
        ``mfa=False`` is passed."""
        wanted = extracted if extracted is not None else obj.is_staff or obj.is_superuser
        if create and wanted:
            activate_totp(obj)


class VerifiedUserFactory(UserFactory):
    """A user whose email address allauth considers verified, so they can log in."""

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.update_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class StaffUserFactory(VerifiedUserFactory):
    """A staff member in one of the role groups (``group``), with MFA set up."""

    is_staff = True

    @factory.post_generation
    def group(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.add(Group.objects.get(name=extracted))


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Kennisplatform Ondermijning"
    slug = "home"
    intro = "De plek waar kennis, samenwerking en leren samenkomen."
    pillars = factory.LazyFunction(list)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = factory.Faker("sentence", nb_words=12, locale="nl_NL")
    body = factory.LazyFunction(lambda: paragraph_body("Tekst van de pagina."))

    class Meta:
        model = StandardPage
