from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from communities.forms import CommunityAdminForm
from communities.models import Community


class CommunityViewSet(SnippetViewSet):
    model = Community
    icon = "group"
    menu_label = _("Communities")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "type", "created_at"]
    list_filter = ["type"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("description"),
            FieldPanel("type"),
            FieldPanel("first_posts_need_approval"),
            FieldPanel("themes"),
            FieldPanel("managers"),
        ],
        base_form_class=CommunityAdminForm,
    )


register_snippet(CommunityViewSet)
