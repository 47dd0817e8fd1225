"""The finder's in-process index of ZIP codes agrees with the ``zipcodes`` data it is built from."""

import random

import zipcodes

from wagtail_spcp.finder import places


def test_the_zip_index_gives_what_the_zip_data_gives():
    places.warm()
    rows = zipcodes.list_all()
    for row in random.Random(2026).sample(rows, 2000):
        expected = places._place(zipcodes.matching(row["zip_code"])[0])
        assert places.place_for_zip(row["zip_code"]) == expected
    assert len(places._index().zips) == len({row["zip_code"] for row in rows})


def test_a_zip_that_does_not_exist_or_is_malformed_gives_nothing():
    for query in ["00000", "99999", "7755", "775501", "ABCDE", ""]:
        assert places.place_for_zip(query) is None, query
