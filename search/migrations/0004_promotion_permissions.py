from django.db import migrations

# Redacteuren and Beheerders manage promoted search results (and so see the search terms).
GROUPS = ["Redacteuren", "Beheerders"]
CODENAMES = {
    "add_searchpromotion": "Can add search promotion",
    "change_searchpromotion": "Can change search promotion",
    "delete_searchpromotion": "Can delete search promotion",
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailsearchpromotions", model="searchpromotion"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in CODENAMES.items()
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_no_results_daily_hits"),
        ("kpo", "0003_staff_groups"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
