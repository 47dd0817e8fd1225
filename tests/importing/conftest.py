"""Fixtures for the importer: sample files, an engagement, and running an import."""

import pytest

from tests.utils import sample
from wagtail_spcp.importing.batches import create_batch, execute_batch
from wagtail_spcp.importing.storage import store_file


@pytest.fixture
def engagement(make_engagement):
    return make_engagement()


@pytest.fixture
def run_import(engagement):
    """Import a sample file (or bytes) into the engagement; returns the batch."""

    def run(
        name,
        data=None,
        policy="update",
        dry_run=False,
        mapping=None,
        user=None,
        into=None,
        **settings,
    ):
        data = sample(name) if data is None else data
        upload = store_file(data, name, owner=user)
        batch = create_batch(
            upload=upload,
            engagement=into or engagement,
            user=user,
            duplicate_policy=policy,
            mapping=mapping,
            dry_run=dry_run,
            **settings,
        )
        return execute_batch(batch, data)

    return run
