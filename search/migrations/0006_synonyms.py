"""Search synonyms that editors keep in the CMS; Redacteuren and Beheerders manage them, as
they manage promoted results (0004)."""

from django.db import migrations, models

GROUPS = ["Redacteuren", "Beheerders"]
CODENAMES = {
    "add_searchsynonym": "Can add synoniem",
    "change_searchsynonym": "Can change synoniem",
    "delete_searchsynonym": "Can delete synoniem",
    "view_searchsynonym": "Can view synoniem",
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="searchsynonym")
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
        content_type__app_label="search", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_full_text"),
        ("kpo", "0003_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchSynonym",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "term",
                    models.CharField(
                        blank=True,
                        help_text="De afkorting of het woord, bijvoorbeeld APV.",
                        max_length=100,
                        verbose_name="term",
                    ),
                ),
                (
                    "synonyms",
                    models.TextField(
                        blank=True,
                        help_text="Eén per regel, bijvoorbeeld: algemene plaatselijke verordening. Wie zoekt op de term vindt ook de synoniemen, en wie zoekt op een synoniem vindt ook de term.",
                        verbose_name="synoniemen",
                    ),
                ),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        help_text="Voor de redactie, bijvoorbeeld waar de afkorting voor gebruikt wordt.",
                        verbose_name="toelichting",
                    ),
                ),
                ("key", models.CharField(editable=False, max_length=100, unique=True)),
            ],
            options={
                "verbose_name": "synoniem",
                "verbose_name_plural": "synoniemen",
                "ordering": ["key"],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
