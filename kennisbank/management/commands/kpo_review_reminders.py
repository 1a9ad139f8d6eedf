from itertools import groupby

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisbank.review import pages_due_for_review


class Command(BaseCommand):
    help = (
        "Email every page owner the kennisbank pages whose review date has passed or falls "
        "within 30 days. Meant to run once a week (cron)."
    )

    def handle(self, *args, **options):
        pages = pages_due_for_review().filter(owner__isnull=False, owner__is_active=True)
        sent = 0
        for owner, owned in groupby(pages.order_by("owner_id", "review_date"), lambda p: p.owner):
            self.send_reminder(owner, list(owned))
            sent += 1
        self.stdout.write(_("%(count)d herinnering(en) verstuurd.") % {"count": sent})

    def send_reminder(self, owner, pages):
        context = {
            "owner": owner,
            "pages": pages,
            "today": timezone.localdate(),
            "base_url": settings.WAGTAILADMIN_BASE_URL,
        }
        send_mail(
            _("Kennisplatform Ondermijning: pagina's om te herzien"),
            render_to_string("kennisbank/emails/review_reminder.txt", context),
            None,
            [owner.email],
        )
