"""Composing mixed solution groups for program day: a pure function, no database.

After the sector groups have named strengths and issues, mixed groups ("tables") write
solutions. ``compose`` seats people at ``count`` tables so that:

- every table has at most one facilitator, and facilitators are spread one per table
  while there are enough of them; any others sit at tables as members;
- tables differ in size (facilitator included) by at most one person;
- a sector group with ``k`` members (facilitators who lead a table not counted) has a
  member at ``min(k, count)`` different tables: at every table when numbers allow;
- the same seats in the same order always give the same tables.

Callers decide who is seated and in which order (the admin seats people alphabetically).
"""

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field


class CompositionError(ValueError):
    """Tables that cannot be composed (no tables, or more tables than people)."""


@dataclass(frozen=True)
class Seat:
    """Someone to seat: an id, their sector group (``None`` for none), whether they facilitate."""

    id: Hashable
    sector: Hashable | None = None
    facilitator: bool = False


@dataclass
class Table:
    """One mixed group: its facilitator's id (or ``None``) and its members' ids."""

    facilitator: Hashable | None = None
    members: list = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.members) + (self.facilitator is not None)


def table_sizes(people: int, count: int) -> list[int]:
    """``count`` sizes that add up to ``people`` and differ by at most one, largest first."""
    base, extra = divmod(people, count)
    return [base + 1] * extra + [base] * (count - extra)


def compose(seats: Sequence[Seat], count: int) -> list[Table]:
    """Seat ``seats`` at ``count`` tables (see the module's docstring for the guarantees)."""
    if count < 1:
        raise CompositionError("At least one table is needed.")
    if count > len(seats):
        raise CompositionError("There are more tables than people to seat.")
    heads = [seat for seat in seats if seat.facilitator][:count]
    head_ids = {seat.id for seat in heads}
    members = [seat for seat in seats if seat.id not in head_ids]
    tables = [Table(facilitator=seat.id) for seat in heads]
    tables += [Table() for _ in range(count - len(heads))]
    # The larger tables go to those with a facilitator, so that the seats left for members
    # differ by at most one from table to table; then every sector can be spread (below).
    room = [
        size - (table.facilitator is not None)
        for size, table in zip(table_sizes(len(seats), count), tables, strict=True)
    ]
    sectors_at = [Counter() for _ in tables]

    def seat_at(index, seat):
        tables[index].members.append(seat.id)
        sectors_at[index][seat.sector] += 1
        room[index] -= 1

    # First, one member of each sector group at as many tables as it has members (up to
    # all of them): the sectors with the most tables to cover first, each at the tables
    # with the most room (the greedy order in which such an assignment always exists).
    by_sector: dict = {}
    for seat in members:
        if seat.sector is not None:
            by_sector.setdefault(seat.sector, []).append(seat)
    first_members = set()
    order = sorted(by_sector, key=lambda sector: -min(len(by_sector[sector]), count))
    for sector in order:
        wanted = min(len(by_sector[sector]), count)
        chosen = sorted(range(count), key=lambda index: (-room[index], index))[:wanted]
        for index, seat in zip(sorted(chosen), by_sector[sector], strict=False):
            seat_at(index, seat)
            first_members.add(seat.id)
    # Then everyone else, each at the table with room that has the fewest of their sector.
    for seat in members:
        if seat.id in first_members:
            continue
        index = min(
            (index for index in range(count) if room[index] > 0),
            key=lambda index: (sectors_at[index][seat.sector], -room[index], index),
        )
        seat_at(index, seat)
    return tables
