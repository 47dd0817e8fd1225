"""The base of the confidential models' viewsets: every view sees only the user's regions."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from wagtail.snippets.views.snippets import SnippetViewSet

from . import views


def count_of(model, link):
    """The number of ``model`` rows linking to each listed row, counted for the rows shown
    only (a correlated subquery), not by grouping the whole table before paging."""
    rows = model.objects.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


class RegionScopedViewSet(SnippetViewSet):
    """A snippet viewset whose views, chooser and bulk actions see only the user's regions."""

    index_view_class = views.RegionScopedIndexView
    edit_view_class = views.RegionScopedEditView
    delete_view_class = views.RegionScopedDeleteView
    history_view_class = views.RegionScopedHistoryView
    usage_view_class = views.RegionScopedUsageView
    inspect_view_class = views.RegionScopedInspectView
    chooser_viewset_class = views.RegionScopedChooserViewSet
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
