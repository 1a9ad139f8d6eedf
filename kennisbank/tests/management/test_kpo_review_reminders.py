import datetime
import io
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.utils import timezone

from kennisbank.factories import HandreikingPageFactory, ThemaPageFactory
from kennisbank.models import ReviewReminder
from kpo import roles
from kpo.factories import StaffUserFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def days(number):
    return timezone.localdate() + datetime.timedelta(days=number)


def editor(email, **fields):
    return StaffUserFactory(email=email, group=roles.EDITORS, mfa=False, **fields)


def board_member(email, **fields):
    return StaffUserFactory(email=email, group=roles.EDITORIAL_BOARD, mfa=False, **fields)


def outbox():
    """``{recipient: body}`` of the emails sent, one per recipient."""
    bodies = {}
    for message in mail.outbox:
        assert len(message.to) == 1
        assert message.to[0] not in bodies, f"{message.to[0]} got two emails"
        bodies[message.to[0]] = message.body
    return bodies


def test_each_owner_gets_one_email_listing_their_pages_due(kennisbank):
    owner = editor("ambassadeur@riec.example")
    other = editor("ander@riec.example")
    HandreikingPageFactory(parent=kennisbank, title="APV", owner=owner, review_date=days(0))
    HandreikingPageFactory(parent=kennisbank, title="Bibob", owner=owner, review_date=days(29))
    HandreikingPageFactory(parent=kennisbank, title="Later", owner=other, review_date=days(90))

    call_command("kpo_review_reminders")

    assert [message.to for message in mail.outbox] == [[owner.email]]
    body = mail.outbox[0].body
    assert "APV" in body and "Bibob" in body and "Later" not in body
    assert "/admin/pages/" in body and "/admin/reports/te-herzien/" in body


@pytest.fixture
def mensenhandel(kennisbank):
    """A theme whose content owner is Ilse."""
    theme = ThemeFactory(name="Mensenhandel")
    ThemaPageFactory(parent=kennisbank, theme=theme, content_owner=editor("ilse@riec.example"))
    return theme


def test_owner_content_owner_and_board_each_get_their_own_pages(kennisbank, mensenhandel):
    owner = editor("olga@riec.example")
    left = editor("vertrokken@riec.example")
    board_member("renee@riec.example")
    board_member("bram@riec.example")
    board_member("oud-lid@riec.example", is_active=False)
    HandreikingPageFactory(
        parent=kennisbank, title="Eigen pagina", owner=owner, review_date=days(-5)
    )
    HandreikingPageFactory(
        parent=kennisbank,
        title="Van vertrokken",
        owner=left,
        review_date=days(1),
        themes=[mensenhandel],
    )
    HandreikingPageFactory(
        parent=kennisbank, title="Meldroutekaart", review_date=days(2), themes=[mensenhandel]
    )
    HandreikingPageFactory(parent=kennisbank, title="Weeskind", review_date=days(3))
    left.is_active = False
    left.save()

    call_command("kpo_review_reminders")

    bodies = outbox()
    assert set(bodies) == {
        "olga@riec.example",
        "ilse@riec.example",
        "renee@riec.example",
        "bram@riec.example",
    }
    assert "Eigen pagina" in bodies["olga@riec.example"]
    assert "Waarom jij: eigenaar." in bodies["olga@riec.example"]
    assert "verlopen" in bodies["olga@riec.example"]
    ilse = bodies["ilse@riec.example"]
    assert "Van vertrokken" in ilse and "Meldroutekaart" in ilse and "Weeskind" not in ilse
    assert "inhoudelijk eigenaar van het thema Mensenhandel" in ilse
    for member in ("renee@riec.example", "bram@riec.example"):
        assert "Weeskind" in bodies[member] and "Meldroutekaart" not in bodies[member]
        assert "Redactieraad" in bodies[member]
    assert ReviewReminder.objects.count() == 5


def test_a_second_run_in_the_same_period_sends_nothing_a_new_review_date_sends_again(kennisbank):
    owner = editor("olga@riec.example")
    page = HandreikingPageFactory(parent=kennisbank, title="APV", owner=owner, review_date=days(3))
    call_command("kpo_review_reminders")
    assert len(mail.outbox) == 1

    call_command("kpo_review_reminders")
    assert len(mail.outbox) == 1

    page.review_date = days(10)
    page.save()
    call_command("kpo_review_reminders")

    assert len(mail.outbox) == 2
    assert "APV" in mail.outbox[1].body
    assert ReviewReminder.objects.filter(page=page, recipient=owner).count() == 2


def test_a_page_reassigned_after_its_reminder_reaches_the_new_owner(kennisbank):
    first = editor("eerste@riec.example")
    second = editor("tweede@riec.example")
    page = HandreikingPageFactory(parent=kennisbank, owner=first, review_date=days(3))
    call_command("kpo_review_reminders")

    page.owner = second
    page.save()
    call_command("kpo_review_reminders")

    assert [message.to for message in mail.outbox] == [[first.email], [second.email]]


def test_a_failed_send_is_not_recorded_and_is_tried_again(kennisbank, settings):
    owner = editor("olga@riec.example")
    HandreikingPageFactory(parent=kennisbank, owner=owner, review_date=days(3))
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"

    with pytest.raises(CommandError, match="niet verstuurd"):
        call_command("kpo_review_reminders")

    assert not ReviewReminder.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("kpo_review_reminders")
    assert [message.to for message in mail.outbox] == [[owner.email]]


def test_without_anyone_responsible_and_no_board_the_command_says_so(kennisbank):
    HandreikingPageFactory(parent=kennisbank, title="Weeskind", review_date=days(-1))
    errors = io.StringIO()

    call_command("kpo_review_reminders", stderr=errors)

    assert mail.outbox == []
    assert "Weeskind" in errors.getvalue() and "Redactieraad" in errors.getvalue()
    assert not ReviewReminder.objects.exists()


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("verbinding verbroken")
