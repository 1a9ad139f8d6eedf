"""Saving one ``Item`` as a kennisbank page: created, updated or left alone (idempotent on
``external_id``), then published, kept as a draft or submitted to the page's workflow.

Each item is saved in its own transaction, and its files are stored only after the page
passed validation; when anything fails, the transaction rolls back and the stored files are
removed again, so a failed line never leaves half an item. A dry run does the same checks
and rolls back before storing any file."""

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents.models import Document
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

from ..models import FactsheetPage, HandreikingDocument, HandreikingPage, NewsPage, ProductPage
from .items import LineError

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
FAILED = "failed"

PUBLISHED = "published"
DRAFT = "draft"
SUBMITTED = "submitted"


@dataclass
class Saved:
    outcome: str
    # What happened to the page's new content: published, draft or submitted ("" if unchanged).
    state: str = ""
    workflow: str = ""


class DryRun(Exception):  # noqa: N818 (a signal to roll back, not an error)
    def __init__(self, saved):
        super().__init__()
        self.saved = saved


def import_item(item, *, dry_run=False, submit=False) -> Saved:
    """Save ``item`` in a transaction of its own; raise ``LineError`` when it cannot be."""
    stored = []
    try:
        with transaction.atomic():
            saved = save_item(item, stored, dry_run=dry_run, submit=submit)
            if dry_run:
                raise DryRun(saved)
    except DryRun as rollback:
        return rollback.saved
    except BaseException:
        remove_files(stored)
        raise
    return saved


def save_item(item, stored, *, dry_run, submit) -> Saved:
    model = item.page_type.model
    fingerprint = review_fingerprint(item.fingerprint) if submit and item.live else item.fingerprint
    page = find_existing(item.external_id)
    if page is not None:
        if not isinstance(page, model):
            raise LineError(
                _("%(id)s bestaat al als ander type (%(type)s)")
                % {"id": item.external_id, "type": page._meta.verbose_name}
            )
        if page.import_fingerprint == fingerprint:
            return Saved(UNCHANGED)
    created = page is None
    if created:
        page = model(external_id=item.external_id, live=False, owner=item.owner)
    fill_page(page, item, fingerprint)
    validate_and_save(page, item, created=created)
    outcome = CREATED if created else UPDATED
    state = (SUBMITTED if submit else PUBLISHED) if item.live else DRAFT
    if dry_run:
        return Saved(outcome, state, workflow_of(page).name if state == SUBMITTED else "")
    attach_documents(page, store_documents(item, stored))
    if created:
        page.save()  # a new page's own row holds its first content, files included
    elif item.owner is not None and page.owner_id != item.owner.pk:
        # The owner is kept on the page itself, not in its revisions.
        Page.objects.filter(pk=page.pk).update(owner=item.owner)
    revision = page.save_revision()
    if state == SUBMITTED:
        return Saved(outcome, state, submit_for_review(page, item.owner))
    cancel_submission(page, item.owner)
    if item.live:
        revision.publish()
    elif page.live:
        page.unpublish()
    return Saved(outcome, state)


def review_fingerprint(fingerprint: str) -> str:
    """Submitting the same content again changes nothing; publishing it afterwards does."""
    return hashlib.sha256(f"{fingerprint}:review".encode()).hexdigest()


def find_existing(external_id: str):
    for model in (ProductPage, NewsPage):
        page = model.objects.filter(external_id=external_id).first()
        if page is not None:
            return page.specific
    return None


def fill_page(page, item, fingerprint):
    for name, value in item.fields.items():
        setattr(page, name, value)
    page.themes = item.themes
    page.import_fingerprint = fingerprint


def validate_and_save(page, item, *, created):
    """Add a new page under its parent (as a draft, which Wagtail checks only in part), and
    validate the page in full."""
    try:
        if created:
            parent_page(item).add_child(instance=page)
        page.full_clean()
    except ValidationError as error:
        raise LineError(validation_message(error)) from None


def parent_page(item):
    parent_model = item.page_type.parent_model
    parent = parent_model.objects.first()
    if parent is None:
        raise LineError(
            _("er is geen %(parent)s om onder te importeren")
            % {"parent": parent_model._meta.verbose_name}
        )
    return parent


def validation_message(error: ValidationError) -> str:
    if not hasattr(error, "error_dict"):
        return "; ".join(error.messages)
    return "; ".join(
        f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
        for name, messages in error.message_dict.items()
    )


def store_documents(item, stored) -> list[Document]:
    """The item's files as documents: an identical file already stored is reused."""
    documents = []
    for number, document_file in enumerate(item.documents, start=1):
        file_hash = hashlib.sha1(document_file.content).hexdigest()  # noqa: S324 (Wagtail's file_hash)
        document = Document.objects.filter(file_hash=file_hash).first()
        if document is None:
            title = item.title if number == 1 else f"{item.title} ({document_file.name})"
            document = Document(
                title=title, file=ContentFile(document_file.content, document_file.name)
            )
            document._set_document_file_metadata()
            document.save()
            stored.append((document.file.storage, document.file.name))
        documents.append(document)
    return documents


def attach_documents(page, documents):
    if isinstance(page, FactsheetPage):
        page.document = documents[0] if documents else None
    elif isinstance(page, HandreikingPage):
        page.documents = [HandreikingDocument(document=document) for document in documents]


def remove_files(stored):
    for storage, name in stored:
        storage.delete(name)


def submit_for_review(page, user) -> str:
    """Submit the page's latest revision to its workflow (a submission still open is
    replaced by this one); returns the workflow's name."""
    workflow = workflow_of(page)
    cancel_submission(page, user)
    workflow.start(page, user)
    return workflow.name


def cancel_submission(page, user):
    """An open submission is for content this import replaces (as publishing in the editor
    cancels it too)."""
    current = page.current_workflow_state
    if current is not None:
        current.cancel(user=user)


def workflow_of(page):
    workflow = page.get_workflow()
    if workflow is None:
        raise LineError(_("deze pagina heeft geen workflow om ter beoordeling aan te bieden"))
    return workflow


@contextmanager
def without_submission_emails():
    """Wagtail mails the reviewers at every submission: an import of a few thousand items
    would send as many. While it runs they are not sent; the reviewers find the items on
    their dashboard ("Wacht op uw beoordeling")."""
    from wagtail.admin import signal_handlers

    receivers = [
        (
            task_submitted,
            TaskState,
            signal_handlers.task_submission_email_notifier,
            "group_approval_task_submitted_email_notification",
        ),
        (
            workflow_submitted,
            WorkflowState,
            signal_handlers.workflow_submission_email_notifier,
            "workflow_state_submitted_email_notification",
        ),
    ]
    removed = [
        receiver
        for receiver in receivers
        if receiver[0].disconnect(sender=receiver[1], dispatch_uid=receiver[3])
    ]
    try:
        yield
    finally:
        for signal, sender, notifier, dispatch_uid in removed:
            signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
