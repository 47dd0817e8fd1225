"""The mixed-group composer's properties: every sector group at every table where numbers
allow, sizes within one, one facilitator per table, the same tables every time."""

import random
from collections import Counter

import pytest

from wagtail_spcp.groups import CompositionError, Seat, compose, table_sizes

SECTORS = ["faith", "youth", "new_americans", "law_enforcement", "business", None]


def random_seats(rng):
    """Up to 120 people in up to six sector groups (some in none), a few facilitators."""
    people = rng.randint(1, 120)
    sectors = rng.sample(SECTORS, rng.randint(1, len(SECTORS)))
    weights = [rng.randint(1, 10) for _ in sectors]
    facilitators = rng.randint(0, 12)
    return [
        Seat(id=n, sector=rng.choices(sectors, weights)[0], facilitator=n < facilitators)
        for n in range(people)
    ]


def check_properties(seats, count, tables):
    by_id = {seat.id: seat for seat in seats}
    assert len(tables) == count
    # Everyone is seated exactly once.
    seated = [seat_id for table in tables for seat_id in table.members]
    seated += [table.facilitator for table in tables if table.facilitator is not None]
    assert sorted(seated) == sorted(by_id)
    # Sizes (facilitator included) differ by at most one.
    sizes = [table.size for table in tables]
    assert max(sizes) - min(sizes) <= 1
    # Facilitators lead one table each while there are enough of them.
    facilitators = [seat for seat in seats if seat.facilitator]
    heads = [table.facilitator for table in tables if table.facilitator is not None]
    assert len(heads) == len(set(heads)) == min(len(facilitators), count)
    assert all(by_id[head].facilitator for head in heads)
    # A sector group of k members has a member at min(k, count) tables.
    members = Counter(by_id[seat_id].sector for table in tables for seat_id in table.members)
    for sector, number in members.items():
        if sector is None:
            continue
        covered = sum(
            any(by_id[seat_id].sector == sector for seat_id in table.members) for table in tables
        )
        assert covered == min(number, count), (sector, number, count)


@pytest.mark.parametrize("seed", range(300))
def test_random_rooms_keep_every_property(seed):
    rng = random.Random(seed)
    seats = random_seats(rng)
    count = rng.randint(1, min(len(seats), 15))
    check_properties(seats, count, compose(seats, count))


def test_a_program_day_of_eighty_in_seven_sectors_gets_every_sector_at_every_table():
    sectors = ["faith", "youth", "new_americans", "law_enforcement", "social", "business", "rights"]
    seats = [Seat(id=n, sector=sectors[n % 7]) for n in range(80)]
    seats += [Seat(id=100 + n, sector=sectors[n], facilitator=True) for n in range(7)]
    tables = compose(seats, 7)
    check_properties(seats, 7, tables)
    for table in tables:
        assert table.facilitator is not None
        assert {seats[seat_id].sector for seat_id in table.members} == set(sectors)
    assert sorted(table.size for table in tables) == [12, 12, 12, 12, 13, 13, 13]


def test_a_small_sector_is_spread_over_as_many_tables_as_it_has_members():
    seats = [Seat(id=n, sector="youth") for n in range(20)]
    seats += [Seat(id=20 + n, sector="faith") for n in range(3)]
    tables = compose(seats, 5)
    faith_tables = [t for t in tables if any(seat_id >= 20 for seat_id in t.members)]
    assert len(faith_tables) == 3


def test_more_facilitators_than_tables_sit_the_others_as_members():
    seats = [Seat(id=n, sector="youth", facilitator=n < 4) for n in range(10)]
    tables = compose(seats, 2)
    assert [table.facilitator for table in tables] == [0, 1]
    assert {2, 3} <= {seat_id for table in tables for seat_id in table.members}


def test_fewer_facilitators_than_tables_leave_tables_without_one():
    seats = [Seat(id=n, sector="faith", facilitator=n == 0) for n in range(9)]
    tables = compose(seats, 3)
    assert [table.facilitator for table in tables] == [0, None, None]
    assert [table.size for table in tables] == [3, 3, 3]


def test_the_same_seats_give_the_same_tables():
    seats = random_seats(random.Random(7))
    first = compose(seats, 4)
    assert compose(list(seats), 4) == first


def test_impossible_counts_are_refused():
    seats = [Seat(id=1), Seat(id=2)]
    with pytest.raises(CompositionError):
        compose(seats, 0)
    with pytest.raises(CompositionError):
        compose(seats, 3)


def test_table_sizes_add_up_and_put_the_larger_first():
    assert table_sizes(10, 4) == [3, 3, 2, 2]
    assert sum(table_sizes(81, 7)) == 81
