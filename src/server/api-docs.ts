/**
 * The API reference page: renders /api/openapi.json in the browser with no script from
 * elsewhere (the product works offline, so no CDN-hosted viewer).
 */
export const API_DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Covenant API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#111}
code,pre{background:#f3f3f3;padding:.1rem .3rem}pre{padding:.6rem;overflow:auto}h2{margin-top:2rem}
.m{display:inline-block;min-width:4rem;font-weight:700}</style></head>
<body><main><h1>Covenant API</h1><p>OpenAPI 3.1 document: <a href="/api/openapi.json">/api/openapi.json</a></p><div id="paths"></div></main>
<script>
fetch('/api/openapi.json').then(r => r.json()).then(doc => {
  const out = document.getElementById('paths');
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) {
    const h = document.createElement('h2');
    h.innerHTML = '<span class="m"></span><code></code>';
    h.querySelector('.m').textContent = method.toUpperCase();
    h.querySelector('code').textContent = path;
    out.append(h);
    const pre = document.createElement('pre');
    pre.textContent = JSON.stringify({ request: op.requestBody ?? op.parameters ?? null, responses: op.responses }, null, 2);
    out.append(pre);
  }
});
</script></body></html>`;
