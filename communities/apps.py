from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "communities"
    verbose_name = _("Lerende netwerken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from allauth.account.signals import email_confirmed
        from django.db.models.signals import post_delete

        from communities.counters import on_post_deleted
        from communities.models import Post
        from communities.privacy import collect_community_data, delete_community_data
        from kpo.privacy import account_deleted, collect_personal_data

        email_confirmed.connect(accept_invitations, dispatch_uid="communities.invitations")
        collect_personal_data.connect(collect_community_data, dispatch_uid="communities.export")
        account_deleted.connect(delete_community_data, dispatch_uid="communities.deletion")
        post_delete.connect(on_post_deleted, sender=Post, dispatch_uid="communities.counters")


def accept_invitations(sender, request, email_address, **kwargs):
    """Someone invited before they had an account becomes a member once the address is verified."""
    from communities.membership import accept_invitations_for_email

    accept_invitations_for_email(email_address.user, email_address.email)
