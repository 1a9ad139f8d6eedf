from django.db import migrations


def grant_user_permissions(apps, schema_editor):
    """Beheerders approve and manage accounts and their roles in the Wagtail admin."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    user_type, _ = ContentType.objects.get_or_create(app_label="kpo", model="user")
    administrators, _ = Group.objects.get_or_create(name="Beheerders")
    for action in ("add", "change", "delete", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=user_type,
            codename=f"{action}_user",
            defaults={"name": f"Can {action} gebruiker"},
        )
        administrators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("kpo", "0004_accounts_members")]

    operations = [migrations.RunPython(grant_user_permissions, migrations.RunPython.noop)]
