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
  var requests = {};
  var holes = {};
  var overHole = false;
  var control = null;
  var legend = null;
  var legendFolded = false;
  var legendChosen = false;  // the user folded or unfolded it: no more automatic folding
  var highlightMarker = null;
  var pickMode = false;
  var canvas = null;
  var dark = false;
  var scale = null;

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

  function holeMinutes(hole) {
    if (hole.minutes === null || hole.minutes === undefined) { return label("holes", "none"); }
    return (labels.holes && labels.holes.minutes || "{minutes} min")
      .replace("{minutes}", String(hole.minutes));
  }

  function holeNearest(hole) {
    var text = holeMinutes(hole);
    return hole.nearest ? text + " (" + hole.nearest + ")" : text;
  }

  function holePopup(hole) {
    var city = labels.lang === "zh" ? hole.city_zh : hole.city_en;
    return "<div class='cm-popup'><b>" + escapeHtml(city) + "</b><table>" +
      line("capability", label("coverage_group", hole.group)) +
      line("nearest", holeNearest(hole)) + "</table></div>";
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
    if (kind === "hole") {
      // Three short lines: one long line would run off a small map.
      return "<b>" + escapeHtml(labels.lang === "zh" ? item.city_zh : item.city_en) + "</b><br>" +
        escapeHtml(label("coverage_group", item.group)) + "<br>" +
        escapeHtml((labels.holes && labels.holes.nearest || "{nearest}")
          .replace("{nearest}", holeNearest(item)));
    }
    return escapeHtml(labels.lang === "zh" ? item.name_zh : item.name_en);
  }

  function crewStyle(crew) {
    return {
      radius: KIND_RADIUS[crew.kind] || 5, stroke: "#1b1b1b",
      fill: CREW_COLOURS[crew.status] || "#777"
    };
  }

  function requestStyle(req) {
    return {
      renderer: canvas, radius: req.priority === "P1" ? 9 : 7, weight: 2, color: "#ffffff",
      fillColor: PRIORITY_COLOURS[req.priority] || "#777", fillOpacity: 0.95
    };
  }

  /* A hole: a dashed magenta ring (not a priority or crew colour), larger for the
   * three worst (rank 1 is the worst). */
  var HOLE_COLOUR = "#c2185b";

  /* The selected job's crew trail: a violet line (no crew, priority or hole colour)
   * on a casing that parts it from the tiles, dots at each fix and chevrons every
   * TRAIL_ARROW_EVERY_PX pixels pointing the way the crew drove. */
  var TRAIL_COLOURS = {
    light: { line: "#aa00ff", casing: "#ffffff", dot: "#ffffff" },
    dark: { line: "#ea80fc", casing: "#14181c", dot: "#14181c" }
  };
  var TRAIL_ARROW_EVERY_PX = 70;
  var TRAIL_ARROWS_MAX = 120;
  var trail = { crew: null, points: [], casing: null, line: null, dots: null, arrows: null };

  function trailColours() { return dark ? TRAIL_COLOURS.dark : TRAIL_COLOURS.light; }

  function trailStyles() {
    var c = trailColours();
    return {
      casing: { renderer: trail.renderer, color: c.casing, weight: 7, opacity: 0.9,
                interactive: false, lineCap: "round", lineJoin: "round" },
      line: { renderer: trail.renderer, color: c.line, weight: 3.5, opacity: 1,
              interactive: false, lineCap: "round", lineJoin: "round" },
      dot: { renderer: trail.renderer, radius: 2.5, weight: 1.5, color: c.line,
             fillColor: c.dot, fillOpacity: 1, interactive: false },
      arrow: { renderer: trail.renderer, color: c.line, weight: 3, opacity: 1,
               interactive: false, lineCap: "round", lineJoin: "round" }
    };
  }

  function buildTrail() {
    layers.trail.clearLayers();
    trail.casing = trail.line = null;
    trail.dots = L.featureGroup();
    trail.arrows = L.featureGroup();
    if (!trail.points.length) { return; }
    var styles = trailStyles();
    trail.casing = L.polyline(trail.points, styles.casing).addTo(layers.trail);
    trail.line = L.polyline(trail.points, styles.line).addTo(layers.trail);
    trail.dots.addTo(layers.trail);
    trail.arrows.addTo(layers.trail);
    for (var i = 0; i < trail.points.length; i++) {
      L.circleMarker(trail.points[i], styles.dot).addTo(trail.dots);
    }
    drawTrailArrows();
  }

  /* Chevrons along the trail at even screen distances, so they stay readable
   * at every zoom: drawn again after each zoom and each new fix. */
  function drawTrailArrows() {
    if (!trail.arrows) { return; }
    trail.arrows.clearLayers();
    var pts = trail.points;
    if (pts.length < 2) { return; }
    var style = trailStyles().arrow;
    var projected = pts.map(function (p) { return map.latLngToLayerPoint(p); });
    var walked = TRAIL_ARROW_EVERY_PX / 2;
    var drawn = 0;
    for (var i = 1; i < projected.length && drawn < TRAIL_ARROWS_MAX; i++) {
      var a = projected[i - 1];
      var b = projected[i];
      var length = a.distanceTo(b);
      if (length < 0.5) { continue; }
      var ux = (b.x - a.x) / length;
      var uy = (b.y - a.y) / length;
      var along = TRAIL_ARROW_EVERY_PX - walked;
      while (along <= length && drawn < TRAIL_ARROWS_MAX) {
        var tip = L.point(a.x + ux * along, a.y + uy * along);
        var back = L.point(tip.x - ux * 6, tip.y - uy * 6);
        var left = L.point(back.x - uy * 5, back.y + ux * 5);
        var right = L.point(back.x + uy * 5, back.y - ux * 5);
        L.polyline([map.layerPointToLatLng(left), map.layerPointToLatLng(tip),
                    map.layerPointToLatLng(right)], style).addTo(trail.arrows);
        drawn++;
        along += TRAIL_ARROW_EVERY_PX;
      }
      walked = length - (along - TRAIL_ARROW_EVERY_PX);
    }
  }
  function holeStyle(hole) {
    return {
      renderer: canvas, radius: hole.rank <= 3 ? 20 : 15, weight: 2.5, color: HOLE_COLOUR,
      dashArray: "6 4", fillColor: HOLE_COLOUR, fillOpacity: 0.12
    };
  }

  function depotStyle() {
    return {
      renderer: canvas, radius: 5, weight: 2, color: "#37474f", fillColor: "#cfd8dc",
      fillOpacity: 1
    };
  }

  function bind(marker, kind, store, id) {
    if (kind === "hole") {
      // A hole only explains itself on hover (beside it: it is often near the map's top);
      // a click goes through to the crews in it, whose own hover tip waits meanwhile.
      marker.bindTooltip(function () { return tooltipOf(kind, store[id].data); },
                         { direction: "auto", offset: [8, 0] });
      marker.on("mouseover", function () {
        overHole = true;
        layers.crews._hideTip();
        map.getContainer().classList.remove("cm-over-point");
      });
      marker.on("mouseout", function () { overHole = false; });
      return;
    }
    marker.bindTooltip(function () { return tooltipOf(kind, store[id].data); },
                       { direction: "top", offset: [0, -6] });
    marker.bindPopup(function () { return popupOf(kind, store[id].data); });
    marker.on("click", function (e) {
      // The map would otherwise also see the click (and look for a crew under it).
      L.DomEvent.stopPropagation(e);
      if (bridge && kind === "request" && !pickMode) { bridge.requestClicked(id); }
    });
  }

  function popupOf(kind, item) {
    if (kind === "crew") { return crewPopup(item); }
    if (kind === "request") { return requestPopup(item); }
    if (kind === "hole") { return holePopup(item); }
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
                        old.kind !== item.kind || old.rank !== item.rank)) {
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
    overlays[escapeHtml(labels.layers.holes || "Coverage holes")] = layers.holes;
    overlays[escapeHtml(labels.layers.trail || "Crew trail")] = layers.trail;
    control = L.control.layers({}, overlays, { collapsed: true, position: "topright" });
    if (tiles) { control.addOverlay(tiles, escapeHtml(labels.layers.tiles || "Tiles")); }
    control.addTo(map);
    if (legend) { legend.remove(); }
    legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      var div = L.DomUtil.create("div", "cm-legend" + (legendFolded ? " cm-folded" : ""));
      div.innerHTML = legendHtml();
      L.DomEvent.disableClickPropagation(div);
      // A small dock needs the room: the title folds the legend away and back.
      L.DomEvent.on(div.querySelector(".cm-legend-toggle"), "click", function () {
        legendChosen = true;
        legendFolded = !legendFolded;
        div.classList.toggle("cm-folded", legendFolded);
      });
      return div;
    };
    legend.addTo(map);
    foldLegendToFit();
  }

  /* A small map (a narrow dock, a 1366x768 screen) would be half covered by the
   * open legend, markers included: it starts folded there, until the user chooses. */
  function foldLegendToFit() {
    if (legendChosen || !legend) { return; }
    var size = map.getSize();
    var fold = size.x < 560 || size.y < 420;
    if (fold !== legendFolded) {
      legendFolded = fold;
      legend.getContainer().classList.toggle("cm-folded", legendFolded);
    }
  }

  function swatch(colour, border, size) {
    return "<span class='cm-swatch' style='background:" + colour + ";border-color:" + border +
      ";width:" + size + "px;height:" + size + "px'></span>";
  }

  function legendHtml() {
    var html = "<div class='cm-legend-toggle'>" + escapeHtml(label("legend", "title")) + "</div>" +
      "<div class='cm-legend-body'>";
    html += "<div class='cm-legend-title'>" + escapeHtml(label("legend", "requests")) + "</div>";
    ["P1", "P2", "P3"].forEach(function (p) {
      html += "<div>" + swatch(PRIORITY_COLOURS[p], "#fff", 12) +
        escapeHtml(label("priority", p)) + "</div>";
    });
    html += "<div class='cm-legend-title'>" + escapeHtml(label("legend", "crews")) + "</div>";
    Object.keys(CREW_COLOURS).forEach(function (s) {
      html += "<div>" + swatch(CREW_COLOURS[s], dark ? "#cfd8dc" : "#1b1b1b", 10) +
        escapeHtml(label("crew_status", s)) + "</div>";
    });
    html += "<div class='cm-legend-note'>" + escapeHtml(label("legend", "size")) + "</div>";
    html += "<div class='cm-legend-title'>" + escapeHtml(label("legend", "holes")) + "</div>";
    html += "<div>" + swatch("rgba(194,24,91,0.3)", HOLE_COLOUR, 12) +
      escapeHtml(label("legend", "hole")) + "</div>";
    html += "<div class='cm-legend-title'>" + escapeHtml(label("legend", "trails")) + "</div>";
    html += "<div><span class='cm-trail-swatch' style='background:" + trailColours().line +
      ";border-color:" + trailColours().casing + "'></span>" +
      escapeHtml(label("legend", "trail")) + "</div>";
    html += "<div class='cm-legend-title'>" + escapeHtml(label("legend", "depots")) + "</div>";
    html += "<div>" + swatch("#cfd8dc", "#37474f", 10) + escapeHtml(label("legend", "depot")) +
      "</div></div>";
    return html;
  }

  function boundaryStyle(feature) {
    var country = feature.properties.kind === "country";
    if (dark) {
      // Night: muted light lines on a land tone a little lighter than the sea.
      return {
        color: country ? "#b0a18f" : "#7d7064", weight: country ? 2 : 0.8,
        fillColor: "#2b2f33", fillOpacity: country ? 0.9 : 0
      };
    }
    return {
      color: country ? "#5d4037" : "#8d6e63", weight: country ? 2 : 0.8,
      fillColor: "#f3efe6", fillOpacity: country ? 0.5 : 0
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


  /* Crews: thousands of points that move every few seconds. One canvas drawn in
   * a single pass per colour is far cheaper than a Leaflet layer per crew (an
   * update of 5,000 crews touches plain objects and asks for one redraw).
   * The canvas ignores the mouse; hits are found on the map's own events. */
  var PointLayer = L.Layer.extend({
    options: { pane: "crewPane", hitSlop: 3 },

    initialize: function (handlers, options) {
      L.setOptions(this, options);
      this.points = {};
      this._handlers = handlers;
      this._screen = [];
      this._frame = null;
    },

    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "cm-points leaflet-zoom-hide");
      this.getPane().appendChild(this._canvas);
      map.on("moveend zoomend resize viewreset", this._reset, this);
      map.on("click", this._onClick, this);
      map.on("mousemove", this._onMove, this);
      this._reset();
    },

    onRemove: function (map) {
      map.off("moveend zoomend resize viewreset", this._reset, this);
      map.off("click", this._onClick, this);
      map.off("mousemove", this._onMove, this);
      this._hideTip();
      L.DomUtil.remove(this._canvas);
      this._screen = [];
    },

    count: function () { return Object.keys(this.points).length; },

    upsert: function (items) {
      for (var i = 0; i < items.length; i++) { this.points[items[i].id] = items[i]; }
      this.schedule();
      return items.length;
    },

    remove: function (ids) {
      var gone = 0;
      for (var i = 0; i < ids.length; i++) {
        if (this.points[ids[i]]) { delete this.points[ids[i]]; gone++; }
      }
      this.schedule();
      return gone;
    },

    replace: function (items) {
      this.points = {};
      return this.upsert(items);
    },

    flush: function () {
      if (this._frame) {
        L.Util.cancelAnimFrame(this._frame);
        this._redraw();
      }
      return this.lastDrawMs;
    },

    schedule: function () {
      if (this._map && !this._frame) {
        this._frame = L.Util.requestAnimFrame(this._redraw, this);
      }
    },

    _reset: function () {
      var map = this._map;
      var size = map.getSize();
      var ratio = window.devicePixelRatio || 1;
      L.DomUtil.setPosition(this._canvas, map.containerPointToLayerPoint([0, 0]));
      this._canvas.width = size.x * ratio;
      this._canvas.height = size.y * ratio;
      this._canvas.style.width = size.x + "px";
      this._canvas.style.height = size.y + "px";
      this._redraw();
    },

    _redraw: function () {
      this._frame = null;
      var map = this._map;
      if (!map) { return; }
      var started = performance.now();
      var ratio = window.devicePixelRatio || 1;
      var ctx = this._canvas.getContext("2d");
      var size = map.getSize();
      var width = this._canvas.width;
      var height = this._canvas.height;
      if (!this._image || this._image.width !== width || this._image.height !== height) {
        this._image = ctx.createImageData(width, height);
        this._pixels = new Uint32Array(this._image.data.buffer);
      }
      var pixels = this._pixels;
      pixels.fill(0);
      var screen = [];
      // Container pixel = world pixel - pixel origin - layer point of the corner;
      // the world position (Web Mercator, 0..1) is worked out once per update.
      var scale = map.options.crs.scale(map.getZoom());
      var origin = map.getPixelOrigin();
      var corner = map.containerPointToLayerPoint([0, 0]);
      var shiftX = origin.x + corner.x;
      var shiftY = origin.y + corner.y;
      for (var id in this.points) {
        var p = this.points[id];
        var px = p.wx * scale - shiftX;
        var py = p.wy * scale - shiftY;
        if (px < -10 || py < -10 || px > size.x + 10 || py > size.y + 10) { continue; }
        var sprite = this._sprite(p, ratio);
        var cx = Math.round(px * ratio);
        var cy = Math.round(py * ratio);
        var offsets = sprite.offsets;
        for (var k = 0; k < offsets.length; k += 3) {
          var x = cx + offsets[k];
          var y = cy + offsets[k + 1];
          if (x >= 0 && y >= 0 && x < width && y < height) { pixels[y * width + x] = offsets[k + 2]; }
        }
        screen.push([px, py, sprite.radius, p.id]);
      }
      ctx.putImageData(this._image, 0, 0);
      this._screen = screen;
      this.lastDrawMs = performance.now() - started;
    },

    // Software-rendered canvases (workstations without a GPU) fill thousands of
    // arcs slowly; writing each dot's pixels into one buffer and uploading it
    // once is an order of magnitude faster. A "sprite" is the dot's pixel offsets
    // and colours (little-endian RGBA words), one per look (status x vehicle kind).
    _sprite: function (p, ratio) {
      var key = p.status + "|" + p.kind + "|" + ratio;
      var cache = this._sprites || (this._sprites = {});
      var sprite = cache[key];
      if (sprite) { return sprite; }
      var style = this._handlers.style(p);
      var outer = style.radius * ratio;
      var inner = outer - Math.max(1, ratio);
      var fill = rgbaWord(style.fill);
      var stroke = rgbaWord(style.stroke);
      var offsets = [];
      var reach = Math.ceil(outer);
      for (var dy = -reach; dy <= reach; dy++) {
        for (var dx = -reach; dx <= reach; dx++) {
          var d = Math.sqrt(dx * dx + dy * dy);
          if (d <= outer) { offsets.push(dx, dy, d <= inner ? fill : stroke); }
        }
      }
      sprite = { offsets: offsets, radius: style.radius };
      cache[key] = sprite;
      return sprite;
    },

    hit: function (point) {
      var best = null;
      var bestDistance = Infinity;
      for (var i = this._screen.length - 1; i >= 0; i--) {
        var s = this._screen[i];
        var dx = s[0] - point.x;
        var dy = s[1] - point.y;
        var d = dx * dx + dy * dy;
        var reach = s[2] + this.options.hitSlop;
        if (d <= reach * reach && d < bestDistance) { best = s[3]; bestDistance = d; }
      }
      return best;
    },

    _onClick: function (e) {
      var id = this.hit(e.containerPoint || this._map.latLngToContainerPoint(e.latlng));
      if (id === null || !this.points[id]) { return; }
      var p = this.points[id];
      L.popup({ offset: [0, -4] }).setLatLng([p.lat, p.lon])
        .setContent(this._handlers.popup(p)).openOn(this._map);
      this._handlers.click(p);
    },

    _onMove: function (e) {
      var id = this.hit(e.containerPoint || this._map.latLngToContainerPoint(e.latlng));
      var container = this._map.getContainer();
      if (id === null || !this.points[id] || overHole) {
        if (this._tipId !== undefined) { container.classList.remove("cm-over-point"); }
        this._hideTip();
        return;
      }
      if (this._tipId === id) { return; }
      this._hideTip();
      var p = this.points[id];
      container.classList.add("cm-over-point");
      this._tipId = id;
      this._tip = L.tooltip({ direction: "top", offset: [0, -6] })
        .setLatLng([p.lat, p.lon]).setContent(this._handlers.tooltip(p)).addTo(this._map);
    },

    _hideTip: function () {
      if (this._tip) { this._tip.remove(); }
      this._tip = null;
      this._tipId = undefined;
    }
  });

  function rgbaWord(hex) {
    var n = parseInt(hex.slice(1), 16);
    // ImageData bytes are R, G, B, A: as a little-endian 32-bit word, A is highest.
    return ((255 << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff)) >>> 0;
  }

  var MAX_LATITUDE = 85.0511287798;

  function crewFromArray(a) {
    // Positions come in micro-degrees. wx, wy: the point in Web Mercator world
    // units (0..1), as Leaflet's EPSG:3857 projects it.
    var lat = a[1] / 1e6;
    var lon = a[2] / 1e6;
    var clamped = Math.max(Math.min(lat, MAX_LATITUDE), -MAX_LATITUDE);
    var sin = Math.sin(clamped * Math.PI / 180);
    return { id: a[0], lat: lat, lon: lon, status: a[3], kind: a[4], call_sign: a[5],
             depot: a[6], wx: 0.5 + lon / 360,
             wy: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI) };
  }

  function crewsFromArrays(items) {
    var out = new Array(items.length);
    for (var i = 0; i < items.length; i++) { out[i] = crewFromArray(items[i]); }
    return out;
  }

  function positionOf(kind, id) {
    if (kind === "crew") {
      var c = layers.crews.points[id];
      return c ? L.latLng(c.lat, c.lon) : null;
    }
    var store = kind === "request" ? requests : kind === "hole" ? holes : depots;
    return store[id] ? store[id].marker.getLatLng() : null;
  }

  function dataOf(kind, id) {
    if (kind === "crew") { return layers.crews.points[id] || null; }
    var store = kind === "request" ? requests : kind === "hole" ? holes : depots;
    return store[id] ? store[id].data : null;
  }

  var api = {
    init: function (leafletMap, tileLayer, config) {
      map = leafletMap;
      tiles = tileLayer;
      labels = config.labels || labels;
      // Boundaries under everything, crews under depots and requests; neither
      // takes the mouse (only the one interactive canvas on top may).
      map.createPane("boundaryPane").style.zIndex = 250;
      map.getPane("boundaryPane").style.pointerEvents = "none";
      map.createPane("crewPane").style.zIndex = 350;
      map.getPane("crewPane").style.pointerEvents = "none";
      // The trail lies under the crews (its crew's dot sits at its end) and over the land.
      map.createPane("trailPane").style.zIndex = 340;
      map.getPane("trailPane").style.pointerEvents = "none";
      trail.renderer = L.canvas({ pane: "trailPane", padding: 0.5 });
      canvas = L.canvas({ padding: 0.5 });
      layers.boundaries = L.geoJSON(window.CONSOLE_BOUNDARIES || null, {
        style: boundaryStyle, interactive: false,
        renderer: L.canvas({ pane: "boundaryPane" }), pane: "boundaryPane"
      }).addTo(map);
      layers.depots = L.markerClusterGroup({
        chunkedLoading: false, showCoverageOnHover: false, maxClusterRadius: 50,
        disableClusteringAtZoom: 11,
        // Neutral grey, so clusters are not mistaken for crew or priority colours.
        iconCreateFunction: function (cluster) {
          var n = cluster.getChildCount();
          var side = n < 10 ? 24 : n < 100 ? 30 : 36;
          return L.divIcon({
            html: "<span>" + n + "</span>", className: "cm-depot-cluster",
            iconSize: [side, side]
          });
        }
      }).addTo(map);
      layers.crews = new PointLayer({
        style: crewStyle,
        popup: crewPopup,
        tooltip: function (crew) { return tooltipOf("crew", crew); },
        click: function (crew) { if (bridge && !pickMode) { bridge.crewClicked(crew.id); } }
      }).addTo(map);
      layers.requests = L.featureGroup().addTo(map);
      layers.routes = L.featureGroup().addTo(map);
      layers.holes = L.featureGroup().addTo(map);
      layers.trail = L.featureGroup().addTo(map);
      map.on("zoomend", drawTrailArrows);
      // Kilometres only: a dispatcher in China never reads miles.
      scale = L.control.scale({ metric: true, imperial: false }).addTo(map);
      api.setTheme(config.theme || "light");
      api.setLabels(labels);
      map.on("resize", foldLegendToFit);
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
    setCrews: function (items) { return layers.crews.replace(crewsFromArrays(items)); },
    setRequests: function (items) {
      replace("request", requests, layers.requests, items, requestStyle);
      return count(requests);
    },
    upsertCrews: function (items) { return layers.crews.upsert(crewsFromArrays(items)); },
    removeCrews: function (ids) { return layers.crews.remove(ids); },
    upsertRequests: function (items) {
      return upsert("request", requests, layers.requests, items, requestStyle);
    },
    removeRequests: function (ids) {
      api.clearHighlightIf(ids);
      return remove(requests, layers.requests, ids);
    },
    upsertHoles: function (items) { return upsert("hole", holes, layers.holes, items, holeStyle); },
    removeHoles: function (ids) { return remove(holes, layers.holes, ids); },
    holes: function () {
      var out = [];
      for (var id in holes) {
        var hole = holes[id];
        out.push({ id: id, rank: hole.data.rank, tooltip: tooltipOf("hole", hole.data),
                   shown: map.hasLayer(layers.holes) });
      }
      out.sort(function (a, b) { return a.rank - b.rank; });
      return out;
    },
    flush: function () { return layers.crews.flush(); },
    counts: function () {
      return {
        depots: count(depots), crews: layers.crews.count(), requests: count(requests),
        depotLayer: layers.depots.getLayers().length,
        crewLayer: layers.crews.count(),
        crewsDrawn: layers.crews._screen.length,
        crewDrawMs: layers.crews.lastDrawMs,
        requestLayer: layers.requests.getLayers().length,
        routes: layers.routes.getLayers().length,
        holes: count(holes),
        holeLayer: layers.holes.getLayers().length,
        boundaries: layers.boundaries.getLayers().length
      };
    },
    view: function () {
      var c = map.getCenter();
      return { lat: c.lat, lon: c.lng, zoom: map.getZoom() };
    },
    highlight: function (kind, id) {
      if (highlightMarker) { highlightMarker.remove(); highlightMarker = null; }
      var at = positionOf(kind, id);
      if (!at) { return false; }
      highlightMarker = L.circleMarker(at, {
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
        var crew = positionOf("crew", crewIds[i]);
        if (!crew) { continue; }
        L.polyline([crew, req.marker.getLatLng()], {
          renderer: canvas, color: i === 0 ? "#ff1744" : "#455a64", weight: i === 0 ? 4 : 2,
          opacity: 0.85, dashArray: i === 0 ? null : "6 6", interactive: false
        }).addTo(layers.routes);
        drawn++;
      }
      return drawn;
    },
    clearRoutes: function () { layers.routes.clearLayers(); },
    setTrail: function (crewId, points) {
      trail.crew = crewId;
      trail.points = points.map(function (p) { return L.latLng(p[0], p[1]); });
      buildTrail();
      return trail.points.length;
    },
    extendTrail: function (crewId, points) {
      // A late answer for a crew no longer shown is dropped.
      if (crewId !== trail.crew) { return -1; }
      if (!trail.line) { return api.setTrail(crewId, points); }
      var styles = trailStyles();
      for (var i = 0; i < points.length; i++) {
        var at = L.latLng(points[i][0], points[i][1]);
        trail.points.push(at);
        trail.casing.addLatLng(at);
        trail.line.addLatLng(at);
        L.circleMarker(at, styles.dot).addTo(trail.dots);
      }
      if (points.length) { drawTrailArrows(); }
      return trail.points.length;
    },
    clearTrail: function () {
      trail.crew = null;
      trail.points = [];
      buildTrail();
    },
    trail: function () {
      var last = trail.points.length ? trail.points[trail.points.length - 1] : null;
      return {
        crew: trail.crew, points: trail.points.length,
        linePoints: trail.line ? trail.line.getLatLngs().length : 0,
        dots: trail.dots ? trail.dots.getLayers().length : 0,
        arrows: trail.arrows ? trail.arrows.getLayers().length : 0,
        shown: map.hasLayer(layers.trail), colour: trailColours().line,
        last: last ? [last.lat, last.lng] : null
      };
    },
    focus: function (kind, id, crewIds) {
      // Centre on the item, zoomed (never closer than street level) so that the
      // given crews fit around it: the bounds are mirrored about the item.
      var at = positionOf(kind, id);
      if (!at) { return false; }
      var bounds = L.latLngBounds([at, at]);
      for (var i = 0; i < (crewIds || []).length; i++) {
        var c = positionOf("crew", crewIds[i]);
        if (!c) { continue; }
        bounds.extend(c);
        bounds.extend([2 * at.lat - c.lat, 2 * at.lng - c.lng]);
      }
      var zoom = bounds.getNorthEast().equals(bounds.getSouthWest())
        ? map.getZoom() : Math.min(map.getBoundsZoom(bounds, false, L.point(60, 60)), 13);
      map.setView(at, zoom, { animate: false });
      return true;
    },
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
      var at = positionOf(kind, id);
      return at ? { lat: at.lat, lon: at.lng } : null;
    },
    screenPoint: function (kind, id) {
      var at = positionOf(kind, id);
      if (!at) { return null; }
      var p = map.latLngToContainerPoint(at);
      var box = map.getContainer().getBoundingClientRect();
      return { x: p.x + box.left, y: p.y + box.top };
    },
    legendText: function () { return legend ? legend.getContainer().textContent : ""; },
    legendFolded: function () { return legendFolded; },
    popupText: function (kind, id) {
      var item = dataOf(kind, id);
      return item ? popupOf(kind, item) : "";
    },
    setTheme: function (name) {
      // The dark theme darkens everything the page draws itself (background,
      // boundaries, legend, popups, controls) and dims tiles with a CSS filter.
      dark = name === "dark";
      document.documentElement.classList.toggle("cm-dark", dark);
      if (layers.boundaries) { layers.boundaries.setStyle(boundaryStyle); }
      if (control) { buildControls(); }  // the legend's swatch outlines follow the theme
      if (layers.trail) { buildTrail(); }
      return dark ? "dark" : "light";
    },
    theme: function () {
      var container = map.getContainer();
      var probe = legend ? legend.getContainer() : null;
      var tilePane = map.getPane("tilePane");
      var country = null;
      layers.boundaries.eachLayer(function (layer) {
        if (!country && layer.feature.properties.kind === "country") { country = layer.options; }
      });
      return {
        name: dark ? "dark" : "light",
        background: getComputedStyle(container).backgroundColor,
        legendBackground: probe ? getComputedStyle(probe).backgroundColor : "",
        legendText: probe ? getComputedStyle(probe).color : "",
        tileFilter: getComputedStyle(tilePane).filter,
        countryFill: country ? country.fillColor : "",
        countryLine: country ? country.color : "",
        scale: scale ? scale.getContainer().textContent : ""
      };
    },
    setPickMode: function (on) {
      pickMode = !!on;
      map.getContainer().classList.toggle("cm-picking", pickMode);
    }
  };

  window.ConsoleMap = api;
})();
