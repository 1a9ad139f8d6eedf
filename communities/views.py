"""The pages inside a community. Only its active members get in: anonymous visitors are
sent to the login page, others get a 403 that shows no content (only how to join), and
a hidden community answers 404 to everyone who is not a member.

Interactions (reply, accept, follow, report) are plain forms that POST and redirect;
with htmx the same views answer with the partial to swap in."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from communities import activity, library, moderation, notify, posting, threads
from communities import membership as memberships
from communities.forms import (
    EditPostForm,
    EmailSettingsForm,
    FollowForm,
    InviteForm,
    JoinForm,
    PostForm,
    ReasonForm,
    TopicForm,
)
from communities.models import (
    Community,
    CommunityType,
    Invitation,
    Membership,
    MembershipStatus,
    ModerationAction,
    Notification,
    NotificationKind,
    Post,
    TopicKind,
)
from kpo.access import access_tokens, community_token, visible_to
from kpo.s3storage import StorageUnavailable
from kpo.uploads import storage_unavailable_error


def is_htmx(request):
    return request.headers.get("HX-Request") == "true"


def members_only(manager=False):
    """Resolve ``slug`` to a community the user is an active member (or manager) of."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            community = get_object_or_404(Community, slug=slug)
            membership = memberships.membership_of(request.user, community)
            if not memberships.is_member(request.user, community):
                if community.is_hidden:
                    raise Http404
                return no_access(request, community, membership)
            if manager and not membership.is_manager:
                raise PermissionDenied
            return view(request, community, membership, *args, **kwargs)

        return wrapper

    return decorator


def no_access(request, community, membership, join_form=None, status=403):
    """What a non-member sees: the community's name and description and how to join."""
    context = {
        "community": community,
        "membership": membership,
        "can_join": memberships.can_join(request.user),
        "join_form": join_form or JoinForm(),
    }
    return TemplateResponse(request, "communities/no_access.html", context, status=status)


def visible_topics(user, community, membership):
    """Topics; one still waiting for approval only for its author and the managers."""
    topics = community.topics.select_related("author")
    if membership.is_manager:
        return topics
    return topics.filter(Q(needs_approval=False) | Q(author=user))


def visible_posts(user, topic, membership):
    posts = topic.posts.select_related("author", "author__organisation")
    if membership.is_manager:
        return posts
    return posts.filter(Q(needs_approval=False) | Q(author=user))


@members_only()
def home(request, community, membership):
    topics = visible_topics(request.user, community, membership)
    context = {
        "community": community,
        "membership": membership,
        "is_manager": membership.is_manager,
        "pinned": topics.filter(is_pinned=True)[:5],
        "latest": topics.filter(is_pinned=False).order_by("-last_activity_at")[:10],
        "open_questions": topics.filter(kind=TopicKind.QUESTION, accepted_answer=None)[:5],
        "recent_files": library.visible_files(request.user, community, membership).order_by(
            "-updated_at", "-pk"
        )[:5],
        "members": active_members(community)[:12],
        "member_count": active_members(community).count(),
        "themes": community.themes.all(),
        "theme_pages": theme_pages(request.user, community),
        "products": kennisbank_products(request.user, community),
        "follow_form": FollowForm(initial={"level": notify.follow_level(request.user, community)}),
    }
    if membership.is_manager:
        context["pending_count"] = community.memberships.filter(
            status=MembershipStatus.PENDING
        ).count()
        context["report_count"] = moderation.open_reports(community).count()
    return TemplateResponse(request, "communities/home.html", context)


def active_members(community):
    return (
        Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE)
        .select_related("user", "user__organisation")
        .order_by("-role", "user__full_name")
    )


def theme_pages(user, community):
    """The kennisbank theme pages linked to this community that ``user`` may see."""
    from kennisbank.models import ThemaPage

    return visible_to(ThemaPage.objects.live().filter(community=community), user)


def kennisbank_products(user, community, limit=5):
    """The newest kennisbank products on the community's themes that ``user`` may see."""
    from kennisbank.models import ProductPage

    themed = ProductPage.objects.live().filter(themes__communities=community).distinct()
    return visible_to(themed, user).order_by("-publication_date", "-pk")[:limit]


@login_required
@require_POST
def join(request, slug):
    community = get_object_or_404(Community, slug=slug)
    if community.is_hidden and not memberships.is_member(request.user, community):
        raise Http404
    membership = memberships.membership_of(request.user, community)
    motivation = ""
    if community.type == CommunityType.ON_REQUEST:
        form = JoinForm(request.POST)
        if not form.is_valid():
            return no_access(request, community, membership, join_form=form, status=400)
        motivation = form.cleaned_data["motivation"]
    try:
        result = memberships.join(request.user, community, motivation)
    except memberships.MembershipError as error:
        messages.error(request, str(error))
        return redirect(community.get_absolute_url())
    messages.success(request, result.message)
    return redirect(community.get_absolute_url())


@login_required
@require_POST
def leave(request, slug):
    community = get_object_or_404(Community, slug=slug)
    try:
        memberships.leave(request.user, community)
    except memberships.MembershipError as error:
        raise Http404 from error
    messages.success(request, _("U heeft de community %(name)s verlaten.") % {"name": community})
    return redirect("/communities/")


@members_only()
def members(request, community, membership, invite_form=None):
    context = {
        "community": community,
        "membership": membership,
        "is_manager": membership.is_manager,
        "members": [
            (item, posting.mention_handle(item.user)) for item in active_members(community)
        ],
    }
    if membership.is_manager:
        context["pending"] = community.memberships.filter(
            status=MembershipStatus.PENDING
        ).select_related("user", "user__organisation")
        context["invitations"] = community.invitations.filter(accepted_at=None)
        context["invite_form"] = invite_form or InviteForm()
    return TemplateResponse(request, "communities/members.html", context)


MEMBER_DECISION_MESSAGES = {
    "approve": "%(name)s is toegelaten.",
    "refuse": "De aanvraag van %(name)s is afgewezen.",
    "remove": "%(name)s is uit de community verwijderd.",
    "ban": "%(name)s is geblokkeerd.",
}


@members_only(manager=True)
@require_POST
def decide(request, community, membership, membership_id):
    target = get_object_or_404(community.memberships.select_related("user"), pk=membership_id)
    decision = request.POST.get("decision")
    if decision not in memberships.DECISIONS:
        messages.error(request, _("Kies een geldige actie."))
        return redirect("communities:members", community.slug)
    try:
        memberships.decide(request.user, target, decision, request.POST.get("reason", ""))
    except memberships.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _(MEMBER_DECISION_MESSAGES[decision]) % {"name": target.user})
    return redirect("communities:members", community.slug)


@members_only(manager=True)
@require_POST
def invite(request, community, membership):
    form = InviteForm(request.POST)
    if not form.is_valid():
        response = members(request, community.slug, invite_form=form)
        response.status_code = 400
        return response
    invitation = memberships.invite(request.user, community, form.cleaned_data["email"])
    send_invitation(request, invitation)
    messages.success(request, _("De uitnodiging is verstuurd naar %(email)s.") % form.cleaned_data)
    return redirect("communities:members", community.slug)


def send_invitation(request, invitation):
    community = invitation.community
    path = reverse("communities:invitation", args=[community.slug, invitation.token])
    context = {
        "community": community,
        "url": request.build_absolute_uri(path),
        "inviter": request.user,
    }
    send_mail(
        _("[KPO] Uitnodiging voor de community %(name)s") % {"name": community.name},
        render_to_string("communities/email/invitation.txt", context),
        None,
        [invitation.email],
    )


@login_required
def accept_invitation(request, slug, token):
    invitation = get_object_or_404(Invitation, community__slug=slug, token=token)
    if request.method == "POST":
        try:
            memberships.accept_invitation(request.user, invitation)
        except memberships.MembershipError as error:
            messages.error(request, str(error))
            return redirect("/communities/")
        messages.success(request, _("Welkom! U bent nu lid van deze community."))
        return redirect(invitation.community.get_absolute_url())
    return TemplateResponse(request, "communities/invitation.html", {"invitation": invitation})


@members_only()
def new_topic(request, community, membership):
    kind = request.GET.get("soort") or TopicKind.DISCUSSION
    form = TopicForm(request.POST or None, request.FILES or None, initial={"kind": kind})
    if request.method == "POST" and form.is_valid():
        try:
            topic = posting.start_topic(community, request.user, **topic_fields(form))
        except posting.PostingError as error:
            form.add_error("source", str(error))
        except StorageUnavailable:
            form.add_error("attachments", storage_unavailable_error())
        else:
            messages.success(request, posted_message(topic.needs_approval))
            return redirect(topic.get_absolute_url())
    status = 400 if form.errors else 200
    context = {"community": community, "membership": membership, "form": form}
    return TemplateResponse(request, "communities/topic_form.html", context, status=status)


def posted_message(held):
    if held:
        return _("Uw bericht wacht op goedkeuring van een community manager.")
    return _("Uw bericht is geplaatst.")


def topic_fields(form):
    data = form.cleaned_data
    return {"kind": data["kind"], "title": data["title"], **post_fields(form)}


def post_fields(form):
    """The text and the checked images and attachments of a post form."""
    data = form.cleaned_data
    return {
        "source": data["source"],
        "images": data["images"],
        "attachments": data["attachments"],
    }


def get_topic(request, community, membership, topic_id):
    topics = visible_topics(request.user, community, membership).select_related("community")
    return get_object_or_404(topics, pk=topic_id)


def posts_page(request, topic, membership):
    """The page of the thread that the link asks for; the first page (and a notice) for a
    link with a cursor that is not ours."""
    posts = visible_posts(request.user, topic, membership)
    try:
        return threads.thread_page(posts, request.GET)
    except threads.BadCursor:
        messages.warning(request, _("Deze link naar een deel van het onderwerp klopt niet."))
        return threads.thread_page(posts, {})


def topic_context(request, community, membership, topic, reply_form=None):
    thread = posts_page(request, topic, membership)
    is_manager = membership.is_manager
    return {
        "community": community,
        "membership": membership,
        "topic": topic,
        "thread": thread,
        "posts": thread.posts,
        "page_query": threads.page_query(request.GET),
        "is_manager": is_manager,
        "can_accept": topic.is_question and (is_manager or topic.author_id == request.user.pk),
        "reply_form": reply_form or PostForm(),
        "follow_form": FollowForm(
            initial={"level": notify.follow_level(request.user, community, topic)}
        ),
    }


@members_only()
def topic(request, community, membership, topic_id):
    topic = get_topic(request, community, membership, topic_id)
    context = topic_context(request, community, membership, topic)
    return TemplateResponse(request, "communities/topic.html", context)


@members_only()
@require_POST
def reply(request, community, membership, topic_id):
    topic = get_topic(request, community, membership, topic_id)
    form = PostForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            post = posting.reply(topic, request.user, **post_fields(form))
        except posting.PostingError as error:
            form.add_error("source", str(error))
        except StorageUnavailable:
            form.add_error("attachments", storage_unavailable_error())
        else:
            return after_reply(request, community, membership, topic, post)
    context = topic_context(request, community, membership, topic, reply_form=form)
    template = (
        "communities/includes/reply_form.html" if is_htmx(request) else "communities/topic.html"
    )
    return TemplateResponse(request, template, context, status=400 if not is_htmx(request) else 200)


def after_reply(request, community, membership, topic, post):
    if not is_htmx(request):
        messages.success(request, posted_message(post.needs_approval))
        return redirect(post.get_absolute_url())
    context = topic_context(request, community, membership, topic)
    context.update(post=post, posted=True)
    return TemplateResponse(request, "communities/includes/reply_posted.html", context)


def get_post(request, community, membership, post_id):
    """A post of this community; one waiting for approval only for its author and managers."""
    posts = Post.objects.select_related("topic", "topic__community", "author")
    if not membership.is_manager:
        posts = posts.filter(Q(needs_approval=False) | Q(author=request.user))
    return get_object_or_404(posts, topic__community=community, pk=post_id)


@members_only()
def edit_post(request, community, membership, post_id):
    post = get_post(request, community, membership, post_id)
    if post.author_id != request.user.pk:
        raise PermissionDenied
    form = EditPostForm(
        request.POST or None, request.FILES or None, initial={"source": post.source}, post=post
    )
    if request.method == "POST" and form.is_valid():
        removed = form.cleaned_data.get("remove_attachments") or []
        try:
            posting.edit(post, request.user, removed=removed, **post_fields(form))
        except StorageUnavailable:
            form.add_error("attachments", storage_unavailable_error())
        else:
            messages.success(request, _("Uw bericht is bijgewerkt."))
            return redirect(post.get_absolute_url())
    context = {"community": community, "membership": membership, "post": post, "form": form}
    status = 400 if form.errors else 200
    return TemplateResponse(request, "communities/post_edit.html", context, status=status)


@members_only()
def post_history(request, community, membership, post_id):
    post = get_post(request, community, membership, post_id)
    if post.is_hidden and not membership.is_manager:
        raise PermissionDenied
    context = {
        "community": community,
        "membership": membership,
        "post": post,
        "revisions": post.revisions.select_related("edited_by"),
    }
    return TemplateResponse(request, "communities/post_history.html", context)


@members_only()
@require_POST
def accept(request, community, membership, post_id):
    post = get_post(request, community, membership, post_id)
    topic = post.topic
    if not topic.is_question or post.is_opening or post.is_hidden:
        raise Http404
    if not (membership.is_manager or topic.author_id == request.user.pk):
        raise PermissionDenied
    posting.accept_answer(topic, post, request.user)
    if is_htmx(request):
        context = topic_context(request, community, membership, topic)
        return TemplateResponse(request, "communities/includes/post_list.html", context)
    messages.success(request, _("Het geaccepteerde antwoord is bijgewerkt."))
    return redirect(post.get_absolute_url())


@members_only()
def report(request, community, membership, post_id):
    post = get_post(request, community, membership, post_id)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.report(post, request.user, form.cleaned_data["reason"])
        message = _("Bedankt. De community managers bekijken uw melding.")
        if is_htmx(request):
            return TemplateResponse(
                request, "communities/includes/status.html", {"message": message}
            )
        messages.success(request, message)
        return redirect(post.get_absolute_url())
    context = {"community": community, "membership": membership, "post": post, "form": form}
    template = (
        "communities/includes/report_form.html" if is_htmx(request) else "communities/report.html"
    )
    status = 400 if form.errors and not is_htmx(request) else 200
    return TemplateResponse(request, template, context, status=status)


@members_only()
@require_POST
def follow(request, community, membership, topic_id=None):
    topic = get_topic(request, community, membership, topic_id) if topic_id else None
    form = FollowForm(request.POST)
    if form.is_valid():
        notify.follow(request.user, community, form.cleaned_data["level"], topic=topic)
        message = _("Uw keuze voor meldingen is opgeslagen.")
    else:
        message = _("Kies hoe u meldingen wilt ontvangen.")
    if is_htmx(request):
        context = {"message": message, "follow_form": form, "community": community, "topic": topic}
        return TemplateResponse(request, "communities/includes/follow_form.html", context)
    messages.info(request, message)
    return redirect(topic.get_absolute_url() if topic else community.get_absolute_url())


@members_only(manager=True)
def moderation_queue(request, community, membership):
    weeks = activity.weekly_activity(community)
    context = {
        "community": community,
        "membership": membership,
        "pending": community.memberships.filter(status=MembershipStatus.PENDING).select_related(
            "user"
        ),
        "weeks": weeks,
        "max_posts": max([week.posts for week in weeks] + [1]),
        "reports": moderation.open_reports(community),
        "held_posts": moderation.held_posts(community),
        "log": community.moderation_log.select_related(
            "actor", "target_user", "topic", "post__topic", "file"
        )[:50],
        "reason_form": ReasonForm(),
    }
    return TemplateResponse(request, "communities/moderation.html", context)


@members_only(manager=True)
@require_POST
def moderate_post(request, community, membership, post_id):
    post = get_post(request, community, membership, post_id)
    action = request.POST.get("action")
    if action == ModerationAction.HIDE_POST:
        form = ReasonForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Geef een reden op om een bericht te verbergen."))
            return redirect(safe_next(request, post.get_absolute_url()))
        moderation.hide_post(request.user, post, form.cleaned_data["reason"])
    elif action == ModerationAction.APPROVE_POST and post.needs_approval:
        moderation.approve_post(request.user, post)
    elif action == ModerationAction.RESTORE_POST:
        moderation.restore_post(request.user, post)
    elif action == ModerationAction.DISMISS_REPORT:
        moderation.dismiss_reports(request.user, post)
    else:
        messages.error(request, _("Kies een geldige actie."))
    return redirect(safe_next(request, post.get_absolute_url()))


def safe_next(request, default):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@members_only(manager=True)
@require_POST
def moderate_topic(request, community, membership, topic_id):
    topic = get_topic(request, community, membership, topic_id)
    action = request.POST.get("action")
    if action not in moderation.TOPIC_ACTIONS:
        messages.error(request, _("Kies een geldige actie."))
    else:
        moderation.change_topic(request.user, topic, action)
        messages.success(request, _("Het onderwerp is bijgewerkt."))
    return redirect(topic.get_absolute_url())


@login_required
def notifications(request):
    """The member's notifications, only from communities they are (still) a member of."""
    tokens = access_tokens(request.user)
    items = Notification.objects.filter(user=request.user).select_related("community")
    visible = [
        item
        for item in items[:100]
        if item.kind == NotificationKind.MEMBERSHIP or community_token(item.community_id) in tokens
    ]
    if request.method == "POST":
        items.filter(read_at=None).update(read_at=timezone.now())
        messages.success(request, _("Alle meldingen zijn als gelezen gemarkeerd."))
        return redirect("communities:notifications")
    return TemplateResponse(request, "communities/notifications.html", {"items": visible})


@login_required
def email_settings(request):
    """Immediate email, a daily or weekly digest, or none."""
    initial = {"email_frequency": notify.email_frequency(request.user)}
    form = EmailSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        notify.set_email_frequency(request.user.pk, form.cleaned_data["email_frequency"])
        messages.success(request, _("Uw keuze voor e-mail is opgeslagen."))
        return redirect("communities:notifications")
    status = 400 if form.errors else 200
    return TemplateResponse(
        request, "communities/email_settings.html", {"form": form}, status=status
    )


@csrf_exempt
def unsubscribe(request, token):
    """One-click unsubscribe from community emails (RFC 8058: POST without login)."""
    user_id = notify.user_for_unsubscribe_token(token)
    if user_id is None:
        raise Http404
    if request.method == "POST":
        notify.unsubscribe(user_id)
        return TemplateResponse(request, "communities/unsubscribed.html", {})
    return TemplateResponse(request, "communities/unsubscribe.html", {"token": token})
