"""精控 Jingkong — a desktop GIS command console for a county epidemic-prevention command centre."""

__version__ = "0.1.0"
