"""The editorial workflow: editors (Redacteuren) write and submit, the editorial board
(Redactieraad) approves, which publishes, or rejects with a comment. Editors get no
publish permission, so every page they write goes through the board."""

from django.db import migrations

EDITORS = "Redacteuren"
EDITORIAL_BOARD = "Redactieraad"
WORKFLOW = "Redactieraad"
TASK = "Beoordeling door de redactieraad"
PAGE_PERMISSIONS = {EDITORS: ["add_page", "change_page"], EDITORIAL_BOARD: ["add_page", "change_page", "publish_page"]}
MEDIA_PERMISSIONS = {
    ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document"],
    ("wagtailimages", "image"): ["add_image", "change_image", "choose_image"],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )[0]


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
        for (app_label, model), media_codenames in MEDIA_PERMISSIONS.items():
            for codename in media_codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups[EDITORIAL_BOARD]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    Group = apps.get_model("auth", "Group")
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
        group__in=Group.objects.filter(name__in=PAGE_PERMISSIONS)
    ).delete()
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(
        group__in=Group.objects.filter(name__in=PAGE_PERMISSIONS)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kennisbank", "0002_knowledge_pages"),
        ("kpo", "0003_staff_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
