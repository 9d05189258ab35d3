import type { CodeProblem } from '../runtime/code-problem';
import { describeProblem } from '../runtime/code-problem';

export interface TestPageModel {
  /** Product to its registered events, sorted. */
  events: Record<string, string[]>;
  problem: CodeProblem | undefined;
  hasServer: boolean;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The script reads this JSON from the page rather than from markup, so names need no escaping twice. */
const SCRIPT = `
const model = JSON.parse(document.getElementById('model').textContent);
const $ = (id) => document.getElementById(id);
function fillEvents() {
  const events = model.events[$('product').value] || [];
  $('event').replaceChildren(...events.map((e) => new Option(e)));
  loadPayload();
}
async function loadPayload() {
  const product = $('product').value, event = $('event').value;
  if (!event) { $('payload').value = ''; $('source').textContent = 'This product has no events registered.'; return; }
  const answer = await (await fetch('/web/test/payload?product=' + encodeURIComponent(product) + '&event=' + encodeURIComponent(event))).json();
  $('payload').value = JSON.stringify(answer.payload, null, 2);
  $('source').textContent = answer.source ? 'From ' + answer.source : answer.message;
}
async function simulate() {
  let payload;
  try { payload = JSON.parse($('payload').value); } catch (e) { show({ ok: false, status: 400, error: { message: 'payload: not valid JSON (' + e.message + ')' } }); return; }
  $('simulate').disabled = true;
  $('simulate').textContent = 'Running…';
  try {
    const res = await fetch('/_emulator/events/' + encodeURIComponent($('event').value), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ product: $('product').value, payload }) });
    show(await res.json());
  } finally {
    $('simulate').disabled = false;
    $('simulate').textContent = 'Simulate';
  }
}
function show(result) {
  const ok = result.ok === true;
  $('result').hidden = false;
  $('verdict').textContent = ok ? 'Success' : 'Failed';
  $('verdict').className = ok ? 'ok' : 'failed';
  $('status').textContent = String(result.status ?? 400);
  $('duration').textContent = result.durationMs === undefined ? '' : result.durationMs + ' ms';
  $('response').textContent = result.response == null ? '' : JSON.stringify(result.response, null, 2);
  $('error').textContent = result.error ? JSON.stringify(result.error, null, 2) : (result.message || '');
  $('logs').textContent = (result.logs || []).map((l) => l.at + '  ' + l.level.padEnd(5) + '  ' + l.message).join('\\n');
}
$('product').addEventListener('change', fillEvents);
$('event').addEventListener('change', loadPayload);
$('simulate').addEventListener('click', simulate);
fillEvents();
`;

/** `/web/test`, as `fdk run` has it: pick a product and an event, edit the payload, simulate, read the outcome. */
export function testPage(model: TestPageModel): string {
  const products = Object.keys(model.events);
  const banner = !model.hasServer
    ? '<p class="problem">This app has no server/server.js, so it has no serverless events to simulate.</p>'
    : model.problem
      ? `<p class="problem">server.js cannot run: <code>${escape(describeProblem(model.problem))}</code>. Every event answers 500 until it is fixed.</p>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Simulate serverless events</title>
<style>
  body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px auto; max-width: 960px; color: #12344d; }
  label { display: block; font-weight: 600; margin: 12px 0 4px; }
  select, textarea, button { font: inherit; }
  textarea { width: 100%; min-height: 320px; font-family: ui-monospace, Menlo, monospace; font-size: 12px; }
  pre { background: #f5f7f9; padding: 8px; overflow: auto; max-height: 320px; }
  button { margin-top: 12px; padding: 6px 16px; background: #2c5cc5; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .problem { background: #ffecf0; border: 1px solid #d72d30; padding: 8px; }
  .ok { color: #00795b; } .failed { color: #d72d30; }
  .hint { color: #6f7c87; font-size: 12px; }
</style>
</head>
<body>
<h1>Simulate serverless events</h1>
${banner}
<script type="application/json" id="model">${JSON.stringify({ events: model.events }).replace(/</g, '\\u003c')}</script>
<label for="product">Product</label>
<select id="product">${products.map((p) => `<option>${escape(p)}</option>`).join('')}</select>
<label for="event">Event</label>
<select id="event"></select>
<label for="payload">Payload</label>
<textarea id="payload" spellcheck="false"></textarea>
<div class="hint" id="source"></div>
<button id="simulate" type="button">Simulate</button>
<section id="result" hidden>
  <h2 id="verdict"></h2>
  <p>Status <b id="status"></b> · <span id="duration"></span></p>
  <label>Response</label><pre id="response"></pre>
  <label>Error</label><pre id="error"></pre>
  <label>Logs</label><pre id="logs"></pre>
</section>
<script>${SCRIPT}</script>
</body>
</html>`;
}
