// Renders the server's OpenAPI description as plain HTML (no CDN-hosted Swagger UI).
"use strict";
(async () => {
  const spec = await (await fetch("/openapi.json")).json();
  const root = document.getElementById("docs");
  root.replaceChildren();
  const add = (parent, tag, text, cls) => { const e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; parent.appendChild(e); return e; };
  add(root, "p", spec.info.description || "");
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const sec = add(root, "section", null, "panel");
      sec.style.marginBottom = "8px";
      add(sec, "h2", `${method.toUpperCase()} ${path}`);
      add(sec, "p", op.summary || "");
      const params = op.parameters || [];
      if (params.length) {
        const t = add(sec, "table");
        const hr = add(add(t, "thead"), "tr");
        ["parameter", "in", "default", "description"].forEach((h) => add(hr, "th", h));
        const tb = add(t, "tbody");
        for (const p of params) {
          const tr = add(tb, "tr");
          add(tr, "td", p.name); add(tr, "td", p.in);
          add(tr, "td", p.schema && p.schema.default !== undefined ? String(p.schema.default) : "");
          add(tr, "td", p.description || "");
        }
      }
      if (op.requestBody) add(sec, "p", "Body: JSON (see openapi.json for the schema).", "muted");
    }
  }
})();
