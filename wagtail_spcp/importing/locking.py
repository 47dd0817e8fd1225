"""One import at a time per people scope: imports into one region wait for each other.

A person is matched within the region of the engagement's office, so two imports into
that region must not match, plan and write at the same time: each would miss the people
the other is creating and add them a second time. The import takes a row lock on the
region (on the office, for headquarters) inside its transaction. SQLite ignores
``select_for_update()``; it lets one transaction write at a time anyway.
"""

from django.db import transaction

from ..models import Office, Region


def lock_import_scope(engagement) -> None:
    """Wait until no other import holds ``engagement``'s region, then hold it until commit."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_import_scope() must run inside transaction.atomic()")
    region_id = (
        Office.objects.filter(pk=engagement.office_id).values_list("region_id", flat=True).first()
    )
    if region_id is not None:
        list(Region.objects.select_for_update().filter(pk=region_id).values_list("pk"))
    else:
        # No ordering: the default one joins the (nullable) region, and PostgreSQL refuses
        # FOR UPDATE on the nullable side of an outer join.
        offices = Office.objects.select_for_update().filter(pk=engagement.office_id).order_by()
        list(offices.values_list("pk"))
