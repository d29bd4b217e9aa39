"""Tables name units as people say them: town and village names, a grid as its village and its number."""

from __future__ import annotations

from app.models.admin_atlas import AdminAtlas
from app.models.unit_names import readable_units
from tests.factories import World


def test_units_read_as_names_in_either_language(world: World) -> None:
    atlas = AdminAtlas(world.store)
    codes = ["330382", "330382002", "330382002001", "330382002001002", "", "330382999001001"]
    assert readable_units(atlas, codes, False, "第%1网格") == [
        "测试县", "单元002", "单元001", "单元001 第2网格", "", "330382999001001"]  # unknown codes stay as they are
    assert readable_units(atlas, codes[:4], True, "Grid %1") == [
        "Unit 330382", "Unit 330382002", "Unit 330382002001", "Unit 330382002001 Grid 2"]
