"""The change count saved indicators rest on (app.store.triggers): it moves for every change new ids do not reveal,
on both backends, and stays for what the engine follows by itself."""

from __future__ import annotations

from sqlalchemy import text

from app.domain.facilities import FacilityKind
from app.store.queries.changes import data_changes
from tests.factories import World


def _changed(world: World, sql: str, **params: int) -> bool:
    before = data_changes(world.store)
    with world.store.begin() as conn:
        conn.execute(text(sql), params)
    return data_changes(world.store) != before


def test_a_result_for_a_pending_sample_is_followed_and_any_other_change_counted(any_world: World) -> None:
    person = any_world.add_person()
    site = any_world.add_facility(FacilityKind.TEST_SITE)
    pending = any_world.add_sample(person, site, "2022-03-10 08:00", result=None)
    assert not _changed(any_world, "UPDATE test_samples SET result = 1, reported_at = sampled_at + 3600 WHERE id = :i",
                        i=pending)
    assert _changed(any_world, "UPDATE test_samples SET result = 0 WHERE id = :i", i=pending)
    assert _changed(any_world, "DELETE FROM test_samples WHERE id = :i", i=pending)


def test_new_records_are_not_counted_but_units_and_places_are(any_world: World) -> None:
    person = any_world.add_person()
    before = data_changes(any_world.store)
    any_world.add_vaccination(person, 1, "2022-03-10 09:00", any_world.add_facility(FacilityKind.VACCINATION_SITE))
    assert data_changes(any_world.store) == before
    any_world.add_place()
    assert data_changes(any_world.store) != before
    assert _changed(any_world, "UPDATE admin_units SET population = population + 1 WHERE code = '330382'")
