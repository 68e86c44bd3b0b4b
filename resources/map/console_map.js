/* The console's map API: markers by id, highlight, route lines, fit, labels.
 *
 * Python builds the page once (folium) and then talks to it only through
 * window.ConsoleMap.* calls (runJavaScript) and the "bridge" object on the
 * QWebChannel. Coordinates arrive already in the tiles' datum; nothing here
 * pans or zooms the map unless a call asks for it, so live updates never move
 * the user's view.
 */
(function () {
  "use strict";

  var CREW_COLOURS = {
    AVAILABLE: "#2e7d32",
    ASSIGNED: "#1565c0",
    EN_ROUTE: "#0288d1",
    ON_SCENE: "#6a1b9a",
    TOWING: "#ef6c00",
    OFF_DUTY: "#9e9e9e",
    OUT_OF_SERVICE: "#424242"
  };
  var PRIORITY_COLOURS = { P1: "#d32f2f", P2: "#f9a825", P3: "#00897b" };
  var KIND_RADIUS = {
    HEAVY_WRECKER: 7,
    FLATBED: 6,
    WHEEL_LIFT: 5,
    SERVICE_VAN: 4,
    EV_SERVICE_VAN: 4
  };

  var map = null;
  var tiles = null;
  var bridge = null;
  var labels = { lang: "en", layers: {}, crew_status: {}, priority: {}, vehicle_kind: {},
                 service_type: {}, request_status: {}, fields: {} };
  var layers = {};
  var depots = {};
  var crews = {};
  var requests = {};
  var control = null;
  var legend = null;
  var highlightMarker = null;
  var pickMode = false;
  var canvas = null;

  function escapeHtml(text) {
    return String(text === null || text === undefined ? "" : text)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function label(group, key) {
    var table = labels[group] || {};
    return table[key] || key;
  }

  function line(name, value) {
    return "<tr><th>" + escapeHtml(label("fields", name)) + "</th><td>" +
      escapeHtml(value) + "</td></tr>";
  }

  function crewPopup(crew) {
    return "<div class='cm-popup'><b>" + escapeHtml(crew.call_sign) + "</b><table>" +
      line("status", label("crew_status", crew.status)) +
      line("vehicle", label("vehicle_kind", crew.kind)) +
      line("depot", crew.depot) + "</table></div>";
  }

  function requestPopup(req) {
    return "<div class='cm-popup'><b>" + escapeHtml(req.reference) + "</b><table>" +
      line("priority", label("priority", req.priority)) +
      line("status", label("request_status", req.status)) +
      line("service", label("service_type", req.service)) +
      line("address", req.address) + "</table></div>";
  }

  function depotPopup(depot) {
    var name = labels.lang === "zh" ? depot.name_zh : depot.name_en;
    var city = labels.lang === "zh" ? depot.city_zh : depot.city_en;
    return "<div class='cm-popup'><b>" + escapeHtml(depot.code) + "</b><table>" +
      line("name", name) + line("city", city) + line("phone", depot.phone) +
      "</table></div>";
  }

  function tooltipOf(kind, item) {
    if (kind === "crew") {
      return escapeHtml(item.call_sign) + " · " + escapeHtml(label("vehicle_kind", item.kind));
    }
    if (kind === "request") {
      return escapeHtml(item.reference) + " · " + escapeHtml(label("priority", item.priority));
    }
    return escapeHtml(labels.lang === "zh" ? item.name_zh : item.name_en);
  }

  function crewStyle(crew) {
    return {
      renderer: canvas, radius: KIND_RADIUS[crew.kind] || 5, weight: 1, color: "#1b1b1b",
      fillColor: CREW_COLOURS[crew.status] || "#777", fillOpacity: 0.9
    };
  }

  function requestStyle(req) {
    return {
      renderer: canvas, radius: req.priority === "P1" ? 9 : 7, weight: 2, color: "#ffffff",
      fillColor: PRIORITY_COLOURS[req.priority] || "#777", fillOpacity: 0.95
    };
  }

  function depotStyle() {
    return {
      renderer: canvas, radius: 5, weight: 2, color: "#37474f", fillColor: "#cfd8dc",
      fillOpacity: 1
    };
  }

  function bind(marker, kind, store, id) {
    marker.bindPopup(function () { return popupOf(kind, store[id].data); });
    marker.bindTooltip(function () { return tooltipOf(kind, store[id].data); },
                       { direction: "top", offset: [0, -6] });
    marker.on("click", function () {
      if (!bridge) { return; }
      if (kind === "crew") { bridge.crewClicked(id); }
      if (kind === "request") { bridge.requestClicked(id); }
    });
  }

  function popupOf(kind, item) {
    if (kind === "crew") { return crewPopup(item); }
    if (kind === "request") { return requestPopup(item); }
    return depotPopup(item);
  }

  function upsert(kind, store, layer, items, styleOf) {
    var added = [];
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var entry = store[item.id];
      if (entry) {
        var old = entry.data;
        entry.data = item;
        if (old.lat !== item.lat || old.lon !== item.lon) {
          entry.marker.setLatLng([item.lat, item.lon]);
        }
        if (styleOf && (old.status !== item.status || old.priority !== item.priority ||
                        old.kind !== item.kind)) {
          entry.marker.setStyle(styleOf(item));
          if (styleOf(item).radius !== undefined) { entry.marker.setRadius(styleOf(item).radius); }
        }
      } else {
        var marker = L.circleMarker([item.lat, item.lon], styleOf(item));
        store[item.id] = { marker: marker, data: item };
        bind(marker, kind, store, item.id);
        added.push(marker);
      }
    }
    if (added.length) {
      if (layer.addLayers) { layer.addLayers(added); } else {
        for (var j = 0; j < added.length; j++) { layer.addLayer(added[j]); }
      }
    }
    return added.length;
  }

  function remove(store, layer, ids) {
    var gone = [];
    for (var i = 0; i < ids.length; i++) {
      var entry = store[ids[i]];
      if (entry) { gone.push(entry.marker); delete store[ids[i]]; }
    }
    if (layer.removeLayers) { layer.removeLayers(gone); } else {
      for (var j = 0; j < gone.length; j++) { layer.removeLayer(gone[j]); }
    }
    return gone.length;
  }

  function replace(kind, store, layer, items, styleOf) {
    var keep = {};
    for (var i = 0; i < items.length; i++) { keep[items[i].id] = true; }
    var stale = [];
    for (var id in store) { if (!keep[id]) { stale.push(id); } }
    remove(store, layer, stale);
    upsert(kind, store, layer, items, styleOf);
  }

  function count(store) { return Object.keys(store).length; }

  function buildControls() {
    if (control) { control.remove(); }
    var overlays = {};
    overlays[escapeHtml(labels.layers.boundaries || "Boundaries")] = layers.boundaries;
    overlays[escapeHtml(labels.layers.depots || "Depots")] = layers.depots;
    overlays[escapeHtml(labels.layers.crews || "Crews")] = layers.crews;
    overlays[escapeHtml(labels.layers.requests || "Requests")] = layers.requests;
    overlays[escapeHtml(labels.layers.routes || "Suggested crews")] = layers.routes;
    control = L.control.layers({}, overlays, { collapsed: false, position: "topright" });
    if (tiles) { control.addOverlay(tiles, escapeHtml(labels.layers.tiles || "Tiles")); }
    control.addTo(map);
    if (legend) { legend.remove(); }
    legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      var div = L.DomUtil.create("div", "cm-legend");
      div.innerHTML = legendHtml();
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    legend.addTo(map);
  }

  function swatch(colour, border, size) {
    return "<span class='cm-swatch' style='background:" + colour + ";border-color:" + border +
      ";width:" + size + "px;height:" + size + "px'></span>";
  }

  function legendHtml() {
    var html = "<div class='cm-legend-title'>" + escapeHtml(label("legend", "requests")) + "</div>";
    ["P1", "P2", "P3"].forEach(function (p) {
      html += "<div>" + swatch(PRIORITY_COLOURS[p], "#fff", 12) +
        escapeHtml(label("priority", p)) + "</div>";
    });
    html += "<div class='cm-legend-title'>" + escapeHtml(label("legend", "crews")) + "</div>";
    Object.keys(CREW_COLOURS).forEach(function (s) {
      html += "<div>" + swatch(CREW_COLOURS[s], "#1b1b1b", 10) +
        escapeHtml(label("crew_status", s)) + "</div>";
    });
    html += "<div class='cm-legend-note'>" + escapeHtml(label("legend", "size")) + "</div>";
    html += "<div class='cm-legend-title'>" + escapeHtml(label("legend", "depots")) + "</div>";
    html += "<div>" + swatch("#cfd8dc", "#37474f", 10) + escapeHtml(label("legend", "depot")) +
      "</div>";
    return html;
  }

  function boundaryStyle(feature) {
    var country = feature.properties.kind === "country";
    return {
      color: country ? "#5d4037" : "#8d6e63", weight: country ? 2 : 0.8,
      fillColor: "#f3efe6", fillOpacity: country ? 0.5 : 0, dashArray: country ? null : "3 3"
    };
  }

  function connectBridge() {
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined") {
      console.warn("no QWebChannel transport: clicks stay on the page");
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      bridge.pageReady();
    });
  }

  function showContextMenu(e) {
    var link = L.DomUtil.create("a", "cm-intake");
    link.href = "#";
    link.textContent = label("actions", "intake_here");
    L.DomEvent.on(link, "click", function (ev) {
      L.DomEvent.preventDefault(ev);
      map.closePopup();
      if (bridge) { bridge.intakeAt(e.latlng.lat, e.latlng.lng); }
    });
    L.popup().setLatLng(e.latlng).setContent(link).openOn(map);
  }

  var api = {
    init: function (leafletMap, tileLayer, config) {
      map = leafletMap;
      tiles = tileLayer;
      labels = config.labels || labels;
      canvas = L.canvas({ padding: 0.5 });
      layers.boundaries = L.geoJSON(window.CONSOLE_BOUNDARIES || null, {
        style: boundaryStyle, interactive: false
      }).addTo(map);
      layers.depots = L.markerClusterGroup({
        chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50,
        disableClusteringAtZoom: 11
      }).addTo(map);
      layers.crews = L.featureGroup().addTo(map);
      layers.requests = L.featureGroup().addTo(map);
      layers.routes = L.featureGroup().addTo(map);
      api.setLabels(labels);
      map.on("contextmenu", showContextMenu);
      map.on("click", function (e) {
        if (pickMode && bridge) {
          pickMode = false;
          map.getContainer().classList.remove("cm-picking");
          bridge.locationPicked(e.latlng.lat, e.latlng.lng);
        }
      });
      if (tiles) {
        var failed = 0;
        tiles.on("tileerror", function (e) {
          // Once per page: an unreachable tile server fails every tile.
          if (failed++ === 0) {
            console.warn("tiles do not load (first: " + (e.tile && e.tile.src) +
                         "); the boundary layer still shows");
          }
        });
      }
      connectBridge();
    },
    setDepots: function (items) {
      replace("depot", depots, layers.depots, items, depotStyle);
      return count(depots);
    },
    setCrews: function (items) {
      replace("crew", crews, layers.crews, items, crewStyle);
      return count(crews);
    },
    setRequests: function (items) {
      replace("request", requests, layers.requests, items, requestStyle);
      return count(requests);
    },
    upsertCrews: function (items) { return upsert("crew", crews, layers.crews, items, crewStyle); },
    removeCrews: function (ids) { return remove(crews, layers.crews, ids); },
    upsertRequests: function (items) {
      return upsert("request", requests, layers.requests, items, requestStyle);
    },
    removeRequests: function (ids) {
      api.clearHighlightIf(ids);
      return remove(requests, layers.requests, ids);
    },
    counts: function () {
      return {
        depots: count(depots), crews: count(crews), requests: count(requests),
        depotLayer: layers.depots.getLayers().length,
        crewLayer: layers.crews.getLayers().length,
        requestLayer: layers.requests.getLayers().length,
        routes: layers.routes.getLayers().length,
        boundaries: layers.boundaries.getLayers().length
      };
    },
    view: function () {
      var c = map.getCenter();
      return { lat: c.lat, lon: c.lng, zoom: map.getZoom() };
    },
    highlight: function (kind, id) {
      if (highlightMarker) { highlightMarker.remove(); highlightMarker = null; }
      var store = kind === "crew" ? crews : kind === "request" ? requests : depots;
      var entry = store[id];
      if (!entry) { return false; }
      highlightMarker = L.circleMarker(entry.marker.getLatLng(), {
        renderer: canvas, radius: 15, weight: 3, color: "#ff1744", fill: false,
        interactive: false
      }).addTo(map);
      highlightMarker._target = kind + ":" + id;
      return true;
    },
    clearHighlightIf: function (ids) {
      if (!highlightMarker) { return; }
      for (var i = 0; i < ids.length; i++) {
        if (highlightMarker._target === "request:" + ids[i]) {
          highlightMarker.remove(); highlightMarker = null; return;
        }
      }
    },
    showRoutes: function (requestId, crewIds) {
      layers.routes.clearLayers();
      var req = requests[requestId];
      if (!req) { return 0; }
      var drawn = 0;
      for (var i = 0; i < crewIds.length; i++) {
        var crew = crews[crewIds[i]];
        if (!crew) { continue; }
        L.polyline([crew.marker.getLatLng(), req.marker.getLatLng()], {
          renderer: canvas, color: i === 0 ? "#ff1744" : "#455a64", weight: i === 0 ? 4 : 2,
          opacity: 0.85, dashArray: i === 0 ? null : "6 6", interactive: false
        }).addTo(layers.routes);
        drawn++;
      }
      return drawn;
    },
    clearRoutes: function () { layers.routes.clearLayers(); },
    centreOn: function (lat, lon) { map.panTo([lat, lon], { animate: false }); },
    fitPoints: function (points, maxZoom) {
      if (!points.length) { return; }
      map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: maxZoom || 13,
                                               animate: false });
    },
    setLabels: function (newLabels) {
      labels = newLabels;
      buildControls();
      layers.boundaries.eachLayer(function (layer) {
        var p = layer.feature.properties;
        if (p.kind === "province") {
          layer.unbindTooltip();
          layer.bindTooltip(labels.lang === "zh" ? p.name_zh : p.name_en,
                            { permanent: true, direction: "center", className: "cm-province" });
        }
      });
    },
    leaflet: function () { return map; },
    latLngOf: function (kind, id) {
      var store = kind === "crew" ? crews : kind === "request" ? requests : depots;
      if (!store[id]) { return null; }
      var p = store[id].marker.getLatLng();
      return { lat: p.lat, lon: p.lng };
    },
    screenPoint: function (kind, id) {
      var store = kind === "crew" ? crews : kind === "request" ? requests : depots;
      if (!store[id]) { return null; }
      var p = map.latLngToContainerPoint(store[id].marker.getLatLng());
      var box = map.getContainer().getBoundingClientRect();
      return { x: p.x + box.left, y: p.y + box.top };
    },
    legendText: function () { return legend ? legend.getContainer().textContent : ""; },
    popupText: function (kind, id) {
      var store = kind === "crew" ? crews : kind === "request" ? requests : depots;
      return store[id] ? popupOf(kind, store[id].data) : "";
    },
    setPickMode: function (on) {
      pickMode = !!on;
      map.getContainer().classList.toggle("cm-picking", pickMode);
    }
  };

  window.ConsoleMap = api;
})();
