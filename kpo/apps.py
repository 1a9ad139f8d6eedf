from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class KpoConfig(AppConfig):
    default = True
    name = "kpo"
    verbose_name = _("Kennisplatform Ondermijning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from kpo import admin_csp
        from kpo.navigation import clear_navigation_cache

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(clear_navigation_cache, dispatch_uid=f"kpo-nav-{signal!r}")
        connect_page_cache_signals()
        connect_access_token_signals()
        connect_account_signals()
        admin_csp.install()


def connect_page_cache_signals():
    """Publishing, unpublishing, moving or deleting a page, and changes to what pages show
    besides their own content (communities, themes, organisations, documents, site
    settings), to sites or to view restrictions outdate the page cache, and with it the
    cached fragments and routes (kpo/routing.py)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from communities.models import Community
    from kpo.models import Organisation, SiteFooterSettings, Theme
    from kpo.page_cache import new_generation, on_delete

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(new_generation, dispatch_uid=f"kpo-page-cache-{signal!r}")
    post_delete.connect(on_delete, dispatch_uid="kpo-page-cache-deleted")
    post_save.connect(
        on_document_saved, sender=get_document_model(), dispatch_uid="kpo-page-cache-document"
    )
    post_delete.connect(
        new_generation, sender=get_document_model(), dispatch_uid="kpo-page-cache-document-del"
    )
    post_save.connect(
        on_changed_not_created, sender=Organisation, dispatch_uid="kpo-page-cache-organisation"
    )
    post_delete.connect(
        new_generation, sender=Organisation, dispatch_uid="kpo-page-cache-organisation-del"
    )
    for model in (Community, Theme, Site, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                new_generation,
                sender=model,
                dispatch_uid=f"kpo-page-cache-{model.__name__}-{signal!r}",
            )
    post_save.connect(
        on_changed_not_created, sender=SiteFooterSettings, dispatch_uid="kpo-page-cache-footer"
    )


def connect_access_token_signals():
    """A membership saved or deleted outdates its member's cached access tokens."""
    from django.db.models.signals import post_delete, post_save

    from communities.models import Membership
    from kpo.access import on_membership_saved_or_deleted

    for signal in (post_save, post_delete):
        signal.connect(
            on_membership_saved_or_deleted,
            sender=Membership,
            dispatch_uid=f"kpo-access-tokens-{signal!r}",
        )


def on_document_saved(sender, created=False, update_fields=None, **kwargs):
    """A document's title or file changed. A new document is on no page yet, and Wagtail
    stores a file's size and hash the first time it is asked for them: neither changes
    anything a page shows."""
    from kpo.page_cache import new_generation

    if created or (update_fields is not None and set(update_fields) <= {"file_size", "file_hash"}):
        return
    new_generation()


def on_changed_not_created(sender, created=False, **kwargs):
    """An organisation or the footer settings changed. A new organisation is shown nowhere
    yet, and the settings row is created with empty values on the first page view: only a
    change outdates cached pages."""
    from kpo.page_cache import new_generation

    if not created:
        new_generation()


def connect_account_signals():
    """Approval after email verification, and the security audit log."""
    from allauth.account import signals as account
    from allauth.mfa import signals as mfa
    from django.contrib.auth import signals as auth
    from django.db.models.signals import m2m_changed, post_save, pre_save

    from kpo import approval, audit, roles
    from kpo.models import AuditEvent, User

    account.email_confirmed.connect(approval.on_email_confirmed, dispatch_uid="kpo-approval")
    account.user_logged_in.connect(audit.on_logged_in, dispatch_uid="kpo-audit-login")
    auth.user_login_failed.connect(audit.on_login_failed, dispatch_uid="kpo-audit-login-failed")
    auth.user_logged_out.connect(audit.on_logged_out, dispatch_uid="kpo-audit-logout")
    account.user_signed_up.connect(audit.on_signed_up, dispatch_uid="kpo-audit-signup")
    for signal in (account.password_changed, account.password_set):
        signal.connect(audit.on_password_changed, dispatch_uid=f"kpo-audit-password-{signal!r}")
    account.password_reset.connect(audit.on_password_reset, dispatch_uid="kpo-audit-reset")
    for signal, kind in (
        (mfa.authenticator_added, AuditEvent.Kind.MFA_ADDED),
        (mfa.authenticator_removed, AuditEvent.Kind.MFA_REMOVED),
        (mfa.authenticator_reset, AuditEvent.Kind.MFA_RESET),
        (mfa.authentication_failed, AuditEvent.Kind.MFA_FAILED),
    ):
        signal.connect(
            audit.authenticator_receiver(kind), dispatch_uid=f"kpo-audit-{kind}", weak=False
        )
    m2m_changed.connect(
        audit.on_groups_changed, sender=User.groups.through, dispatch_uid="kpo-audit-roles"
    )
    pre_save.connect(audit.remember_superuser_flag, sender=User, dispatch_uid="kpo-audit-su")
    post_save.connect(audit.on_user_saved, sender=User, dispatch_uid="kpo-audit-su-saved")
    m2m_changed.connect(
        roles.on_groups_changed, sender=User.groups.through, dispatch_uid="kpo-staff-flag"
    )


class KpoUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for KPO's user model (email, full name)."""

    default = False

    user_viewset = "kpo.admin_users.UserViewSet"
