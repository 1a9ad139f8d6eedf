"""Trainings with dates: seats, the waiting list, cancelling, emails, reminders, iCal."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from academie import trainings
from academie.factories import (
    TrainingPageFactory,
    TrainingRegistrationFactory,
    TrainingSessionFactory,
)
from academie.models import RegistrationStatus, TrainingRegistration
from kpo.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db

CONFIRMED = RegistrationStatus.CONFIRMED
WAITING = RegistrationStatus.WAITING
CANCELLED = RegistrationStatus.CANCELLED


@pytest.fixture
def training(academie):
    return TrainingPageFactory(
        parent=academie,
        title="Kennisevent Bibob",
        slug="kennisevent-bibob",
        intro="De jaarlijkse bijeenkomst over de Wet Bibob.",
    )


@pytest.fixture
def session(training):
    return TrainingSessionFactory(page=training, capacity=2, title="Utrecht")


def members(count):
    return [
        VerifiedUserFactory(email=f"deelnemer{n}@gemeente.example", full_name=f"Deelnemer {n}")
        for n in range(1, count + 1)
    ]


def register_url(session):
    return reverse("academie:session_register", args=[session.pk])


def cancel_url(session):
    return reverse("academie:session_cancel", args=[session.pk])


def statuses(session):
    return [
        (r.user.full_name, r.status)
        for r in session.registrations.select_related("user").order_by("registered_at", "pk")
    ]


def test_members_take_seats_until_full_then_join_the_waiting_list(session):
    first, second, third, fourth = members(4)
    for user in (first, second, third, fourth):
        trainings.register(user, session)
    assert statuses(session) == [
        ("Deelnemer 1", CONFIRMED),
        ("Deelnemer 2", CONFIRMED),
        ("Deelnemer 3", WAITING),
        ("Deelnemer 4", WAITING),
    ]
    fourth_registration = TrainingRegistration.objects.get(user=fourth)
    assert fourth_registration.waiting_position == 2


def test_registering_twice_keeps_one_registration(session, member):
    first, created = trainings.register(member, session)
    again, created_again = trainings.register(member, session)
    assert created and not created_again
    assert first.pk == again.pk
    assert session.registrations.count() == 1


def test_cancelling_a_seat_moves_the_first_on_the_waiting_list_up(session):
    first, second, third, fourth = members(4)
    registrations = [
        trainings.register(user, session)[0] for user in (first, second, third, fourth)
    ]
    promoted = trainings.cancel(registrations[1])
    assert [r.user for r in promoted] == [third]
    assert statuses(session) == [
        ("Deelnemer 1", CONFIRMED),
        ("Deelnemer 2", CANCELLED),
        ("Deelnemer 3", CONFIRMED),
        ("Deelnemer 4", WAITING),
    ]
    assert TrainingRegistration.objects.get(user=fourth).waiting_position == 1


def test_leaving_the_waiting_list_promotes_nobody(session):
    users = members(3)
    registrations = [trainings.register(user, session)[0] for user in users]
    assert trainings.cancel(registrations[2]) == []
    assert session.registrations.filter(status=CONFIRMED).count() == 2


def test_registering_again_after_cancelling_goes_to_the_back_of_the_queue(session):
    first, second, third = members(3)
    own = trainings.register(first, session)[0]
    trainings.register(second, session)
    trainings.cancel(own)
    trainings.register(third, session)
    registration, created = trainings.register(first, session)
    assert created
    assert registration.status == WAITING and registration.waiting_position == 1


def test_sessions_that_have_started_are_closed(training, member):
    started = TrainingSessionFactory(page=training, start=timezone.now() - timedelta(hours=1))
    with pytest.raises(trainings.RegistrationClosed):
        trainings.register(member, started)


def test_more_seats_after_publishing_move_the_waiting_list_up(session, training):
    users = members(4)
    for user in users:
        trainings.register(user, session)
    session.capacity = 3
    session.save()
    training.save_revision().publish()
    assert statuses(session)[2] == ("Deelnemer 3", CONFIRMED)
    assert statuses(session)[3] == ("Deelnemer 4", WAITING)


def test_member_registers_and_cancels_through_the_page(
    member_client, member, training, session, django_capture_on_commit_callbacks, mailoutbox
):
    page = member_client.get(training.url).content.decode()
    assert "Nog 2 plaatsen vrij." in page
    assert register_url(session) in page
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(register_url(session), follow=True)
    page = response.content.decode()
    assert "U bent ingeschreven voor deze sessie." in page
    assert cancel_url(session) in page
    [mail] = mailoutbox
    assert mail.to == [member.email]
    assert mail.subject == "[KPO] U bent ingeschreven voor Kennisevent Bibob"
    assert "Beste Lotte Lid," in mail.body
    assert "Jaarbeurs, Jaarbeursplein 6, Utrecht" in mail.body
    assert "http://localhost/academie/kennisevent-bibob/" in mail.body
    [(filename, content, mimetype)] = mail.attachments
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar")
    assert Calendar.from_ical(content).walk("VEVENT")[0]["SUMMARY"] == "Kennisevent Bibob: Utrecht"

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(cancel_url(session), follow=True)
    assert "U bent afgemeld." in response.content.decode()
    assert TrainingRegistration.objects.get(user=member).status == CANCELLED
    assert mailoutbox[-1].subject == "[KPO] U bent afgemeld voor Kennisevent Bibob"


def test_emails_for_the_waiting_list_and_moving_up(
    session, django_capture_on_commit_callbacks, mailoutbox
):
    first, second, third = members(3)
    with django_capture_on_commit_callbacks(execute=True):
        own = trainings.register(first, session)[0]
        trainings.register(second, session)
        trainings.register(third, session)
    waiting_mail = mailoutbox[-1]
    assert waiting_mail.to == [third.email]
    assert waiting_mail.subject == "[KPO] U staat op de wachtlijst voor Kennisevent Bibob"
    assert "U staat op plaats 1 van de wachtlijst." in waiting_mail.body
    assert not waiting_mail.attachments

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        trainings.cancel(own)
    cancelled, promoted = mailoutbox
    assert cancelled.to == [first.email]
    assert "U bent afgemeld voor deze sessie van Kennisevent Bibob." in cancelled.body
    assert promoted.to == [third.email]
    assert promoted.subject.startswith("[KPO] Er is een plaats vrijgekomen")
    assert "bent nu ingeschreven" in promoted.body
    assert promoted.attachments


def test_anonymous_visitors_get_the_login_prompt(client, training, session):
    page = client.get(training.url).content.decode()
    assert "Log in met uw account om u aan te melden." in page
    assert register_url(session) not in page
    response = client.post(register_url(session))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_unapproved_members_cannot_register(client, training, session):
    client.force_login(VerifiedUserFactory(is_approved=False))
    assert "nog niet goedgekeurd" in client.get(training.url).content.decode()
    assert client.post(register_url(session)).status_code == 403
    assert not TrainingRegistration.objects.exists()


def test_cancelling_someone_elses_registration_is_not_found(member_client, session):
    TrainingRegistrationFactory(session=session)
    assert member_client.post(cancel_url(session)).status_code == 404
    assert session.registrations.get().status == CONFIRMED


def test_register_and_cancel_only_accept_post(member_client, session):
    assert member_client.get(register_url(session)).status_code == 405
    assert member_client.get(cancel_url(session)).status_code == 405


def test_dashboard_lists_registrations_and_cancels_back_to_it(
    member_client, member, session, training
):
    other = TrainingSessionFactory(page=training, title="Zwolle", capacity=1)
    TrainingRegistrationFactory(session=other)
    trainings.register(member, session)
    trainings.register(member, other)
    page = member_client.get(reverse("academie:dashboard")).content.decode()
    assert "Mijn trainingen" in page
    assert "Kennisevent Bibob: Utrecht" in page and "Ingeschreven" in page
    assert "Op de wachtlijst, plaats 1" in page
    dashboard = reverse("academie:dashboard")
    response = member_client.post(cancel_url(other), {"next": dashboard})
    assert response.url == dashboard
    evil = member_client.post(cancel_url(session), {"next": "https://evil.example/"})
    assert evil.url == f"{training.url}#sessie-{session.pk}"


def test_training_appears_in_the_catalogue_and_its_filter(client, academie, training, session):
    page = client.get(academie.url).content.decode()
    assert "Kennisevent Bibob" in page and "volgende sessie" in page
    page = client.get(academie.url, {"vorm": "training"}).content.decode()
    assert "Kennisevent Bibob" in page
    page = client.get(academie.url, {"vorm": "e-learning"}).content.decode()
    assert "Kennisevent Bibob" not in page


def test_training_page_queries_do_not_grow_with_sessions(
    member_client, member, training, session, django_assert_max_num_queries
):
    trainings.register(member, session)
    member_client.get(training.url)
    with CaptureQueriesContext(connection) as few:
        assert member_client.get(training.url).status_code == 200
    for number in range(8):
        extra = TrainingSessionFactory(page=training, title=f"Extra sessie {number}", capacity=1)
        TrainingRegistrationFactory(session=extra)
        trainings.register(member, extra)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = member_client.get(training.url).content.decode()
    assert "Extra sessie 7" in page


# --- iCal ---


def calendar_for(client, session):
    response = client.get(reverse("academie:session_calendar", args=[session.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    return response.content


def test_ical_file_parses_and_escapes_text(client, training):
    session = TrainingSessionFactory(
        page=training,
        title="Den Haag",
        location="Fokker Terminal, Binckhorstlaan 249; Den Haag",
        online_url="https://meet.example/kennisevent",
    )
    content = calendar_for(client, session)
    assert b"\r\n" in content and content.replace(b"\r\n", b"").count(b"\n") == 0
    assert b"LOCATION:Fokker Terminal\\, Binckhorstlaan 249\\; Den Haag" in content
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event["SUMMARY"] == "Kennisevent Bibob: Den Haag"
    assert event.decoded("DTSTART") == session.start.replace(microsecond=0)
    assert event.decoded("DTEND") == session.end.replace(microsecond=0)
    assert str(event["UID"]) == f"training-session-{session.pk}@127.0.0.1"
    assert "https://meet.example/kennisevent" not in content.decode()


def test_ical_file_gives_the_online_link_only_to_members_with_a_seat(
    member_client, member, training
):
    session = TrainingSessionFactory(
        page=training, location="", online_url="https://meet.example/q-college", capacity=1
    )
    assert b"meet.example" not in calendar_for(member_client, session)
    trainings.register(member, session)
    [event] = Calendar.from_ical(calendar_for(member_client, session)).walk("VEVENT")
    assert str(event["LOCATION"]) == "https://meet.example/q-college"
    assert "Online deelnemen: https://meet.example/q-college" in str(event["DESCRIPTION"])


def test_no_calendar_for_an_unpublished_training(client, training, session):
    training.unpublish()
    response = client.get(reverse("academie:session_calendar", args=[session.pk]))
    assert response.status_code == 404


# --- reminders ---


def remind(*args):
    out = StringIO()
    call_command("academie_send_training_reminders", *args, stdout=out)
    return out.getvalue()


def test_reminders_go_out_once_to_members_with_a_seat(training, mailoutbox):
    soon = TrainingSessionFactory(page=training, start=timezone.now() + timedelta(hours=20))
    later = TrainingSessionFactory(page=training, start=timezone.now() + timedelta(days=10))
    seated, other, waiting, cancelled = members(4)
    for user in (seated, other, waiting):
        trainings.register(user, soon)
    trainings.cancel(trainings.register(cancelled, later)[0])
    TrainingRegistrationFactory(session=later)

    assert "2 herinnering(en) verstuurd." in remind()
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(
        r.user.email for r in soon.registrations.filter(status=CONFIRMED)
    )
    assert all(
        mail.subject.startswith("[KPO] Herinnering: Kennisevent Bibob") for mail in mailoutbox
    )
    assert "Jaarbeurs" in mailoutbox[0].body and mailoutbox[0].attachments
    assert "0 herinnering(en) verstuurd." in remind()
    assert len(mailoutbox) == 2
    assert "1 herinnering(en) verstuurd." in remind("--hours", str(24 * 11))


def test_a_member_promoted_after_the_reminders_is_reminded_too(training, mailoutbox):
    soon = TrainingSessionFactory(page=training, start=timezone.now() + timedelta(hours=20))
    first, second, third = members(3)
    own = trainings.register(first, soon)[0]
    trainings.register(second, soon)
    trainings.register(third, soon)
    remind()
    trainings.cancel(own)
    mailoutbox.clear()
    assert "1 herinnering(en) verstuurd." in remind()
    assert mailoutbox[0].to == [third.email]


# --- admin ---


@pytest.mark.parametrize("removal", ["deleted", "left out"])
def test_editors_cannot_remove_a_session_with_registrations(client, training, session, removal):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    from kpo.factories import StaffUserFactory

    TrainingRegistrationFactory(session=session)
    client.force_login(StaffUserFactory(is_superuser=True))
    start = timezone.localtime(session.start)
    row = {
        "title": "Nieuwe sessie",
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": (start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "location": "Utrecht",
        "online_url": "",
        "capacity": 10,
    }
    rows = [row]
    if removal == "deleted":
        rows = [{**row, "id": session.pk, "title": session.title, "DELETE": "on"}, row]
    data = nested_form_data(
        {
            "title": training.title,
            "slug": training.slug,
            "intro": training.intro,
            "description": streamfield([]),
            "learning_objectives": rich_text(""),
            "audience": training.audience,
            "duration_minutes": training.duration_minutes,
            "course_owner": "",
            "sessions": inline_formset(rows, initial=1 if removal == "deleted" else 0, min=1),
        }
    )
    response = client.post(f"/admin/pages/{training.pk}/edit/", data)
    assert response.status_code == 200
    assert "heeft aanmeldingen en kan niet worden verwijderd" in response.content.decode()
    assert session.registrations.exists()

    session.registrations.update(status=CANCELLED)
    response = client.post(f"/admin/pages/{training.pk}/edit/", data)
    assert response.status_code == 302
