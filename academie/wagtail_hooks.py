from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from academie.forms import ScormPackageAdminForm
from academie.models import Certificate, ScormPackage


class ScormPackageViewSet(SnippetViewSet):
    model = ScormPackage
    icon = "folder-open-inverse"
    menu_label = _("SCORM-pakketten")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "version", "file_count", "uploaded_at"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("package")], base_form_class=ScormPackageAdminForm
    )


register_snippet(ScormPackageViewSet)


class IssuedOnlyPermissionPolicy(ModelPermissionPolicy):
    """Certificates are issued by the academy, never added by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


CERTIFICATE_PERMISSIONS = IssuedOnlyPermissionPolicy(Certificate)
register_permission_policy(Certificate, CERTIFICATE_PERMISSIONS)


class CertificateManagersOnly:
    """Wagtail's snippet chooser answers any staff member; the certificate chooser lists
    learners' names and codes, so only staff who may manage certificates open it."""

    def dispatch(self, request, *args, **kwargs):
        if not CERTIFICATE_PERMISSIONS.user_has_any_permission(request.user, ["change", "view"]):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class CertificateChooseView(CertificateManagersOnly, chooser.ChooseView):
    pass


class CertificateChooseResultsView(CertificateManagersOnly, chooser.ChooseResultsView):
    pass


class CertificateChosenView(CertificateManagersOnly, chooser.SnippetChosenView):
    pass


class CertificateChosenMultipleView(CertificateManagersOnly, chooser.SnippetChosenMultipleView):
    pass


class CertificateChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = CertificateChooseView
    choose_results_view_class = CertificateChooseResultsView
    chosen_view_class = CertificateChosenView
    chosen_multiple_view_class = CertificateChosenMultipleView


class CertificateViewSet(SnippetViewSet):
    """Administrators look up certificates and revoke one by setting its revocation date."""

    model = Certificate
    chooser_viewset_class = CertificateChooserViewSet
    icon = "success"
    menu_label = _("Certificaten")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["code", "learner_name", "course_title", "issued_at", "revoked_at"]
    search_fields = ["code", "learner_name", "course_title"]
    edit_handler = ObjectList([FieldPanel("revoked_at"), FieldPanel("revocation_reason")])


register_snippet(CertificateViewSet)
