import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisbank.models import ReviewReminder
from kennisbank.responsible import editorial_board_members, responsible_for_pages
from kennisbank.review import pages_due_for_review


def reminders_due(pages):
    """``{recipient: [(page, Responsible), …]}``: for each page due for review, the person
    responsible for it, or every active member of the Redactieraad, unless that recipient was
    already reminded of the page for its current review date; and the pages nobody can be
    reminded of (no one responsible and a Redactieraad without active members)."""
    pages = list(pages)
    responsible = responsible_for_pages(pages)
    board = list(editorial_board_members())
    already_sent = set(
        ReviewReminder.objects.filter(page__in=pages).values_list(
            "page_id", "recipient_id", "review_date"
        )
    )
    due = {}
    unreached = []
    for page in pages:
        who = responsible[page.pk]
        recipients = [who.user] if who.user else board
        if not recipients:
            unreached.append(page)
        for recipient in recipients:
            if (page.pk, recipient.pk, page.review_date) not in already_sent:
                due.setdefault(recipient, []).append((page, who))
    return due, unreached


class Command(BaseCommand):
    help = (
        "Email the person responsible for each kennisbank page (owner, else the theme's "
        "content owner, else the Redactieraad's members) the pages whose review date has "
        "passed or falls within 30 days: one email per person, each page once per review "
        "date. Meant to run daily or weekly (cron)."
    )

    def handle(self, *args, **options):
        sent = failed = 0
        due, unreached = reminders_due(pages_due_for_review())
        for page in unreached:
            self.stderr.write(
                _(
                    "Niemand herinnerd aan “%(title)s”: geen eigenaar, geen inhoudelijk eigenaar "
                    "en de Redactieraad heeft geen actieve leden."
                )
                % {"title": page.title}
            )
        for recipient, items in due.items():
            try:
                self.remind(recipient, items)
                sent += 1
            except (smtplib.SMTPException, OSError) as error:
                failed += 1
                self.stderr.write(
                    _("Herinnering aan %(email)s niet verstuurd: %(error)s")
                    % {"email": recipient.email, "error": error}
                )
        self.stdout.write(_("%(count)d herinnering(en) verstuurd.") % {"count": sent})
        if failed:
            raise CommandError(
                _("%(count)d herinnering(en) niet verstuurd; de volgende keer opnieuw.")
                % {"count": failed}
            )

    @transaction.atomic
    def remind(self, recipient, items):
        """Record the reminders, then send the email; if sending fails nothing is recorded,
        so the next run tries again."""
        ReviewReminder.objects.bulk_create(
            ReviewReminder(page=page, recipient=recipient, review_date=page.review_date)
            for page, _who in items
        )
        context = {
            "recipient": recipient,
            "items": items,
            "today": timezone.localdate(),
            "base_url": settings.WAGTAILADMIN_BASE_URL,
        }
        send_mail(
            _("Kennisplatform Ondermijning: pagina's om te herzien"),
            render_to_string("kennisbank/emails/review_reminder.txt", context),
            None,
            [recipient.email],
        )
