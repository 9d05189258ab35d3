import { AIRCALL_NUMBERS } from './directory';
import { formatRawDigits } from './raw-digits';

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#12344d;max-width:1100px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}
form{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px;align-items:end;background:#f5f7f9;padding:14px;border-radius:6px}
label{display:flex;flex-direction:column;font-size:12px;gap:4px}input,select,button{font:inherit;padding:5px 8px}
button{cursor:pointer;background:#2c5cc5;color:#fff;border:0;border-radius:4px}button.secondary{background:#fff;color:#2c5cc5;border:1px solid #2c5cc5}
table{border-collapse:collapse;width:100%;margin-top:8px}th,td{border-bottom:1px solid #dfe4e8;padding:4px 6px;text-align:left;font-size:13px}
.failed{color:#c82124}.delivered{color:#00795b}.pending{color:#8a6d00}#message{margin-top:8px;min-height:1.4em}`;

const SCRIPT = `
const $ = (id) => document.getElementById(id);
const text = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const when = (s) => (s ? new Date(s * 1000).toISOString().slice(11, 19) : '');
async function post(path, body) {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  const data = await res.json().catch(() => ({}));
  $('message').textContent = res.ok ? (data.callId ? 'Call ' + data.callId + ' simulated.' : 'Done.') : (data.message ?? 'Failed: HTTP ' + res.status);
  await refresh();
}
function action(label, path) { return '<button class="secondary" data-path="' + text(path) + '">' + label + '</button>'; }
async function refresh() {
  const state = await (await fetch('/_emulator/phone/state')).json();
  $('webhooks').innerHTML = state.webhooks.map((w) => '<tr><td>' + text(w.custom_name) + '</td><td>' + text(w.url) + '</td><td>' + text(w.events.length) + ' events</td><td>' + (w.active ? 'active' : 'disabled') + '</td></tr>').join('') || '<tr><td colspan="4">No webhook registered yet: install the app.</td></tr>';
  $('calls').innerHTML = state.calls.slice().reverse().map((c) => {
    const base = '/_emulator/phone/calls/' + c.id;
    const live = c.status === 'initial' ? action('Answer', base + '/answer') + action('Hang up', base + '/hangup') : c.status === 'answered' ? action('Hang up', base + '/hangup') : '';
    return '<tr><td>' + c.id + '</td><td>' + text(c.direction) + '</td><td>' + text(c.raw_digits) + '</td><td>' + text(c.status) + (c.missed_call_reason ? ' (' + text(c.missed_call_reason) + ')' : '') + '</td><td>' + when(c.started_at) + '</td><td>' + text(c.duration) + ' s</td><td>' + live + action('Redeliver', base + '/redeliver') + '</td></tr>';
  }).join('') || '<tr><td colspan="7">No calls yet.</td></tr>';
  $('deliveries').innerHTML = state.deliveries.slice().reverse().slice(0, 50).map((d) => '<tr><td>' + d.callId + '</td><td>' + text(d.event) + (d.redelivery ? ' (again)' : '') + '</td><td>' + text(d.url) + '</td><td class="' + text(d.state) + '">' + text(d.state) + ' ' + text(d.status ?? d.error ?? '') + '</td><td>' + d.attempts + '</td></tr>').join('') || '<tr><td colspan="5">Nothing delivered yet.</td></tr>';
}
document.addEventListener('click', (event) => { const path = event.target.dataset?.path; if (path) post(path, {}); });
$('simulate').addEventListener('submit', (event) => {
  event.preventDefault();
  const f = new FormData(event.target);
  const inbound = f.get('direction') === 'inbound';
  const other = String(f.get('other')), line = String(f.get('line'));
  post('/_emulator/phone/calls', { direction: f.get('direction'), from: inbound ? other : line, to: inbound ? line : other,
    answered: f.get('answered') === 'on', durationSeconds: Number(f.get('duration')), live: f.get('live') === 'on' });
});
refresh(); setInterval(refresh, 2000);`;

/** `GET /_emulator/phone`: a self-contained page to simulate calls and watch webhook deliveries; the pages can link to it. */
export function simulatorPage(): string {
  const lines = AIRCALL_NUMBERS.map((n) => `<option value="${n.e164}">${n.name} (${formatRawDigits(n.e164)})</option>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Phone system · Callbridge emulator</title><style>${STYLE}</style></head>
<body>
<h1>Embedded phone system (Aircall)</h1>
<form id="simulate">
  <label>Direction<select name="direction"><option value="inbound">Inbound</option><option value="outbound">Outbound</option></select></label>
  <label>Other party<input name="other" value="+14155550111" required></label>
  <label>Company line<select name="line">${lines}</select></label>
  <label>Duration (s)<input name="duration" type="number" min="0" value="185"></label>
  <label><span><input name="answered" type="checkbox" checked> Answered</span></label>
  <label><span><input name="live" type="checkbox"> Live (answer and hang up below)</span></label>
  <span></span>
  <button type="submit">Simulate call</button>
</form>
<div id="message" role="status"></div>
<h2>Webhooks</h2><table><thead><tr><th>Name</th><th>URL</th><th>Events</th><th>State</th></tr></thead><tbody id="webhooks"></tbody></table>
<h2>Calls</h2><table><thead><tr><th>Id</th><th>Direction</th><th>Number</th><th>Status</th><th>Started</th><th>Duration</th><th></th></tr></thead><tbody id="calls"></tbody></table>
<h2>Deliveries (latest 50)</h2><table><thead><tr><th>Call</th><th>Event</th><th>URL</th><th>Result</th><th>Attempts</th></tr></thead><tbody id="deliveries"></tbody></table>
<script type="module">${SCRIPT}</script>
</body></html>`;
}
