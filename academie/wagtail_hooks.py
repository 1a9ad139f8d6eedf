from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
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


register_permission_policy(Certificate, IssuedOnlyPermissionPolicy(Certificate))


class CertificateViewSet(SnippetViewSet):
    """Administrators look up certificates and revoke one by setting its revocation date."""

    model = Certificate
    icon = "success"
    menu_label = _("Certificaten")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["code", "learner_name", "course_title", "issued_at", "revoked_at"]
    search_fields = ["code", "learner_name", "course_title"]
    edit_handler = ObjectList([FieldPanel("revoked_at"), FieldPanel("revocation_reason")])


register_snippet(CertificateViewSet)
