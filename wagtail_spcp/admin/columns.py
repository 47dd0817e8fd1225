"""Listing columns of the staff admin."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, NumberColumn, StatusTagColumn

from ..choices import EngagementStage
from .overdue import is_overdue


class RegionColumn(Column):
    """The region owning a row, reached through ``lookup`` (a double-underscore path).

    A row of no region shows ``empty_label`` (blank unless given).
    """

    def __init__(self, name="region", lookup="office__region", empty_label="", **kwargs):
        self.lookup = lookup
        self.empty_label = empty_label
        kwargs.setdefault("label", _("Region"))
        kwargs.setdefault("sort_key", f"{lookup}__sort_order")
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        value = instance
        for part in self.lookup.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return self.empty_label
        return str(value)


class StageColumn(StatusTagColumn):
    """An engagement's stage as a status tag; closed engagements are not highlighted."""

    def __init__(self, name="stage", **kwargs):
        kwargs.setdefault("label", _("Stage"))
        kwargs.setdefault("accessor", "get_stage_display")
        kwargs.setdefault("sort_key", "stage")
        super().__init__(name, primary=self.is_open, **kwargs)

    @staticmethod
    def is_open(instance):
        return instance.stage != EngagementStage.CLOSED


class CountColumn(NumberColumn):
    """A count annotated on the listing queryset under the column's name."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)


class DueDateColumn(Column):
    """An action item's due date, marked when it is overdue."""

    cell_template_name = "wagtail_spcp/admin/due_date_cell.html"

    def __init__(self, name="due_date", **kwargs):
        kwargs.setdefault("label", _("Due"))
        kwargs.setdefault("sort_key", "due_date")
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = is_overdue(instance)
        return context


class MappedColumnsColumn(NumberColumn):
    """How many of a saved mapping's columns it imports (a blank field: not imported)."""

    def __init__(self, name="mapped_columns", **kwargs):
        kwargs.setdefault("label", _("Mapped columns"))
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return sum(1 for field in (instance.columns or {}).values() if field)
