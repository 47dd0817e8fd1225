"""``manage.py spcp_load_offices``: load the reference regions, states and offices."""

from django.core.management.base import BaseCommand

from wagtail_spcp.reference import load_reference_offices


class Command(BaseCommand):
    help = (
        "Load the reference customer's regions, the states each serves and its offices. "
        "Creates only what is missing, so it is safe to run again."
    )

    def handle(self, *args, **options):
        saved = load_reference_offices()
        self.stdout.write(f"loaded={saved}")
