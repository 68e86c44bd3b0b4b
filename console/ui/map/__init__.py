"""The live map: a Leaflet page built once by folium, updated in place over runJavaScript."""

from __future__ import annotations
