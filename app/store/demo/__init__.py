"""The synthetic demo county: a schematic Yueqing with people and 60+ days of records."""
