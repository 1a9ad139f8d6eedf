from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from academie import trainings


class Command(BaseCommand):
    help = (
        "Remind members with a seat in a training session that starts soon. Each "
        "registration is reminded once, so the command can run every hour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=48,
            help="Remind for sessions starting within this many hours (default 48).",
        )

    def handle(self, hours, **options):
        if hours < 1:
            raise CommandError("--hours must be at least 1.")
        sent, failed = 0, 0
        for registration_id in trainings.due_reminders(timedelta(hours=hours)):
            try:
                sent += trainings.remind(registration_id)
            except OSError as error:  # the mail server refused or was unreachable
                failed += 1
                self.stderr.write(f"Registration {registration_id}: not reminded ({error}).")
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
        if failed:
            raise CommandError(f"{failed} reminder(s) failed; the next run tries them again.")
