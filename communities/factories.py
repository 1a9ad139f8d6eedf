import wagtail_factories

from communities.models import CommunitiesIndexPage


class CommunitiesIndexPageFactory(wagtail_factories.PageFactory):
    title = "Communities"
    slug = "communities"
    intro = "Lerende netwerken waar professionals samen leren, vragen stellen en kennis delen."

    class Meta:
        model = CommunitiesIndexPage
