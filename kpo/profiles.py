"""Member profiles and the "Vind een collega" directory. Each member chooses which of
their fields other members see; filters only match what is visible."""

from dataclasses import dataclass

from django.db.models import Q

from kpo.models import User

# Profile field -> the member's "show to other members" switch.
VISIBILITY_SWITCHES = {
    "organisation": "show_organisation",
    "job_title": "show_job_title",
    "expertise": "show_expertise",
    "themes": "show_themes",
    "email": "show_email",
}


@dataclass(frozen=True)
class PublicProfile:
    """What ``viewer`` may see of ``member``: hidden fields are empty."""

    member: User
    organisation: str
    job_title: str
    expertise: str
    themes: list
    email: str

    @property
    def name(self):
        return self.member.display_name


def visible_fields(member, viewer) -> set[str]:
    if viewer.pk == member.pk:
        return set(VISIBILITY_SWITCHES)
    return {field for field, switch in VISIBILITY_SWITCHES.items() if getattr(member, switch)}


def public_profile(member, viewer) -> PublicProfile:
    shown = visible_fields(member, viewer)
    return PublicProfile(
        member=member,
        organisation=member.organisation_name if "organisation" in shown else "",
        job_title=member.job_title if "job_title" in shown else "",
        expertise=member.expertise if "expertise" in shown else "",
        themes=list(member.themes.all()) if "themes" in shown else [],
        email=member.email if "email" in shown else "",
    )


def listed_members():
    """Approved, active members who have not deleted their account."""
    return (
        User.objects.filter(is_approved=True, is_active=True, deleted_at__isnull=True)
        .select_related("organisation")
        .prefetch_related("themes")
        .order_by("full_name", "pk")
    )


def search_members(*, name="", organisation=None, theme=None, expertise=""):
    """The directory: filters match a field only where its owner made it visible."""
    members = listed_members()
    if name:
        members = members.filter(full_name__icontains=name)
    if organisation is not None:
        members = members.filter(organisation=organisation, show_organisation=True)
    if theme is not None:
        members = members.filter(themes=theme, show_themes=True)
    if expertise:
        members = members.filter(
            Q(expertise__icontains=expertise, show_expertise=True)
            | Q(job_title__icontains=expertise, show_job_title=True)
        )
    return members.distinct()
