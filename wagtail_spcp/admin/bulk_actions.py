"""Bulk delete for confidential snippets: region-scoped, and each deletion in the audit log."""

from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from ..access import scope_queryset, user_can_see
from ..models import ActionItem, Council, Engagement, Participation, Person


class RegionScopedBulkActionMixin(SnippetBulkAction):
    """Objects of other regions are neither selected by "select all" nor named as refused."""

    def get_all_objects_in_listing_query(self, parent_id):
        queryset = scope_queryset(self.request.user, self.model.objects.all())
        return queryset.values_list("pk", flat=True)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        refused = [
            item for item in extra["items_with_no_access"] if user_can_see(self.request.user, item)
        ]
        return objects, {**extra, "items_with_no_access": refused}


class RegionScopedDeleteBulkAction(DeleteBulkAction, RegionScopedBulkActionMixin):
    models = [Engagement, ActionItem, Council, Person, Participation]

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for instance in objects:
            log(instance=instance, action="wagtail.delete", user=user, deleted=True)
        return super().execute_action(objects, user=user, **kwargs)
