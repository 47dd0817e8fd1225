"""Give staff the new public-form models' permissions where they hold the engagement's.

Registration pages, registrations and program requests belong to an engagement: a group that
may add, change, delete or view engagements may do the same with them, in its regions.
"""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")
MODELS = {
    "eventregistration": "registration page",
    "registration": "registration",
    "programrequest": "program request",
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for model, verbose_name in MODELS.items():
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtail_spcp", model=model
        )
        for action in ACTIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            holders = Group.objects.filter(
                permissions__content_type__app_label="wagtail_spcp",
                permissions__codename=f"{action}_engagement",
            )
            for group in holders.distinct():
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_spcp", "0018_public_forms"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
