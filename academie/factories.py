import wagtail_factories

from academie.models import AcademieIndexPage


class AcademieIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ondermijningsacademie"
    slug = "academie"
    intro = "E-learnings, trainingen en bijeenkomsten om kennis te verdiepen en toe te passen."

    class Meta:
        model = AcademieIndexPage
