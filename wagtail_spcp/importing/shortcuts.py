"""What the import views share: permission checks and the objects a user may reach."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404

from ..access import engagements_for_user
from ..admin.permissions import participants_permission_checker
from ..models import ImportBatch

ERRORS_PER_PAGE = 50

require_import = participants_permission_checker.require("import")
require_export = participants_permission_checker.require("export")


def engagement_or_404(request, pk):
    """An engagement of the user's regions."""
    return get_object_or_404(engagements_for_user(request.user), pk=pk)


def batch_or_404(request, pk):
    """An import batch into an engagement of the user's regions."""
    return get_object_or_404(
        ImportBatch.objects.filter(
            engagement__in=engagements_for_user(request.user)
        ).select_related("engagement", "error_file", "source_file", "created_by"),
        pk=pk,
    )


def error_page(request, batch):
    """The page of ``batch``'s errors asked for (``?p=``)."""
    return Paginator(batch.errors, ERRORS_PER_PAGE).get_page(request.GET.get("p"))
