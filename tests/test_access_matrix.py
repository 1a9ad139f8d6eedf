"""The access matrix: every URL pattern of the project and of Wagtail's admin, requested
(GET) by every role, must answer the status in ``EXPECTED``; and no response a role gets
may contain a title that role may not see.

A URL pattern without an entry fails the suite: the failure lists the statuses it answers
now, to be reviewed and copied into ``EXPECTED``. The per-app suites
(``communities/tests/test_access.py``, ``kennisbank/tests``, ``academie/tests``) test the
behaviour behind these statuses in depth; this suite makes sure no route is forgotten.
"""

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, Site, Task, Workflow

from academie.factories import (
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ScormPackageFactory,
    TrainingPageFactory,
    TrainingSessionFactory,
)
from academie.models import AcademieIndexPage, Certificate
from communities.factories import (
    CommunityFactory,
    CommunityFileFactory,
    FolderFactory,
    MembershipFactory,
    PostAttachmentFactory,
    PostFactory,
    TopicFactory,
)
from communities.models import CommunityType, Role
from kennisbank.factories import (
    HandreikingDocumentFactory,
    HandreikingPageFactory,
    ThemaPageFactory,
)
from kennisbank.models import KennisbankIndexPage
from kennisbank.versions import keep_replaced_file
from kpo import roles
from kpo.factories import StaffUserFactory, VerifiedUserFactory
from kpo.models import AllowedEmailDomain, Organisation
from search.models import SearchSynonym
from tests.url_patterns import routes

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "unapproved",
    "member",
    "other_member",
    "manager",
    "editor",
    "redactieraad",
    "beheerder",
)

# Titles only some roles may see, and the roles that may not.
MEMBERS_ONLY_TITLE = "Besloten handreiking ondermijning vastgoed"
COMMUNITY_TOPIC_TITLE = "Leegstaande stallen in de Achterhoek"
COMMUNITY_POST_TEXT = "Signalen uit het buitengebied van Oost-Gelderland"
HIDDEN_COMMUNITY_NAME = "Contactpersonen LFT OMG"
MAY_NOT_SEE = {
    "anonymous": [
        MEMBERS_ONLY_TITLE,
        COMMUNITY_TOPIC_TITLE,
        COMMUNITY_POST_TEXT,
        HIDDEN_COMMUNITY_NAME,
    ],
    "unapproved": [
        MEMBERS_ONLY_TITLE,
        COMMUNITY_TOPIC_TITLE,
        COMMUNITY_POST_TEXT,
        HIDDEN_COMMUNITY_NAME,
    ],
    "member": [HIDDEN_COMMUNITY_NAME],
    "other_member": [COMMUNITY_TOPIC_TITLE, COMMUNITY_POST_TEXT, HIDDEN_COMMUNITY_NAME],
}


@dataclass
class World:
    """One of everything the URL patterns take, and a user per role."""

    users: dict
    page: Page
    document: object
    document_version: object
    theme_page: Page
    image: object
    community: object
    topic: object
    post: object
    membership: object
    folder: object
    file: object
    attachment: object
    course: Page
    lesson: Page
    enrolment: object
    package: object
    domain: object
    redirect: object
    workflow: object
    task: object
    review: object
    certificate: object
    training: Page
    session: object
    search_query: object
    synonym: object


@pytest.fixture
def world(home_page):
    kennisbank = KennisbankIndexPage.objects.get()
    member = VerifiedUserFactory(email="lid@gemeente.example")
    other_member = VerifiedUserFactory(email="ander@politie.example")
    manager = StaffUserFactory(email="cm@liec.example", group=roles.COMMUNITY_MANAGERS)
    users = {
        "unapproved": VerifiedUserFactory(email="nieuw@gemeente.example", is_approved=False),
        "member": member,
        "other_member": other_member,
        "manager": manager,
        "editor": StaffUserFactory(email="redacteur@riec.example", group=roles.EDITORS),
        "redactieraad": StaffUserFactory(
            email="redactieraad@riec.example", group=roles.EDITORIAL_BOARD
        ),
        "beheerder": StaffUserFactory(email="beheerder@kpo.example", group=roles.ADMINISTRATORS),
    }
    page = HandreikingPageFactory(
        parent=kennisbank, title=MEMBERS_ONLY_TITLE, slug="besloten", visibility="members"
    )
    document = HandreikingDocumentFactory(page=page).document
    page.save_revision().publish()
    keep_replaced_file(document, document.file.name, users["editor"], note="Nieuwe APV")
    theme_page = ThemaPageFactory(parent=kennisbank, slug="thema-apv", visibility="members")
    theme_page.save_revision().publish()
    page.themes.add(theme_page.theme)

    community = CommunityFactory(name="Buitengebied", type=CommunityType.ON_REQUEST)
    membership = MembershipFactory(community=community, user=member)
    MembershipFactory(community=community, user=manager, role=Role.MANAGER)
    MembershipFactory(community=CommunityFactory(name="Criminele Geldstromen"), user=other_member)
    hidden = CommunityFactory(name=HIDDEN_COMMUNITY_NAME, type=CommunityType.HIDDEN)
    MembershipFactory(community=hidden, user=manager, role=Role.MANAGER)
    topic = TopicFactory(community=community, author=member, title=COMMUNITY_TOPIC_TITLE)
    PostFactory(topic=topic, is_opening=True, source=COMMUNITY_POST_TEXT)
    post = PostFactory(topic=topic, author=manager, source="Wij werken met een meldpunt.")
    folder = FolderFactory(community=community, name="Verslagen")
    file = CommunityFileFactory(community=community, folder=folder, uploaded_by=member)

    academie = AcademieIndexPage.objects.get()
    course = CoursePageFactory(parent=academie, title="Wet Bibob")
    lesson = LessonPageFactory(parent=course, title="Wat is de Wet Bibob?")
    training = TrainingPageFactory(parent=academie, title="Praktijktraining toezicht")
    training.save_revision().publish()

    from wagtail.images import get_image_model

    return World(
        users=users,
        page=page,
        document=document,
        document_version=document.versions.exclude(file="").get(),
        theme_page=theme_page,
        image=get_image_model().objects.create(title="Kaart", file=get_test_image_file()),
        community=community,
        topic=topic,
        post=post,
        membership=membership,
        folder=folder,
        file=file,
        attachment=PostAttachmentFactory(post=post),
        course=course,
        lesson=lesson,
        enrolment=EnrolmentFactory(user=member, course=course),
        package=ScormPackageFactory(),
        domain=AllowedEmailDomain.objects.create(
            domain="gemeente.example", organisation=Organisation.objects.first()
        ),
        redirect=Redirect.objects.create(old_path="/oud", redirect_link="/"),
        workflow=Workflow.objects.first(),
        task=Task.objects.first(),
        review=page_in_review(kennisbank, users["editor"]),
        certificate=Certificate.objects.create(
            user=member,
            course=course,
            learner_name=member.full_name,
            course_title=course.title,
            completed_at=timezone.now(),
        ),
        training=training,
        session=TrainingSessionFactory(page=training),
        search_query=promoted_query(page),
        synonym=SearchSynonym.objects.create(
            term="APV", synonyms="algemene plaatselijke verordening"
        ),
    )


def page_in_review(parent, editor):
    """A draft the editor submitted to the redactieraad (the workflow the kennisbank has,
    not Wagtail's default one): its workflow state, whose current task state awaits them."""
    draft = HandreikingPageFactory(parent=parent, title="Concept in review", live=False)
    draft.save_revision(user=editor)
    return draft.get_workflow().start(draft, editor)


def promoted_query(page):
    """A search term with a promoted result, as the search picks admin lists them."""
    query = Query.get("bibob")
    SearchPromotion.objects.create(query=query, page=page, sort_order=0)
    return query


# Routes written as regular expressions, and the path to request for each.
REGEX_PATHS = {
    r"admin/api/main/^pages/": lambda w: "/admin/api/main/pages/",
    r"admin/api/main/^pages/<int:pk>/": lambda w: f"/admin/api/main/pages/{w.page.pk}/",
    r"admin/api/main/^pages/find/": lambda w: f"/admin/api/main/pages/find/?id={w.page.pk}",
    r"admin/api/main/^pages/<int:pk>/action/<str:action_name>/": (
        lambda w: f"/admin/api/main/pages/{w.page.pk}/action/copy/"
    ),
    r"admin/api/main/^documents/": lambda w: "/admin/api/main/documents/",
    r"admin/api/main/^documents/<int:pk>/": (
        lambda w: f"/admin/api/main/documents/{w.document.pk}/"
    ),
    r"admin/api/main/^documents/find/": (
        lambda w: f"/admin/api/main/documents/find/?id={w.document.pk}"
    ),
    r"admin/api/main/^images/": lambda w: "/admin/api/main/images/",
    r"admin/api/main/^images/<int:pk>/": lambda w: f"/admin/api/main/images/{w.image.pk}/",
    r"admin/api/main/^images/find/": lambda w: f"/admin/api/main/images/find/?id={w.image.pk}",
    r"admin/pages/^(?P<pk>\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\d+)\.\.\."
    r"(?P<revision_id_b>live|latest|\d+)/$": (
        lambda w: f"/admin/pages/{w.page.pk}/revisions/compare/earliest...latest/"
    ),
    r"admin/^.*/$": lambda w: "/admin/bestaat-niet/",
    r"accounts/^confirm-email/(?P<key>[-:\w]+)/$": lambda w: "/accounts/confirm-email/x/",
    r"accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": (
        lambda w: "/accounts/password/reset/key/1-x/"
    ),
    r"documenten/^(\d+)/(.*)$": lambda w: f"/documenten/{w.document.pk}/document.pdf",
    r"^((?:[\w\-]+/)*)$": lambda w: w.page.url,
}

MISSING = 999999  # an id no object has: for ids of short-lived objects (uploads, sessions)


def parameter_value(route, name, w):
    """The value of the route's parameter ``name``, from the world."""
    snippet = re.match(r"admin/snippets/(?:choose/)?(\w+)/(\w+)/", route)
    if snippet:
        objects = {
            "allowedemaildomain": w.domain,
            "community": w.community,
            "scormpackage": w.package,
            "certificate": w.certificate,
            "searchsynonym": w.synonym,
        }
        return objects[snippet.group(2)].pk if snippet.group(2) in objects else MISSING
    by_prefix = [
        ("admin/pages/workflow/", review_values(w)),
        ("admin/pages/<int:page_id>/workflow_history/", review_values(w)),
        ("admin/searchpicks/", {"query_id": w.search_query.pk}),
        ("admin/documents/", {"pk": w.document.pk}),
        ("admin/images/", {"pk": w.image.pk}),
        ("admin/users/", {"pk": w.users["editor"].pk}),
        ("admin/groups/", {"pk": Group.objects.get(name=roles.EDITORS).pk}),
        ("admin/sites/", {"pk": Site.objects.get().pk}),
        ("admin/collections/", {"pk": Collection.get_first_root_node().pk}),
        ("admin/workflows/tasks/", {"pk": w.task.pk}),
        ("admin/workflows/", {"pk": w.workflow.pk}),
        ("accounts/", {"pk": MISSING}),
        ("collegas/", {"pk": w.users["member"].pk}),
        (
            "documenten/versies/",
            {"version_id": w.document_version.pk, "filename": w.document_version.filename},
        ),
        ("documenten/", {"document_id": w.document.pk, "restriction_id": MISSING}),
        ("admin/documentversies/", {"version_id": w.document_version.pk}),
        ("feeds/thema/", {"slug": w.theme_page.slug}),
        ("academie/rapportages/training/", {"table": "sessies"}),
        ("academie/certificaat/", {"code": w.certificate.code}),
        ("academie/", {"session_id": w.session.pk, "training_id": w.training.pk}),
        (
            "admin/settings/",
            {"app_name": "kpo", "model_name": "sitefootersettings", "pk": Site.objects.get().pk},
        ),
        ("admin/aanvragen/", {"pk": w.users["unapproved"].pk}),
    ]
    for prefix, values in by_prefix:
        if route.startswith(prefix) and name in values:
            return values[name]
    return {
        "page_id": w.page.pk,
        "parent_page_id": w.page.get_parent().pk,
        "page_to_move_id": w.page.pk,
        "destination_id": w.page.get_parent().pk,
        "page_pk": w.page.pk,
        "revision_id": w.page.latest_revision_id,
        "workflow_pk": w.workflow.pk,
        "task_id": w.task.pk,
        "content_type_app_name": "kennisbank",
        "content_type_model_name": "handreikingpage",
        "app_label": "kennisbank",
        "model_name": "handreikingpage",
        "app_name": "kpo",
        "action_name": "approve",
        "action": "copy",
        "document_id": w.document.pk,
        "doc_id": w.document.pk,
        "image_id": w.image.pk,
        "filter_spec": "original",
        "uploaded_file_id": MISSING,
        "collection_id": Collection.get_first_root_node().pk,
        "redirect_id": w.redirect.pk,
        "session_id": MISSING,  # Wagtail's editing sessions, short-lived
        "object_id": w.page.pk,
        "uidb64": "x",
        "token": "x",
        "restriction_id": MISSING,
        "page_view_restriction_id": MISSING,
        "slug": w.community.slug,
        "topic_id": w.topic.pk,
        "post_id": w.post.pk,
        "membership_id": w.membership.pk,
        "attachment_id": w.attachment.pk,
        "filename": w.attachment.filename,
        "folder_id": w.folder.pk,
        "file_id": w.file.pk,
        "version_id": w.file.versions.first().pk,
        "course_id": w.course.pk,
        "enrolment_id": w.enrolment.pk,
        "lesson_id": w.lesson.pk,
        "session_key": "x",
        "path": "index.html",
        "table": "voortgang",
    }[name]


def review_values(w):
    """The page in review with its workflow state and current task state."""
    return {
        "page_id": int(w.review.object_id),
        "workflow_state_id": w.review.pk,
        "task_state_id": w.review.current_task_state.pk,
        "task_id": w.review.current_task_state.task_id,
    }


def path_for(route, w):
    if route in REGEX_PATHS:
        return REGEX_PATHS[route](w)
    if "^" in route or "(?" in route:
        pytest.fail(f"Route {route!r} is a regular expression: add its path to REGEX_PATHS.")

    def value(match):
        return str(parameter_value(route, match.group(2), w))

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


def client_for(role, w):
    client = Client(raise_request_exception=False)  # a server error is a status too
    if role != "anonymous":
        client.force_login(w.users[role])
    return client


def observe(route, w, clients):
    """{role: status} for a GET of the route, and any secret a role may not see."""
    path = path_for(route, w)
    statuses, leaks = {}, []
    for role in ROLES:
        response = clients[role].get(path)
        statuses[role] = response.status_code
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        leaks += [
            f"{role} sees {secret!r} at {path}"
            for secret in MAY_NOT_SEE.get(role, ())
            if secret in text
        ]
    return path, statuses, leaks


def row(statuses):
    return "(" + ", ".join(str(statuses[role]) for role in ROLES) + ")"


# route → the status of a GET for each role, in the order of ROLES:
# (anonymous, unapproved, member, other_member, manager, editor, redactieraad, beheerder)
EXPECTED = {
    "admin/reports/zoektermen/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/searchpicks/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/searchpicks/<int:query_id>/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/searchpicks/<int:query_id>/delete/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/searchpicks/add/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/searchpicks/queries/chooser/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/searchpicks/queries/chooser/results/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/searchpicks/reports/search-terms/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/searchpicks/reports/search-terms/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/searchpicks/results/": (302, 302, 302, 302, 302, 200, 302, 200),
    "zoeken/suggesties/": (200, 200, 200, 200, 200, 200, 200, 200),
    "admin/failwhale/": (302, 302, 302, 302, 500, 500, 500, 500),  # Wagtail's test of the 500 page
    "admin/aanvragen/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/aanvragen/<int:pk>/afwijzen/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/aanvragen/<int:pk>/goedkeuren/": (302, 302, 302, 302, 405, 405, 405, 405),
    # The footer settings (kpo/sitefootersettings): no staff group has their permission,
    # only superusers edit them.
    "admin/settings/<slug:app_name>/<slug:model_name>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "academie/certificaat/": (200, 200, 200, 200, 200, 200, 200, 200),
    "academie/certificaat/<str:code>/": (200, 200, 200, 200, 200, 200, 200, 200),
    "academie/rapportages/": (302, 403, 403, 403, 403, 403, 403, 200),
    "academie/rapportages/e-learning/<int:course_id>/": (302, 403, 404, 404, 404, 404, 404, 200),
    "academie/rapportages/e-learning/<int:course_id>/<str:table>.csv": (
        302,
        403,
        404,
        404,
        404,
        404,
        404,
        404,
    ),
    "academie/rapportages/training/<int:training_id>/": (302, 403, 404, 404, 404, 404, 404, 200),
    "academie/rapportages/training/<int:training_id>/<str:table>.csv": (
        302,
        403,
        404,
        404,
        404,
        404,
        404,
        200,
    ),
    "academie/sessies/<int:session_id>/aanmelden/": (302, 405, 405, 405, 405, 405, 405, 405),
    "academie/sessies/<int:session_id>/afmelden/": (302, 405, 405, 405, 405, 405, 405, 405),
    "academie/sessies/<int:session_id>/agenda.ics": (200, 200, 200, 200, 200, 200, 200, 200),
    "admin/snippets/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/snippets/academie/certificate/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/certificate/add/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/certificate/copy/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/certificate/delete/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/academie/certificate/edit/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/certificate/history-results/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/academie/certificate/history/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/academie/certificate/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/certificate/usage/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/scormpackage/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/scormpackage/add/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/scormpackage/copy/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/scormpackage/delete/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/academie/scormpackage/edit/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/scormpackage/history-results/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/academie/scormpackage/history/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/academie/scormpackage/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/academie/scormpackage/usage/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    # The certificate chooser lists learners' names: only staff who manage certificates.
    "admin/snippets/choose/academie/certificate/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/choose/academie/certificate/chosen-multiple/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/choose/academie/certificate/chosen/<str:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/choose/academie/certificate/create/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/choose/academie/certificate/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/choose/academie/scormpackage/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/snippets/choose/academie/scormpackage/chosen-multiple/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/academie/scormpackage/chosen/<str:pk>/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/academie/scormpackage/create/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/choose/academie/scormpackage/results/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/communities/community/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/snippets/choose/communities/community/chosen-multiple/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/communities/community/chosen/<str:pk>/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/communities/community/create/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/choose/communities/community/results/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/kpo/allowedemaildomain/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/snippets/choose/kpo/allowedemaildomain/chosen-multiple/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/kpo/allowedemaildomain/chosen/<str:pk>/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/kpo/allowedemaildomain/create/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        200,
    ),
    "admin/snippets/choose/kpo/allowedemaildomain/results/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/communities/community/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/communities/community/add/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/communities/community/copy/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/communities/community/delete/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/communities/community/edit/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/communities/community/history-results/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/communities/community/history/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/communities/community/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/snippets/communities/community/usage/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        302,
    ),
    "admin/snippets/kpo/allowedemaildomain/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/snippets/kpo/allowedemaildomain/add/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/snippets/kpo/allowedemaildomain/copy/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        200,
    ),
    "admin/snippets/kpo/allowedemaildomain/delete/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        200,
    ),
    "admin/snippets/kpo/allowedemaildomain/edit/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        200,
    ),
    "admin/snippets/kpo/allowedemaildomain/history-results/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        200,
    ),
    "admin/snippets/kpo/allowedemaildomain/history/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        200,
    ),
    "admin/snippets/kpo/allowedemaildomain/results/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/snippets/kpo/allowedemaildomain/usage/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        302,
        200,
    ),
    # Search synonyms (search/searchsynonym): Redacteuren and Beheerders manage them; the
    # chooser, like the other snippets' choosers, opens for all staff (nothing in it is secret).
    "admin/snippets/choose/search/searchsynonym/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/snippets/choose/search/searchsynonym/chosen-multiple/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/search/searchsynonym/chosen/<str:pk>/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/snippets/choose/search/searchsynonym/create/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/snippets/choose/search/searchsynonym/results/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/snippets/search/searchsynonym/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/snippets/search/searchsynonym/add/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/snippets/search/searchsynonym/copy/<int:pk>/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/snippets/search/searchsynonym/delete/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        200,
        302,
        200,
    ),
    "admin/snippets/search/searchsynonym/edit/<int:pk>/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/snippets/search/searchsynonym/history-results/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        200,
        302,
        200,
    ),
    "admin/snippets/search/searchsynonym/history/<int:pk>/": (
        302,
        302,
        302,
        302,
        302,
        200,
        302,
        200,
    ),
    "admin/snippets/search/searchsynonym/results/": (302, 302, 302, 302, 302, 200, 302, 200),
    "admin/snippets/search/searchsynonym/usage/<int:pk>/": (302, 302, 302, 302, 302, 200, 302, 200),
    "^((?:[\\w\\-]+/)*)$": (302, 403, 200, 200, 200, 200, 200, 200),
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        404,
        404,
        404,
        404,
        404,
        404,
        404,
        404,
    ),
    "_util/login/": (302, 302, 302, 302, 302, 302, 302, 302),
    "academie/aanmeldingen/": (302, 403, 200, 200, 200, 200, 200, 200),
    "academie/aanmeldingen/<int:enrolment_id>/": (302, 405, 405, 405, 405, 405, 405, 405),
    "academie/certificaat-downloaden/<int:course_id>/": (302, 403, 404, 404, 404, 404, 404, 404),
    "academie/inschrijven/<int:course_id>/": (302, 405, 405, 405, 405, 405, 405, 405),
    "academie/mijn-leeromgeving/": (302, 403, 200, 200, 200, 200, 200, 200),
    "academie/scorm/<int:lesson_id>/opslaan/<str:session_key>/": (
        405,
        405,
        405,
        405,
        405,
        405,
        405,
        405,
    ),
    "academie/scorm/inhoud/<str:token>/": (404, 404, 404, 404, 404, 404, 404, 404),
    "academie/scorm/inhoud/<str:token>/<path:path>": (404, 404, 404, 404, 404, 404, 404, 404),
    "accounts/2fa/": (302, 200, 200, 200, 200, 200, 200, 200),
    "accounts/2fa/authenticate/": (302, 302, 302, 302, 302, 302, 302, 302),
    "accounts/2fa/reauthenticate/": (302, 302, 302, 302, 200, 200, 200, 200),
    "accounts/2fa/recovery-codes/": (302, 404, 404, 404, 404, 404, 404, 404),
    "accounts/2fa/recovery-codes/download/": (302, 404, 404, 404, 404, 404, 404, 404),
    "accounts/2fa/recovery-codes/generate/": (302, 302, 302, 302, 302, 302, 302, 302),
    "accounts/2fa/totp/activate/": (302, 302, 302, 302, 302, 302, 302, 302),
    "accounts/2fa/totp/deactivate/": (302, 404, 404, 404, 302, 302, 302, 302),
    "accounts/2fa/webauthn/": (302, 200, 200, 200, 200, 200, 200, 200),
    "accounts/2fa/webauthn/add/": (302, 302, 302, 302, 302, 302, 302, 302),
    "accounts/2fa/webauthn/keys/<int:pk>/edit/": (302, 302, 302, 302, 302, 302, 302, 302),
    "accounts/2fa/webauthn/keys/<int:pk>/remove/": (302, 302, 302, 302, 302, 302, 302, 302),
    "accounts/2fa/webauthn/reauthenticate/": (302, 302, 302, 302, 302, 302, 302, 302),
    "accounts/^confirm-email/(?P<key>[-:\\w]+)/$": (200, 200, 200, 200, 200, 200, 200, 200),
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": (
        200,
        200,
        200,
        200,
        200,
        200,
        200,
        200,
    ),
    "accounts/confirm-email/": (200, 200, 200, 200, 200, 200, 200, 200),
    "accounts/email/": (302, 200, 200, 200, 200, 200, 200, 200),
    "accounts/inactive/": (200, 200, 200, 200, 200, 200, 200, 200),
    "accounts/login/": (200, 302, 302, 302, 302, 302, 302, 302),
    "accounts/login/code/confirm/": (302, 302, 302, 302, 302, 302, 302, 302),
    "accounts/logout/": (302, 200, 200, 200, 200, 200, 200, 200),
    "accounts/password/change/": (302, 200, 200, 200, 200, 200, 200, 200),
    "accounts/password/reset/": (200, 200, 200, 200, 200, 200, 200, 200),
    "accounts/password/reset/done/": (200, 200, 200, 200, 200, 200, 200, 200),
    "accounts/password/reset/key/done/": (200, 200, 200, 200, 200, 200, 200, 200),
    "accounts/password/set/": (302, 302, 302, 302, 302, 302, 302, 302),
    "accounts/reauthenticate/": (302, 200, 200, 200, 200, 200, 200, 200),
    "accounts/sessions/": (302, 200, 200, 200, 200, 200, 200, 200),
    "accounts/signup/": (200, 302, 302, 302, 302, 302, 302, 302),
    "admin/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/^.*/$": (302, 302, 302, 302, 404, 404, 404, 404),
    "admin/account/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/api/main/^documents/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/api/main/^documents/<int:pk>/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/api/main/^documents/find/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/api/main/^images/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/api/main/^images/<int:pk>/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/api/main/^images/find/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/api/main/^pages/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/api/main/^pages/<int:pk>/": (302, 302, 302, 302, 404, 200, 200, 404),
    "admin/api/main/^pages/<int:pk>/action/<str:action_name>/": (
        302,
        302,
        302,
        302,
        405,
        405,
        405,
        405,
    ),
    "admin/api/main/^pages/find/": (302, 302, 302, 302, 404, 302, 302, 404),
    "admin/block-preview/": (302, 302, 302, 302, 404, 404, 404, 404),
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": (
        302,
        302,
        302,
        302,
        404,
        404,
        404,
        404,
    ),
    "admin/choose-anchor-link/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/choose-email-link/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/choose-external-link/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/choose-page/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/choose-page/<int:parent_page_id>/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/choose-page/chosen-multiple/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/choose-page/search/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/choose-phone-link/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/collections/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/collections/<int:collection_id>/privacy/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/collections/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/collections/<int:pk>/delete/": (302, 302, 302, 302, 404, 404, 404, 404),
    "admin/collections/add/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/dismissibles/": (302, 302, 302, 302, 200, 200, 200, 200),
    # Restoring a document version: for those who may change documents (editors, redactieraad).
    "admin/documentversies/<int:version_id>/terugzetten/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/documents/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/documents/add/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/documents/chooser/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/documents/chooser/chosen-multiple/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/documents/chooser/chosen/<str:pk>/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/documents/chooser/create/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/documents/chooser/results/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/documents/delete/<int:document_id>/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/documents/edit/<int:document_id>/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/documents/multiple/<int:doc_id>/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/documents/multiple/<int:doc_id>/delete/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/documents/multiple/add/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/": (
        302,
        302,
        302,
        302,
        405,
        405,
        405,
        405,
    ),
    "admin/documents/multiple/delete_upload/<int:uploaded_file_id>/": (
        302,
        302,
        302,
        302,
        405,
        405,
        405,
        405,
    ),
    "admin/documents/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/documents/usage/<int:document_id>/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/": (
        302,
        302,
        302,
        302,
        405,
        405,
        405,
        405,
    ),
    "admin/editing-sessions/release/<int:session_id>/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/groups/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/groups/delete/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/groups/edit/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/groups/history-results/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/groups/history/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/groups/new/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/groups/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/groups/usage/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/images/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/images/<int:image_id>/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/images/<int:image_id>/delete/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/images/<int:image_id>/generate_url/": (302, 302, 302, 302, 302, 404, 404, 302),
    "admin/images/<int:image_id>/generate_url/output/": (302, 302, 302, 302, 302, 404, 404, 302),
    "admin/images/<int:image_id>/preview/<str:filter_spec>/": (
        302,
        302,
        302,
        302,
        302,
        200,
        200,
        302,
    ),
    "admin/images/add/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/images/chooser/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/images/chooser/<int:image_id>/select_format/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/images/chooser/chosen-multiple/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/images/chooser/chosen/<str:pk>/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/images/chooser/create/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/images/chooser/results/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/images/multiple/<int:image_id>/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/images/multiple/<int:image_id>/delete/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/images/multiple/add/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/": (
        302,
        302,
        302,
        302,
        405,
        405,
        405,
        405,
    ),
    "admin/images/multiple/delete_upload/<int:uploaded_file_id>/": (
        302,
        302,
        302,
        302,
        405,
        405,
        405,
        405,
    ),
    "admin/images/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/images/usage/<int:image_id>/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/jsi18n/": (200, 200, 200, 200, 200, 200, 200, 200),
    "admin/logboek/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/login/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/logout/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/pages/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:page_id>/convert_alias/": (302, 302, 302, 302, 404, 404, 404, 404),
    "admin/pages/<int:page_id>/copy/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:page_id>/delete/": (302, 302, 302, 302, 302, 302, 200, 302),
    "admin/pages/<int:page_id>/edit/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:page_id>/edit/preview/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:page_id>/history/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:page_id>/history/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:page_id>/lock/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/pages/<int:page_id>/privacy/": (302, 302, 302, 302, 302, 302, 200, 302),
    "admin/pages/<int:page_id>/revisions/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/": (
        302,
        302,
        302,
        302,
        302,
        200,
        200,
        302,
    ),
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/": (
        302,
        302,
        302,
        302,
        302,
        302,
        200,
        302,
    ),
    "admin/pages/<int:page_id>/revisions/<int:revision_id>/view/": (
        302,
        302,
        302,
        302,
        302,
        200,
        200,
        302,
    ),
    "admin/pages/<int:page_id>/unlock/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/pages/<int:page_id>/unpublish/": (302, 302, 302, 302, 302, 302, 200, 302),
    "admin/pages/<int:page_id>/usage/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:page_id>/view_draft/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:page_id>/workflow_history/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/": (
        302,
        302,
        302,
        302,
        302,
        200,
        200,
        302,
    ),
    "admin/pages/<int:page_to_move_id>/move/": (302, 302, 302, 302, 302, 302, 200, 302),
    "admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/pages/<int:page_to_move_id>/set_position/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/pages/<int:parent_page_id>/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:parent_page_id>/add_subpage/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/<int:parent_page_id>/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\.(?P<revision_id_b>live|latest|\\d+)/$": (
        302,
        302,
        302,
        302,
        302,
        200,
        200,
        302,
    ),
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/": (
        302,
        302,
        302,
        302,
        302,
        200,
        200,
        302,
    ),
    "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/": (
        302,
        302,
        302,
        302,
        302,
        200,
        200,
        302,
    ),
    "admin/pages/create/<slug:app_label>/<slug:model_name>": (
        302,
        302,
        302,
        302,
        200,
        302,
        302,
        200,
    ),
    "admin/pages/search/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/search/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/": (
        302,
        302,
        302,
        302,
        302,
        200,
        200,
        302,
    ),
    "admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/": (
        302,
        302,
        302,
        302,
        302,
        200,
        200,
        302,
    ),
    "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        200,
        302,
    ),
    "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        200,
        302,
    ),
    "admin/pages/workflow/confirm_cancellation/<int:page_id>/": (
        302,
        302,
        302,
        302,
        200,
        200,
        200,
        200,
    ),
    "admin/pages/workflow/preview/<int:page_id>/<int:task_id>/": (
        302,
        302,
        302,
        302,
        302,
        302,
        200,
        302,
    ),
    "admin/password_reset/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/password_reset/complete/": (404, 404, 404, 404, 404, 404, 404, 404),
    "admin/password_reset/confirm/<uidb64>/<token>/": (404, 404, 404, 404, 404, 404, 404, 404),
    "admin/password_reset/done/": (404, 404, 404, 404, 404, 404, 404, 404),
    "admin/redirects/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/redirects/<int:redirect_id>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/redirects/<int:redirect_id>/delete/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/redirects/add/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/redirects/import/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/redirects/import/process/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/redirects/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/reports/aging-pages/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/aging-pages/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/locked/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/reports/locked/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/reports/meest-gedownload/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/meest-gedownload/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/page-types-usage/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/page-types-usage/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/site-history/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/reports/site-history/results/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/reports/te-herzien/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/te-herzien/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/workflow/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/workflow/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/workflow_tasks/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/reports/workflow_tasks/results/": (302, 302, 302, 302, 302, 200, 200, 302),
    "admin/sites/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/sites/copy/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/sites/delete/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/sites/edit/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/sites/history-results/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/sites/history/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/sites/new/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/sites/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/sites/usage/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/sprite/": (200, 200, 200, 200, 200, 200, 200, 200),
    "admin/tag-autocomplete/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": (
        302,
        302,
        302,
        302,
        404,
        404,
        404,
        404,
    ),
    "admin/test404/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/users/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/users/copy/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/users/delete/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/users/edit/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/users/history-results/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/users/history/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/users/new/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/users/results/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/users/usage/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 200),
    "admin/workflows/add/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/disable/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/edit/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/enable/<int:pk>/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/workflows/list/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/list/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/remove/<int:page_pk>/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/": (
        302,
        302,
        302,
        302,
        405,
        405,
        405,
        405,
    ),
    "admin/workflows/task_chooser/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/workflows/task_chooser/<int:task_id>/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/workflows/task_chooser/create/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/workflows/task_chooser/results/": (302, 302, 302, 302, 200, 200, 200, 200),
    "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/": (
        302,
        302,
        302,
        302,
        404,
        404,
        404,
        404,
    ),
    "admin/workflows/tasks/disable/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/tasks/edit/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/tasks/enable/<int:pk>/": (302, 302, 302, 302, 405, 405, 405, 405),
    "admin/workflows/tasks/index/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/tasks/index/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/tasks/select_type/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/usage/<int:pk>/": (302, 302, 302, 302, 302, 302, 302, 302),
    "admin/workflows/usage/<int:pk>/results/": (302, 302, 302, 302, 302, 302, 302, 302),
    "api/zoeken/": (200, 200, 200, 200, 200, 200, 200, 200),
    "api/zoeken/suggesties/": (200, 200, 200, 200, 200, 200, 200, 200),
    "collegas/": (302, 403, 200, 200, 200, 200, 200, 200),
    "collegas/<int:pk>/": (302, 403, 200, 200, 200, 200, 200, 200),
    "communities/<slug:slug>/": (302, 403, 200, 403, 200, 403, 403, 403),
    "communities/<slug:slug>/berichten/<int:post_id>/accepteren/": (
        302,
        403,
        405,
        403,
        405,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/berichten/<int:post_id>/bewerken/": (
        302,
        403,
        403,
        403,
        200,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/berichten/<int:post_id>/geschiedenis/": (
        302,
        403,
        200,
        403,
        200,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/berichten/<int:post_id>/melden/": (
        302,
        403,
        200,
        403,
        200,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/berichten/<int:post_id>/moderatie/": (
        302,
        403,
        403,
        403,
        405,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/bestanden/": (302, 403, 200, 403, 200, 403, 403, 403),
    "communities/<slug:slug>/bestanden/<int:file_id>/": (302, 403, 200, 403, 200, 403, 403, 403),
    "communities/<slug:slug>/bestanden/<int:file_id>/beheren/": (
        302,
        403,
        405,
        403,
        405,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/bestanden/<int:file_id>/downloaden/": (
        302,
        403,
        200,
        403,
        200,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/bestanden/<int:file_id>/nieuwe-versie/": (
        302,
        403,
        405,
        403,
        405,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/bestanden/<int:file_id>/versies/<int:version_id>/downloaden/": (
        302,
        403,
        200,
        403,
        200,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/bestanden/mappen/<int:folder_id>/": (
        302,
        403,
        200,
        403,
        200,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/bestanden/mappen/<int:folder_id>/nieuwe-map/": (
        302,
        403,
        403,
        403,
        405,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/bestanden/mappen/<int:folder_id>/uploaden/": (
        302,
        403,
        405,
        403,
        405,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/bestanden/nieuwe-map/": (302, 403, 403, 403, 405, 403, 403, 403),
    "communities/<slug:slug>/bestanden/uploaden/": (302, 403, 405, 403, 405, 403, 403, 403),
    "communities/<slug:slug>/bijlagen/<int:attachment_id>/<str:filename>": (
        302,
        403,
        200,
        403,
        200,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/leden/": (302, 403, 200, 403, 200, 403, 403, 403),
    "communities/<slug:slug>/leden/<int:membership_id>/": (302, 403, 403, 403, 405, 403, 403, 403),
    "communities/<slug:slug>/leden/uitnodigen/": (302, 403, 403, 403, 405, 403, 403, 403),
    "communities/<slug:slug>/lid-worden/": (302, 405, 405, 405, 405, 405, 405, 405),
    "communities/<slug:slug>/moderatie/": (302, 403, 403, 403, 200, 403, 403, 403),
    "communities/<slug:slug>/nieuw/": (302, 403, 200, 403, 200, 403, 403, 403),
    "communities/<slug:slug>/onderwerpen/<int:topic_id>/": (302, 403, 200, 403, 200, 403, 403, 403),
    "communities/<slug:slug>/onderwerpen/<int:topic_id>/moderatie/": (
        302,
        403,
        403,
        403,
        405,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/onderwerpen/<int:topic_id>/reageren/": (
        302,
        403,
        405,
        403,
        405,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/onderwerpen/<int:topic_id>/volgen/": (
        302,
        403,
        405,
        403,
        405,
        403,
        403,
        403,
    ),
    "communities/<slug:slug>/uitnodiging/<str:token>/": (302, 404, 404, 404, 404, 404, 404, 404),
    "communities/<slug:slug>/verlaten/": (302, 405, 405, 405, 405, 405, 405, 405),
    "communities/<slug:slug>/volgen/": (302, 403, 405, 403, 405, 403, 403, 403),
    "communities/meldingen/": (302, 200, 200, 200, 200, 200, 200, 200),
    "communities/meldingen/afmelden/<str:token>/": (404, 404, 404, 404, 404, 404, 404, 404),
    "communities/meldingen/instellingen/": (302, 200, 200, 200, 200, 200, 200, 200),
    "documenten/^(\\d+)/(.*)$": (404, 404, 404, 404, 404, 404, 404, 404),
    # An earlier version of the members-only page's document: the document's own access.
    "documenten/versies/<int:version_id>/<str:filename>": (302, 403, 200, 200, 200, 200, 200, 200),
    "documenten/authenticate_with_password/<int:restriction_id>/": (
        404,
        404,
        404,
        404,
        404,
        404,
        404,
        404,
    ),
    "feeds/nieuws.atom": (200, 200, 200, 200, 200, 200, 200, 200),
    "feeds/nieuws.rss": (200, 200, 200, 200, 200, 200, 200, 200),
    # The feed of a members-only theme page (whose members-only handreiking is in it).
    "feeds/thema/<slug:slug>.atom": (404, 404, 200, 200, 200, 200, 200, 200),
    "feeds/thema/<slug:slug>.rss": (404, 404, 200, 200, 200, 200, 200, 200),
    "i18n/setlang/": (302, 302, 302, 302, 302, 302, 302, 302),
    # Image renditions (public by design) from the media storage; no such file here.
    "media/images/<path:path>": (404, 404, 404, 404, 404, 404, 404, 404),
    "mijn-account/": (302, 200, 200, 200, 200, 200, 200, 200),
    "mijn-account/gegevens/": (302, 302, 302, 302, 302, 302, 302, 302),
    "mijn-account/profiel/": (302, 200, 200, 200, 200, 200, 200, 200),
    "mijn-account/verwijderen/": (302, 302, 302, 302, 302, 302, 302, 302),
    "robots.txt": (200, 200, 200, 200, 200, 200, 200, 200),
    "sitemap.xml": (200, 200, 200, 200, 200, 200, 200, 200),
    "zoeken/": (200, 200, 200, 200, 200, 200, 200, 200),
}


def group_of(route):
    """Routes are tested in groups (per app or admin section), so xdist can share them out."""
    return "/".join(route.split("/")[:2])


GROUPS = sorted({group_of(route) for route in routes()})


@pytest.mark.parametrize("group", GROUPS)
def test_every_route_answers_each_role_as_expected(group, world):
    clients = {role: client_for(role, world) for role in ROLES}
    problems = []
    for route in routes():
        if group_of(route) != group:
            continue
        path, statuses, leaks = observe(route, world, clients)
        problems += leaks
        if route not in EXPECTED:
            problems.append(
                f"No entry in tests/test_access_matrix.py EXPECTED for the new route {route!r} "
                f"(GET {path}). It answers now: {route!r}: {row(statuses)}. Check each status "
                "is what that role must get, then add the entry."
            )
        elif tuple(statuses[role] for role in ROLES) != EXPECTED[route]:
            problems.append(
                f"{route!r} (GET {path}): expected {EXPECTED[route]}, got {row(statuses)}"
            )
    assert not problems, "\n".join(problems)


def test_the_matrix_has_no_entries_for_routes_that_are_gone():
    assert sorted(set(EXPECTED) - set(routes())) == []
