from django.core.management.base import BaseCommand

from communities.models import EmailFrequency
from communities.notify import send_digests


class Command(BaseCommand):
    help = (
        "Email the daily or weekly digest of community notifications. Schedule 'daily' "
        "once a day and 'weekly' once a week."
    )

    def add_arguments(self, parser):
        parser.add_argument("frequency", choices=[EmailFrequency.DAILY, EmailFrequency.WEEKLY])

    def handle(self, frequency, **options):
        sent = send_digests(frequency)
        self.stdout.write(f"{sent} overzicht(en) verstuurd.")
