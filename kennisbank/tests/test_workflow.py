"""The redactieraad workflow created by migration 0003: editors submit, the board decides."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from kennisbank.factories import HandreikingPageFactory
from kpo import roles
from kpo.factories import UserFactory

pytestmark = pytest.mark.django_db


def staff(group_name, email):
    user = UserFactory(email=email, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return staff(roles.EDITORS, "redacteur@riec.example")


@pytest.fixture
def board_member(db):
    return staff(roles.EDITORIAL_BOARD, "redactieraad@riec.example")


@pytest.fixture
def submitted(kennisbank, editor):
    """A draft handreiking written by the editor and submitted to the board."""
    page = HandreikingPageFactory(parent=kennisbank, live=False, owner=editor)
    page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, editor)
    mail.outbox.clear()
    return page, workflow_state


def test_editors_can_write_but_not_publish(kennisbank, editor, board_member):
    assert kennisbank.permissions_for_user(editor).can_add_subpage()
    assert not kennisbank.permissions_for_user(editor).can_publish()
    assert kennisbank.permissions_for_user(board_member).can_publish()


def test_every_page_goes_through_the_redactieraad(kennisbank):
    workflow = kennisbank.get_workflow()

    assert workflow.name == "Redactieraad"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.EDITORIAL_BOARD]


def test_only_the_board_can_act_on_a_submission(submitted, editor, board_member):
    page, workflow_state = submitted
    task = workflow_state.current_task_state.task.specific

    assert task.get_actions(page, editor) == []
    assert "approve" in dict(
        (name, label) for name, label, _modal in task.get_actions(page, board_member)
    )


def test_approval_publishes_and_notifies_the_editor(submitted, editor, board_member):
    page, workflow_state = submitted

    workflow_state.current_task_state.approve(user=board_member)

    page.refresh_from_db()
    assert page.live
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_rejection_keeps_the_page_unpublished_and_emails_the_comment(
    submitted, editor, board_member
):
    page, workflow_state = submitted

    workflow_state.current_task_state.reject(user=board_member, comment="Graag bronnen toevoegen")

    page.refresh_from_db()
    assert not page.live
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [editor.email]
    assert "Graag bronnen toevoegen" in mail.outbox[0].body


def test_admin_edit_view_offers_editors_submit_but_not_publish(client, submitted, editor):
    page, _workflow_state = submitted
    client.force_login(editor)

    response = client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-publish"' not in html
    assert "Redactieraad" in html
