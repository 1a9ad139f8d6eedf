from django.conf import settings
from django.core.management.base import BaseCommand

from kpo.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Delete rejected applications after KPO_REJECTED_RETENTION_DAYS and erase IP addresses "
        "in the audit log after KPO_AUDIT_IP_RETENTION_DAYS. Idempotent; run it daily."
    )

    def handle(self, *args, **options):
        result = apply_retention()
        self.stdout.write(
            f"Rejected applications deleted (older than {settings.KPO_REJECTED_RETENTION_DAYS} "
            f"days): {result.applications_deleted}\n"
            f"Audit log IP addresses erased (older than {settings.KPO_AUDIT_IP_RETENTION_DAYS} "
            f"days): {result.ip_addresses_erased}"
        )
