"""Physical quantities: a unit's dimension and conversions, from pint's registry.

The reader (side.py) writes a quantity's unit as pint spells it (lexicon.QUANTITY_UNITS); only comparing
two quantities in different units needs the registry, so it is built on first use: a run without
quantities never pays for importing pint.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

# Units pint lacks, which Chinese text uses: 斤 is half a kilogram, 亩 is 1/15 hectare.
_EXTRA = ("jin = 0.5 * kilogram", "mu = 10000 / 15 * meter ** 2", "kWh = kilowatt_hour", "MWh = megawatt_hour",
          "GWh = gigawatt_hour", "TWh = terawatt_hour", "Wh = watt_hour")


@lru_cache(maxsize=1)
def _registry():
    import pint

    registry = pint.UnitRegistry(cache_folder=None)
    for definition in _EXTRA:
        try:
            registry.define(definition)
        except Exception:      # pragma: no cover - a pint that already knows the unit
            pass
    return registry


@lru_cache(maxsize=None)
def dimension(unit: str) -> str:
    """'[length]' for km and 英里; '' for a unit pint cannot read (it is then comparable only to itself)."""
    try:
        return str(_registry()(unit).dimensionality)
    except Exception:
        return ""


def same_dimension(a: str, b: str) -> bool:
    return a == b or (dimension(a) != "" and dimension(a) == dimension(b))


def convert(value: Decimal | None, unit: str, to: str) -> Decimal | None:
    """value in `unit` expressed in `to` (temperatures too: offsets are applied), to 12 significant digits."""
    if value is None or unit == to:
        return value
    registry = _registry()
    magnitude = registry.Quantity(float(value), unit).to(to).magnitude
    return Decimal(format(magnitude, ".12g"))
