"""``manage.py load_demo``: load the demo data and make sure an admin login exists."""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation

from spcp_demo.home.demo_data import load_demo

DEMO_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Load the CRS offices, demo pages, demo engagements, fictional participants, a "
        "registration page and program requests. "
        "Creates only what is missing, so it is safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the demo admin user."
        )
        parser.add_argument(
            "--admin-url",
            default="http://127.0.0.1:8000/admin/",
            help=(
                "The admin address to print with the login; its scheme, host and port become "
                "the demo site's address (used in the sitemap) unless the site has one already."
            ),
        )

    def handle(self, *args, **options):
        admin_url = urlsplit(options["admin_url"])
        site_url = f"{admin_url.scheme}://{admin_url.netloc}"
        event = load_demo(site_url=site_url)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if event is not None:
            with translation.override(settings.LANGUAGE_CODE):
                path = reverse("spcp_public_forms:register", args=[event.token])
            self.stdout.write(f"Registration page (unlisted): {site_url}{path}")
        if options["no_admin"]:
            return
        password = os.environ.get("SPCP_DEMO_ADMIN_PASSWORD", "changeme-demo")
        User = get_user_model()
        if not User.objects.filter(username=DEMO_USERNAME).exists():
            User.objects.create_superuser(DEMO_USERNAME, "admin@example.org", password)
            self.stdout.write(f"Created the demo admin user “{DEMO_USERNAME}”.")
        self.stdout.write(
            f"Admin login: {options['admin_url']}  username: {DEMO_USERNAME}  "
            f"password: {password} (set SPCP_DEMO_ADMIN_PASSWORD to choose another; "
            "an existing user keeps its password)"
        )
