"""System checks: settings that leave part of the app quietly not working."""

from django.core import checks
from django.urls import NoReverseMatch, reverse

from django_tasks.exceptions import InvalidTaskBackendError

from .public_forms.tasks import send_registration_reminder

NO_DEFERRED_TASKS = "wagtail_spcp.W001"


def forms_mounted() -> bool:
    try:
        reverse("spcp_public_forms:register", args=["key"])
    except NoReverseMatch:
        return False
    return True


@checks.register(checks.Tags.compatibility)
def check_reminder_backend(app_configs=None, **kwargs):
    """Registration reminders need a task backend that runs tasks later."""
    try:
        backend = send_registration_reminder.get_backend()
    except InvalidTaskBackendError:
        return []  # django-tasks reports a misconfigured backend itself
    if backend.supports_defer or not forms_mounted():
        return []
    return [
        checks.Warning(
            f"The task backend “{backend.alias}” cannot run tasks later, so people who register "
            "for a program day get no reminder.",
            hint="Use a backend that supports deferred tasks, such as "
            "django_tasks_db.DatabaseBackend with `manage.py db_worker` (docs/requests.md).",
            id=NO_DEFERRED_TASKS,
        )
    ]
