import { PRODUCTS, secureIparamNames, toIparamsJson, type AppDefinition, type PlatformVersion } from '@callbridge/core';
import { clientScriptSrc } from './template';

/**
 * `config/iparams.html` for apps whose fields differ per product (the platform's iparams.json cannot branch): the
 * page picks the product's fields from `client.context.productContext.name` and implements the platform's
 * getConfigs/postConfigs/validate contract, marking secure values in `__meta.secure`.
 */
export function renderInstallationPage(app: AppDefinition, platformVersion: PlatformVersion): string {
  const fields = Object.fromEntries(PRODUCTS.filter((p) => app.products.includes(p)).map((p) => [p, toIparamsJson(app.iparams, p)]));
  const data = JSON.stringify({ fields, secure: secureIparamNames(app.iparams) }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${app.name} settings</title>
<script src="${clientScriptSrc(platformVersion)}"></script>
<style>
  body { font: 14px/1.43 -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: #12344d; margin: 16px; }
  .field { margin-bottom: 16px; }
  label { display: block; font-weight: 600; margin-bottom: 4px; }
  .required::after { content: ' *'; color: #d72d30; }
  .hint { color: #475867; font-size: 12px; }
  .error { color: #d72d30; font-size: 12px; min-height: 1em; }
  input[type=text], input[type=email], input[type=url], input[type=tel], input[type=date], input[type=number], textarea, select {
    box-sizing: border-box; width: 100%; max-width: 480px; padding: 6px 8px; border: 1px solid #cfd7df; border-radius: 4px; font: inherit; }
</style>
</head>
<body>
<form id="settings" novalidate></form>
<script id="iparams-definition" type="application/json">${data}</script>
<script>
(function () {
  var definition = JSON.parse(document.getElementById('iparams-definition').textContent);
  var form = document.getElementById('settings');
  var fields = {};
  var INPUT_TYPES = { text: 'text', email: 'email', url: 'url', phone_number: 'tel', date: 'date', number: 'number' };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function control(name, field) {
    var id = 'iparam-' + name;
    if (field.type === 'paragraph') return el('textarea', { id: id, name: name });
    if (field.type === 'dropdown' || field.type === 'multiselect') {
      var select = el('select', { id: id, name: name });
      if (field.type === 'multiselect') select.multiple = true;
      (field.options || []).forEach(function (o) { select.appendChild(el('option', { value: o }, o)); });
      return select;
    }
    if (field.type === 'radio') {
      var group = el('div', { id: id, role: 'radiogroup' });
      (field.options || []).forEach(function (o) {
        var label = el('label', {});
        label.appendChild(el('input', { type: 'radio', name: name, value: o }));
        label.appendChild(document.createTextNode(' ' + o));
        group.appendChild(label);
      });
      return group;
    }
    if (field.type === 'checkbox') return el('input', { id: id, name: name, type: 'checkbox' });
    var input = el('input', { id: id, name: name, type: INPUT_TYPES[field.type] || 'text' });
    if (field['data-bind']) input.setAttribute('data-bind', field['data-bind']);
    return input;
  }

  function render(product) {
    var defs = definition.fields[product] || {};
    form.replaceChildren();
    fields = {};
    Object.keys(defs).forEach(function (name) {
      var field = defs[name];
      var wrap = el('div', { class: 'field' });
      if (field.visible === false) wrap.hidden = true;
      var label = el('label', { for: 'iparam-' + name, class: field.required ? 'required' : '' }, field.display_name);
      var input = control(name, field);
      var error = el('div', { class: 'error', id: 'iparam-' + name + '-error', role: 'alert' });
      wrap.appendChild(label);
      wrap.appendChild(input);
      if (field.description) wrap.appendChild(el('div', { class: 'hint' }, field.description));
      wrap.appendChild(error);
      form.appendChild(wrap);
      fields[name] = { def: field, input: input, error: error };
      setValue(name, field.default_value);
      (field.events || []).forEach(function (e) {
        if (e.change && typeof window[e.change] === 'function') input.addEventListener('change', window[e.change]);
      });
    });
  }

  function setValue(name, value) {
    var f = fields[name];
    if (!f || value === undefined || value === null) return;
    if (f.def.type === 'checkbox') f.input.checked = value === true || value === 'true';
    else if (f.def.type === 'radio') f.input.querySelectorAll('input').forEach(function (r) { r.checked = r.value === value; });
    else if (f.def.type === 'multiselect') Array.prototype.forEach.call(f.input.options, function (o) { o.selected = value.indexOf(o.value) >= 0; });
    else f.input.value = String(value);
  }

  function getValue(name) {
    var f = fields[name];
    if (f.def.type === 'checkbox') return f.input.checked;
    if (f.def.type === 'radio') { var r = f.input.querySelector('input:checked'); return r ? r.value : ''; }
    if (f.def.type === 'multiselect') return Array.prototype.filter.call(f.input.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    if (f.def.type === 'number') return f.input.value === '' ? '' : Number(f.input.value);
    return f.input.value.trim();
  }

  function problem(name) {
    var def = fields[name].def;
    var value = getValue(name);
    var empty = value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) return def.required ? def.display_name + ' is required' : '';
    if (def.type === 'number' && !isFinite(value)) return def.display_name + ' must be a number';
    if (def.type === 'email' && !/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(value)) return def.display_name + ' must be an email address';
    if (def.type === 'url' && !/^https?:\\/\\/\\S+$/.test(value)) return def.display_name + ' must be a URL';
    var regex = def.regex || {};
    var rule = Object.keys(regex).filter(function (k) { return !/-error$/.test(k); })[0];
    if (rule && typeof value === 'string' && !new RegExp(regex[rule]).test(value)) return regex[rule + '-error'] || def.display_name + ' is not valid';
    return '';
  }

  window.getConfigs = function (configs) {
    Object.keys(configs || {}).forEach(function (name) { if (name !== '__meta') setValue(name, configs[name]); });
  };
  window.validate = function () {
    var ok = true;
    Object.keys(fields).forEach(function (name) {
      var message = problem(name);
      fields[name].error.textContent = message;
      fields[name].input.setAttribute('aria-invalid', message ? 'true' : 'false');
      if (message) ok = false;
    });
    return ok;
  };
  window.postConfigs = function () {
    var values = {};
    Object.keys(fields).forEach(function (name) { values[name] = getValue(name); });
    values.__meta = { secure: definition.secure.filter(function (n) { return n in fields; }) };
    return values;
  };

  var products = Object.keys(definition.fields);
  render(products[0]);
  if (window.app && typeof window.app.initialized === 'function') {
    window.app.initialized().then(function (client) {
      var product = client.context && client.context.productContext && client.context.productContext.name;
      var values = window.postConfigs();
      if (product && definition.fields[product]) { render(product); window.getConfigs(values); }
    });
  }
})();
</script>
</body>
</html>
`;
}
