/**
 * The emulated product's look: Freshworks CRM's Bootstrap-3-based UI with its navy left navigation, white cards and
 * azure actions (the reference's UI style guide), drawn with plain CSS.
 */
export const PAGE_CSS = `
:root { --navy:#12344d; --ink:#12344d; --muted:#475867; --line:#cfd7df; --smoke:#ebeff3; --bg:#f5f7f9; --azure:#2c5cc5; --azure-dark:#1d48a9;
  --green:#00a886; --red:#d72d30; --amber:#e86f25; --font:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 var(--font); color:var(--ink); background:var(--bg); }
a { color:var(--azure); text-decoration:none; } a:hover { text-decoration:underline; }
.crm-shell { display:flex; min-height:100vh; }
.crm-leftnav { width:72px; background:var(--navy); display:flex; flex-direction:column; align-items:center; padding:12px 0; gap:6px; position:sticky; top:0; height:100vh; }
.crm-leftnav a, .crm-leftnav button { width:62px; height:44px; border-radius:6px; display:flex; align-items:center; justify-content:center; color:#fff;
  background:transparent; border:0; font:600 10.5px var(--font); cursor:pointer; text-align:center; overflow:hidden; }
.crm-leftnav a:hover, .crm-leftnav button:hover, .crm-leftnav .active { background:rgba(255,255,255,.14); text-decoration:none; }
.crm-leftnav img { width:20px; height:20px; }
.crm-leftnav .spacer { flex:1; }
.crm-body { flex:1; min-width:0; display:flex; flex-direction:column; }
.crm-topbar { height:56px; background:#fff; border-bottom:1px solid var(--line); display:flex; align-items:center; gap:16px; padding:0 24px; }
.crm-topbar .brand { font-weight:700; font-size:16px; }
.crm-topbar .brand small { font-weight:400; color:var(--muted); margin-left:6px; }
.crm-topbar .grow { flex:1; }
.product-switcher { display:flex; width:fit-content; border:1px solid var(--line); border-radius:4px; overflow:hidden; }
.product-switcher a { padding:6px 12px; color:var(--ink); font-size:13px; }
.product-switcher a.current { background:var(--azure); color:#fff; }
.product-switcher a.unused { color:#92a2b1; }
#crm-view { display:flex; gap:20px; padding:20px 24px; align-items:flex-start; }
#crm-main { flex:1; min-width:0; display:flex; flex-direction:column; gap:20px; }
#crm-integrations { width:360px; flex-shrink:0; }
.card { background:#fff; border:1px solid var(--line); border-radius:4px; }
.card > h2, .card > header { margin:0; padding:12px 16px; border-bottom:1px solid var(--line); font-size:15px; font-weight:600; display:flex; align-items:center; gap:8px; }
.card > .body { padding:12px 16px; }
.section-label { font-size:12px; font-weight:600; color:var(--muted); letter-spacing:.5px; text-transform:uppercase; margin:0 0 8px; }
table.records { width:100%; border-collapse:collapse; }
table.records th { text-align:left; font-size:12px; color:var(--muted); font-weight:600; padding:8px 16px; background:var(--smoke); }
table.records td { padding:8px 16px; border-top:1px solid var(--smoke); }
dl.fields { display:grid; grid-template-columns:180px 1fr; gap:6px 16px; margin:0; }
dl.fields dt { color:var(--muted); } dl.fields dd { margin:0; word-break:break-word; }
.record-title { display:flex; align-items:center; gap:12px; }
.record-title h1 { font-size:20px; margin:0; }
.avatar { width:40px; height:40px; border-radius:50%; background:var(--azure); color:#fff; display:flex; align-items:center; justify-content:center; font-weight:700; }
.pager { margin-left:auto; display:flex; gap:8px; font-size:13px; }
.muted { color:var(--muted); }
.btn { display:inline-flex; align-items:center; gap:6px; padding:6px 14px; border-radius:4px; border:1px solid var(--line); background:#fff; color:var(--ink);
  font:600 13px var(--font); cursor:pointer; }
.btn:hover { background:var(--smoke); text-decoration:none; }
.btn-primary { background:var(--azure); border-color:var(--azure); color:#fff; } .btn-primary:hover { background:var(--azure-dark); }
.btn-danger { color:var(--red); }
.fdk-panel { border:1px solid var(--line); border-radius:4px; background:#fff; margin-bottom:8px; }
.fdk-panel > button.fdk-panel-toggle { width:100%; display:flex; align-items:center; gap:10px; padding:10px 12px; background:#fff; border:0; cursor:pointer; font:600 14px var(--font); color:var(--ink); }
.fdk-panel > button.fdk-panel-toggle img { width:24px; height:24px; }
.fdk-panel > button.fdk-panel-toggle .chevron { margin-left:auto; transition:transform .15s; }
.fdk-panel[data-expanded="true"] > button.fdk-panel-toggle .chevron { transform:rotate(180deg); }
.fdk-panel-body { border-top:1px solid var(--line); }
.fdk-panel-body iframe, .fdk-full-page iframe, .cti-dock iframe { display:block; width:100%; border:0; }
.fdk-panel-body iframe { height:320px; }
.fdk-full-page iframe { height:calc(100vh - 140px); background:#fff; border:1px solid var(--line); border-radius:4px; }
.findings { border-color:var(--red); }
.findings h2 { color:var(--red); }
.findings li { margin:4px 0; } .findings code { font-size:12px; background:var(--smoke); padding:1px 4px; border-radius:3px; }
.findings .warning { color:var(--amber); }
.banner { margin:12px 24px 0; padding:10px 16px; border-radius:4px; background:#ffecf0; border:1px solid #ffd0d6; color:var(--red); }
.cti-dock { position:fixed; left:80px; bottom:16px; width:380px; background:#fff; border:1px solid var(--line); border-radius:6px;
  box-shadow:0 8px 24px rgba(18,52,77,.25); z-index:50; overflow:hidden; }
.cti-dock > header { display:flex; align-items:center; padding:8px 12px; border-bottom:1px solid var(--line); font-weight:600; gap:8px; }
.cti-dock > header button { margin-left:auto; border:0; background:none; font-size:18px; cursor:pointer; color:var(--muted); }
.cti-dock iframe { height:500px; }
.fdk-overlay { position:fixed; inset:0; background:rgba(18,52,77,.55); display:flex; align-items:flex-start; justify-content:center; padding-top:8vh; z-index:100; }
.fdk-dialog { background:#fff; border-radius:6px; width:min(720px, 92vw); box-shadow:0 12px 32px rgba(0,0,0,.3); display:flex; flex-direction:column; max-height:84vh; }
.fdk-dialog.small { width:min(480px, 92vw); }
.fdk-dialog > header { display:flex; align-items:center; padding:14px 20px; border-bottom:1px solid var(--line); font-size:16px; font-weight:600; }
.fdk-dialog > header button { margin-left:auto; border:0; background:none; font-size:20px; cursor:pointer; color:var(--muted); }
.fdk-dialog > .body { padding:16px 20px; overflow:auto; }
.fdk-dialog > footer { display:flex; justify-content:flex-end; gap:8px; padding:12px 20px; border-top:1px solid var(--line); }
.fdk-dialog iframe { width:100%; height:420px; border:0; display:block; }
.fdk-toasts { position:fixed; top:16px; right:16px; display:flex; flex-direction:column; gap:8px; z-index:200; }
.fdk-toast { min-width:280px; max-width:420px; padding:10px 14px; border-radius:4px; background:#fff; border-left:4px solid var(--azure); box-shadow:0 4px 12px rgba(0,0,0,.18); }
.fdk-toast.success { border-color:var(--green); } .fdk-toast.warning, .fdk-toast.alert { border-color:var(--amber); } .fdk-toast.danger { border-color:var(--red); }
.fdk-toast strong { display:block; }
form.stack { display:flex; flex-direction:column; gap:12px; }
.field label { display:block; font-weight:600; margin-bottom:4px; }
.field .required { color:var(--red); }
.field input[type=text], .field input[type=email], .field input[type=number], .field input[type=tel], .field input[type=url], .field input[type=date],
.field input[type=password], .field select, .field textarea { width:100%; padding:7px 10px; border:1px solid var(--line); border-radius:4px; font:14px var(--font); color:var(--ink); }
.field .hint { color:var(--muted); font-size:12px; margin-top:3px; }
.field .field-error { color:var(--red); font-size:12px; margin-top:3px; }
.field .field-error:empty { display:none; }
.field[hidden] { display:none; }
.install-frame { width:100%; min-height:360px; border:0; display:block; }
.status { padding:8px 12px; border-radius:4px; background:var(--smoke); }
.status.ok { background:#e0f5f1; color:#00795b; } .status.error { background:#ffecf0; color:var(--red); }
.errors-list { color:var(--red); margin:8px 0 0; }
.empty { padding:16px; color:var(--muted); }
`;

/**
 * A stand-in for the product stylesheet apps link (`https://static.freshdev.io/fdk/2.0/assets/freshworks_crm.css`):
 * the wrapper, divider, list and Bootstrap-like classes the style guide names.
 */
export const PRODUCT_CSS = `
body { margin:0; font:13px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:#12344d; background:#fff; }
.fs-widget-wrapper { padding:10px 12px; }
.fw-divider { border-top:1px solid #ebeff3; margin:10px 0; }
.fw-content-list > div { margin-bottom:4px; }
.muted { color:#475867; }
a { color:#2c5cc5; text-decoration:none; } a:hover { text-decoration:underline; }
label { font-weight:600; display:block; margin-bottom:4px; }
.btn { display:inline-block; padding:5px 12px; border:1px solid #cfd7df; border-radius:4px; background:#fff; color:#12344d; font-weight:600; cursor:pointer; }
.btn-primary { background:#2c5cc5; border-color:#2c5cc5; color:#fff; }
.btn-danger { color:#d72d30; }
.form-control { width:100%; box-sizing:border-box; padding:6px 10px; border:1px solid #cfd7df; border-radius:4px; font:inherit; }
.form-group { margin-bottom:10px; }
.text-danger { color:#d72d30; } .text-success { color:#00a886; }
`;
