// flashpoint dashboard: map, timeline, actor network, event table and article view,
// all driven by one set of filters and the JSON API of the same server. No framework, no CDN.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const W = 1000, H = 500;  // equirectangular world: x = (lon + 180) * W / 360, y = (90 - lat) * H / 180
const QUAD = { AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2, REQUEST: 3, ACCUSE: 3,
  REJECT: 3, THREATEN: 3, SANCTION: 3, PROTEST: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4 };
const PAGE = 50;

const state = { filters: {}, offset: 0, total: 0, selected: null, points: [], viewBox: [0, 0, W, H] };

const $ = (sel) => document.querySelector(sel);
function el(tag, attrs = {}, text) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, v);
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}
const px = (lon) => (lon + 180) * W / 360;
const py = (lat) => (90 - lat) * H / 180;

function query(extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state.filters, ...extra })) if (v !== "" && v !== undefined && v !== null && v !== false) p.set(k, v);
  return p.toString();
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.detail || `${r.status} ${r.statusText}`);
  return body;
}

function status(msg) { $("#status").textContent = msg || ""; }

// ---------------------------------------------------------------- filters
function readFilters() {
  const f = {};
  const form = $("#filters");
  for (const input of form.querySelectorAll("input, select")) {
    if (input.type === "checkbox") { if (input.checked) f[input.name] = "true"; }
    else if (input.value.trim()) f[input.name] = input.value.trim();
  }
  return f;
}
function writeFilters() {
  for (const input of $("#filters").querySelectorAll("input, select")) {
    if (input.type === "checkbox") input.checked = !!state.filters[input.name];
    else input.value = state.filters[input.name] || "";
  }
  const qs = query();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
}
function setFilters(f) { state.filters = f; state.offset = 0; writeFilters(); refresh(); }

// ---------------------------------------------------------------- map
function ringPath(ring) {
  let d = "";
  for (let i = 0; i < ring.length; i++) d += (i ? "L" : "M") + px(ring[i][0]).toFixed(1) + " " + py(ring[i][1]).toFixed(1);
  return d + "Z";
}
async function drawCountries() {
  const g = $("#countries");
  const grat = $("#graticule");
  for (let lon = -150; lon <= 150; lon += 30) grat.appendChild(el("svg:line", { x1: px(lon), x2: px(lon), y1: 0, y2: H }));
  for (let lat = -60; lat <= 60; lat += 30) grat.appendChild(el("svg:line", { x1: 0, x2: W, y1: py(lat), y2: py(lat) }));
  try {
    const r = await fetch("/countries.geojson");
    const fc = await r.json();
    for (const f of fc.features) {
      const geom = f.geometry;
      const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
      let d = "";
      for (const poly of polys) for (const ring of poly) d += ringPath(ring);
      const p = el("svg:path", { d, "data-iso": f.properties.iso_a3 });
      p.appendChild(el("svg:title", {}, f.properties.name));
      g.appendChild(p);
    }
  } catch (e) { status("Country outlines could not be loaded: " + e.message); }
}
function setViewBox(vb) {
  state.viewBox = vb;
  $("#map").setAttribute("viewBox", vb.map((v) => v.toFixed(2)).join(" "));
  const svg = $("#map");
  const scale = vb[2] / Math.max(1, svg.clientWidth || 600);
  for (const c of svg.querySelectorAll("circle.ev")) c.setAttribute("r", (5 * scale * (+c.getAttribute("data-size") || 1)).toFixed(3));
}
function fitMap() {
  if (!state.points.length) return setViewBox([0, 0, W, H]);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of state.points) { x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y); }
  let w = Math.max(x1 - x0, 40), h = Math.max(y1 - y0, 20);
  w *= 1.6; h *= 1.6;
  if (w / h > 2) h = w / 2; else w = h * 2;
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  setViewBox([cx - w / 2, cy - h / 2, w, h]);
}
async function drawPoints() {
  const g = $("#points");
  g.replaceChildren();
  const fc = await api(`/events?${query({ format: "geojson", limit: 5000 })}`);
  state.points = [];
  const active = new Set();
  const groups = new Map();  // one marker per place; the newest event first
  for (const f of fc.features) {
    const [lon, lat] = f.geometry.coordinates;
    const key = `${lon.toFixed(2)},${lat.toFixed(2)}`;
    if (!groups.has(key)) groups.set(key, { lon, lat, events: [] });
    groups.get(key).events.push(f.properties);
    if (f.properties.location_country) active.add(f.properties.location_country);
  }
  const maxn = Math.max(1, ...[...groups.values()].map((g) => g.events.length));
  for (const grp of groups.values()) {
    const x = px(grp.lon), y = py(grp.lat);
    state.points.push({ x, y });
    const p = grp.events[0];
    const worst = Math.max(...grp.events.map((e) => e.quad_class || QUAD[e.event_type]));
    const c = el("svg:circle", { cx: x.toFixed(2), cy: y.toFixed(2), r: 3, class: `ev q${worst}`,
      "data-event-id": p.event_id, "data-event-ids": grp.events.map((e) => e.event_id).join(" "),
      "data-size": (1 + Math.sqrt(grp.events.length / maxn)).toFixed(2) });
    const lines = grp.events.slice(0, 12).map((e) => `${e.day || ""} ${e.event_type}: ${e.source_name || "?"} → ${e.target_name || "?"}`);
    if (grp.events.length > 12) lines.push(`… and ${grp.events.length - 12} more`);
    c.appendChild(el("svg:title", {}, `${p.location_name || ""} (${grp.events.length} events)\n${lines.join("\n")}`));
    c.addEventListener("click", () => { state.placeEvents = grp.events; selectEvent(p.event_id); });
    g.appendChild(c);
  }
  for (const p of $("#countries").children) p.classList.toggle("active", active.has(p.getAttribute("data-iso")));
  $("#map-count").textContent = `${fc.features.length} located events at ${groups.size} places`;
  fitMap();
  markSelected();
}

// ---------------------------------------------------------------- timeline
async function drawTimeline() {
  const interval = $("#interval").value;
  const data = await api(`/timeline?${query({ interval, by: "quad_class" })}`);
  const svg = $("#timeline");
  svg.replaceChildren();
  const periods = [...new Set(data.series.map((s) => s.period))].sort();
  if (!periods.length) { svg.appendChild(el("svg:text", { x: 10, y: 20 }, "no dated events")); return; }
  const byP = {};
  for (const s of data.series) (byP[s.period] ||= {})[s.category] = s.count;
  const totals = periods.map((p) => Object.values(byP[p]).reduce((a, b) => a + b, 0));
  const max = Math.max(...totals);
  const left = 28, bottom = 200, top = 10, width = 600 - left - 5;
  const bw = width / periods.length;
  svg.appendChild(el("svg:text", { x: 2, y: top + 8 }, String(max)));
  svg.appendChild(el("svg:text", { x: 2, y: bottom }, "0"));
  periods.forEach((p, i) => {
    let y = bottom;
    for (const q of ["1", "2", "3", "4"]) {
      const n = (byP[p][q] || 0);
      if (!n) continue;
      const h = n / max * (bottom - top);
      y -= h;
      const r = el("svg:rect", { x: (left + i * bw + 0.5).toFixed(2), y: y.toFixed(2), width: Math.max(0.5, bw - 1).toFixed(2),
        height: h.toFixed(2), class: `q${q}` });
      r.appendChild(el("svg:title", {}, `${p}: ${n} (quad ${q})`));
      r.addEventListener("click", () => {
        const end = interval === "day" ? p : addDays(p, interval === "week" ? 6 : 30);
        setFilters({ ...state.filters, start: p, end });
      });
      svg.appendChild(r);
    }
  });
  svg.appendChild(el("svg:text", { x: left, y: 215 }, periods[0]));
  svg.appendChild(el("svg:text", { x: 600 - 60, y: 215 }, periods[periods.length - 1]));
}
function addDays(iso, n) { const d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); }

// ---------------------------------------------------------------- actor network
function intensityColor(v) {
  if (v === null || v === undefined) return "#888";
  const t = Math.max(-10, Math.min(10, v)) / 10;
  return t < 0 ? `rgb(${200 + Math.round(-t * 55)},${Math.round(170 * (1 + t))},${Math.round(150 * (1 + t))})`
               : `rgb(${Math.round(160 * (1 - t))},${150 + Math.round(t * 60)},${Math.round(160 * (1 - t)) + 40})`;
}
async function drawGraph() {
  const data = await api(`/graph?${query({ layout: 1, limit: 150 })}`);
  const svg = $("#graph");
  svg.replaceChildren();
  $("#graph-count").textContent = `${data.nodes.length} actors, ${data.edges.length} links`;
  const pos = {};
  for (const n of data.nodes) pos[n.id] = n;
  const maxc = Math.max(1, ...data.edges.map((e) => e.count));
  const defs = el("svg:defs");
  const marker = el("svg:marker", { id: "arrow", viewBox: "0 0 10 10", refX: 18, refY: 5, markerWidth: 4, markerHeight: 4, orient: "auto" });
  marker.appendChild(el("svg:path", { d: "M0,0 L10,5 L0,10 z", fill: "#777" }));
  defs.appendChild(marker);
  svg.appendChild(defs);
  for (const e of data.edges) {
    const a = pos[e.source], b = pos[e.target];
    if (!a || !b || a === b) continue;
    const l = el("svg:line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: intensityColor(e.mean_intensity),
      "stroke-width": (0.006 + 0.02 * e.count / maxc).toFixed(4), "marker-end": "url(#arrow)" });
    l.appendChild(el("svg:title", {}, `${e.source} → ${e.target}: ${e.count} (${e.event_types}), mean intensity ${e.mean_intensity}`));
    svg.appendChild(l);
  }
  const maxn = Math.max(1, ...data.nodes.map((n) => n.events));
  for (const n of data.nodes) {
    const c = el("svg:circle", { cx: n.x, cy: n.y, r: (0.025 + 0.04 * Math.sqrt(n.events / maxn)).toFixed(4),
      fill: intensityColor(n.mean_intensity) });
    c.appendChild(el("svg:title", {}, `${n.id} (${n.code || "no code"}): ${n.events} events`));
    c.addEventListener("click", () => setFilters({ ...state.filters, actor: n.id }));
    svg.appendChild(c);
    svg.appendChild(el("svg:text", { x: n.x + 0.03, y: n.y - 0.03 }, n.id));
  }
}

// ---------------------------------------------------------------- table
function actorLabel(a) { return a ? (a.name || a.text || "") + (a.code ? ` (${a.code})` : "") : ""; }
async function drawTable() {
  const data = await api(`/events?${query({ limit: PAGE, offset: state.offset })}`);
  state.total = data.total;
  const tbody = $("#events tbody");
  tbody.replaceChildren();
  for (const ev of data.events) {
    const tr = el("tr", { "data-event-id": ev.event_id });
    tr.appendChild(el("td", {}, ev.date || ev.published || ""));
    const td = el("td");
    td.appendChild(el("span", { class: `tag q${ev.quad_class || QUAD[ev.event_type]}` }, ev.event_type));
    if (ev.mode) td.appendChild(document.createTextNode(" " + ev.mode));
    tr.appendChild(td);
    tr.appendChild(el("td", {}, actorLabel(ev.source)));
    tr.appendChild(el("td", {}, actorLabel(ev.target)));
    tr.appendChild(el("td", {}, ev.location ? `${ev.location.name || ""}${ev.location.country ? ", " + ev.location.country : ""}` : ""));
    tr.appendChild(el("td", { class: "sentence" }, ev.sentence));
    tr.addEventListener("click", () => { state.placeEvents = null; selectEvent(ev.event_id); });
    tbody.appendChild(tr);
  }
  const last = Math.min(state.offset + PAGE, state.total);
  $("#table-count").textContent = state.total ? `${state.offset + 1}–${last} of ${state.total}` : "none";
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = last >= state.total;
  $("#download").href = `/events?${query({ format: "csv", limit: 10000 })}`;
  markSelected();
}

// ---------------------------------------------------------------- article / evidence view
function markSelected() {
  for (const e of document.querySelectorAll(".selected")) if (!e.matches("mark")) e.classList.remove("selected");
  if (!state.selected) return;
  for (const e of document.querySelectorAll(`[data-event-id="${CSS.escape(state.selected)}"]`)) e.classList.add("selected");
}
function dl(pairs) {
  const d = el("dl");
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === "") continue;
    d.appendChild(el("dt", {}, k));
    d.appendChild(el("dd", {}, String(v)));
  }
  return d;
}
async function selectEvent(id) {
  state.selected = id;
  markSelected();
  try {
    const ev = await api(`/events/${encodeURIComponent(id)}`);
    const art = await api(`/articles/${encodeURIComponent(ev.article_id)}`);
    const detail = $("#event-detail");
    detail.className = "";
    detail.replaceChildren();
    const h = el("div");
    h.appendChild(el("span", { class: `tag q${ev.quad_class || QUAD[ev.event_type]}` }, ev.event_type));
    h.appendChild(document.createTextNode(` ${actorLabel(ev.source) || "?"} → ${actorLabel(ev.target) || "—"}`));
    detail.appendChild(h);
    const quote = el("blockquote", { id: "evidence-sentence" }, ev.sentence);
    detail.appendChild(quote);
    detail.appendChild(dl([["mode", ev.mode], ["date", ev.date ? `${ev.date}${ev.date_text ? ` ("${ev.date_text}")` : ""}` : null],
      ["location", ev.location ? `${ev.location.name || ev.location.text || ""} ${ev.location.country || ""} (${ev.location.lat}, ${ev.location.lon})` : null],
      ["trigger", ev.trigger && ev.trigger.text], ["CAMEO", ev.cameo], ["intensity", ev.intensity],
      ["fatalities", ev.fatalities], ["negated", ev.negated ? "yes" : null], ["hypothetical", ev.hypothetical ? "yes" : null],
      ["confidence", ev.confidence], ["evidence", ev.evidence], ["incident", ev.incident_id !== ev.event_id ? ev.incident_id : null],
      ["article", ev.article]]));
    const here = (state.placeEvents || []).filter((e) => e.event_id !== id);
    if (here.length && (state.placeEvents || []).some((e) => e.event_id === id)) {
      const box = el("div", { class: "place-list" });
      box.appendChild(el("div", { class: "muted" }, `${here.length} more event(s) at this place:`));
      for (const e of here.slice(0, 20)) {
        const a = el("a", { href: "#", "data-event-id": e.event_id }, `${e.day || ""} ${e.event_type}: ${e.source_name || "?"} → ${e.target_name || "?"}`);
        a.addEventListener("click", (ev) => { ev.preventDefault(); selectEvent(e.event_id); });
        box.appendChild(a);
      }
      detail.appendChild(box);
    }
    $("#article-meta").textContent = `${art.title || art.article_id} · ${art.published || ""}`;
    renderArticle(art, id);
  } catch (e) { status(e.message); }
}
function renderArticle(art, selectedId) {
  const box = $("#article-text");
  box.replaceChildren();
  const text = art.text || "";
  let pos = 0;
  for (const m of art.marks) {
    if (m.start < pos) continue;
    box.appendChild(document.createTextNode(text.slice(pos, m.start)));
    const mk = el("mark", { "data-events": m.event_ids.join(" "), title: m.event_types.join(", ") });
    let ip = m.start;
    for (const t of [...m.triggers].sort((a, b) => a.start - b.start)) {
      if (t.start < ip) continue;
      mk.appendChild(document.createTextNode(text.slice(ip, t.start)));
      mk.appendChild(el("b", {}, text.slice(t.start, t.end)));
      ip = t.end;
    }
    mk.appendChild(document.createTextNode(text.slice(ip, m.end)));
    if (m.event_ids.includes(selectedId)) mk.classList.add("selected");
    mk.addEventListener("click", () => selectEvent(m.event_ids[0]));
    box.appendChild(mk);
    pos = m.end;
  }
  box.appendChild(document.createTextNode(text.slice(pos)));
  const sel = box.querySelector("mark.selected");
  if (sel) sel.scrollIntoView({ block: "center" });
}

// ---------------------------------------------------------------- wiring
async function refresh() {
  status("loading…");
  const jobs = [drawPoints(), drawTimeline(), drawGraph(), drawTable()];
  const results = await Promise.allSettled(jobs);
  const errors = results.filter((r) => r.status === "rejected").map((r) => r.reason.message);
  status(errors.length ? errors[0] : "");
  document.body.dataset.ready = "1";
}

window.addEventListener("DOMContentLoaded", async () => {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params) state.filters[k] = v;
  writeFilters();
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); setFilters(readFilters()); });
  $("#reset").addEventListener("click", () => setFilters({}));
  $("#interval").addEventListener("change", () => drawTimeline().catch((e) => status(e.message)));
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); drawTable().catch((e) => status(e.message)); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; drawTable().catch((e) => status(e.message)); });
  $("#map-fit").addEventListener("click", fitMap);
  $("#map-world").addEventListener("click", () => setViewBox([0, 0, W, H]));
  $("#map").addEventListener("wheel", (e) => {
    e.preventDefault();
    const [x, y, w, h] = state.viewBox;
    const k = e.deltaY > 0 ? 1.25 : 0.8;
    const r = $("#map").getBoundingClientRect();
    const fx = (e.clientX - r.left) / r.width, fy = (e.clientY - r.top) / r.height;
    setViewBox([x + w * fx * (1 - k), y + h * fy * (1 - k), w * k, h * k]);
  }, { passive: false });
  await drawCountries();
  await refresh();
});
