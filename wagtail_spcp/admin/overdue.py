"""What "overdue" means for an action item, used by the dashboard, filters and columns."""

from django.utils import timezone

from ..choices import ActionItemStatus

OPEN_STATUSES = [ActionItemStatus.PROPOSED, ActionItemStatus.IN_PROGRESS]


def overdue_action_items(queryset, today=None):
    """Open action items whose due date has passed."""
    today = today or timezone.localdate()
    return queryset.filter(due_date__lt=today, status__in=OPEN_STATUSES)


def is_overdue(action_item, today=None) -> bool:
    today = today or timezone.localdate()
    return bool(
        action_item.due_date
        and action_item.due_date < today
        and action_item.status in OPEN_STATUSES
    )
