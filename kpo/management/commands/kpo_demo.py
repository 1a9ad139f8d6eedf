from django.conf import settings
from django.core.management.base import BaseCommand

from kpo.demo import DEMO_ACCOUNTS, load_demo


class Command(BaseCommand):
    help = "Load the demo content and demo accounts (idempotent). Not for production sites."

    def handle(self, *args, **options):
        password = settings.KPO_DEMO_PASSWORD
        load_demo(password)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.stdout.write(
            "\nDemo logins (password: KPO_DEMO_PASSWORD, default documented in README):"
        )
        for account in DEMO_ACCOUNTS:
            role = account.group or "lid"
            self.stdout.write(f"  {account.email:<32} {role:<20} wachtwoord: {password}")
        if settings.KPO_REQUIRE_MFA_FOR_STAFF:
            self.stdout.write(
                "\nStaff accounts must first set up an authenticator app (MFA). "
                "Set KPO_REQUIRE_MFA_FOR_STAFF=false to skip this locally."
            )
