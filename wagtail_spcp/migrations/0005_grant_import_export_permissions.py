"""Grant "import participants" and "export participants" to the groups that could already.

Importing was checked as ``add_importbatch`` and exporting as ``view_participation``; groups
holding those keep what they could do, under the permissions of their own.
"""

from django.db import migrations

GRANTS = {
    "import_participation": ("add_importbatch", "Can import participants"),
    "export_participation": ("view_participation", "Can export participants"),
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    participation, _created = ContentType.objects.get_or_create(
        app_label="wagtail_spcp", model="participation"
    )
    for codename, (previous, name) in GRANTS.items():
        permission, _created = Permission.objects.get_or_create(
            content_type=participation, codename=codename, defaults={"name": name}
        )
        holders = Group.objects.filter(
            permissions__content_type__app_label="wagtail_spcp",
            permissions__codename=previous,
        )
        for group in holders.distinct():
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_spcp", "0004_import_permissions_batches_mappings"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
