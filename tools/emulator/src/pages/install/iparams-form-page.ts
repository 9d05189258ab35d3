import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProductName } from '@callbridge/core';
import { clientScriptUrl } from '../../browser/client/boot';
import { html } from '../../http/router';
import { asText, markup, type Markup } from '../markup';
import { PRODUCT_CSS_URL } from '../rewrite-template';
import type { Site } from '../site';
import { readIparamsJson, type IparamField } from './iparams-json';

const INPUT_TYPES: Record<string, string> = { text: 'text', email: 'email', number: 'number', phone_number: 'tel', date: 'date', url: 'url', domain: 'text', api_key: 'password' };

const exists = (file: string) =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

function bindOf(field: IparamField): string | undefined {
  return field.dataBind ?? (field.type === 'domain' ? 'product.domain' : field.type === 'api_key' ? 'product.api_key' : undefined);
}

function control(field: IparamField, value: unknown, stored: boolean): Markup {
  const id = `iparam-${field.name}`;
  const text = asText(value);
  const common = { id, name: field.name };
  switch (field.type) {
    case 'paragraph':
      return markup`<textarea id="${common.id}" name="${common.name}" rows="4">${text}</textarea>`;
    case 'dropdown':
      return markup`<select id="${id}" name="${field.name}">${field.required ? null : markup`<option value=""></option>`}${field.options.map((o) => markup`<option value="${o}" ${o === text ? 'selected' : ''}>${o}</option>`)}</select>`;
    case 'multiselect': {
      const chosen = Array.isArray(value) ? value.map(String) : [];
      return markup`<select id="${id}" name="${field.name}" multiple>${field.options.map((o) => markup`<option value="${o}" ${chosen.includes(o) ? 'selected' : ''}>${o}</option>`)}</select>`;
    }
    case 'radio':
      return markup`<div role="radiogroup" id="${id}">${field.options.map((o) => markup`<label style="font-weight:400"><input type="radio" name="${field.name}" value="${o}" ${o === text ? 'checked' : ''}> ${o}</label>`)}</div>`;
    case 'checkbox':
      return markup`<input type="checkbox" id="${id}" name="${field.name}" ${value === true || value === 'true' ? 'checked' : ''}>`;
    default: {
      const type = field.secure ? 'password' : (INPUT_TYPES[field.type] ?? 'text');
      const placeholder = stored ? 'stored, leave blank to keep' : '';
      return markup`<input type="${type}" id="${id}" name="${field.name}" value="${stored ? '' : text}" placeholder="${placeholder}" ${bindOf(field) ? markup`data-bind="${bindOf(field)}"` : null} autocomplete="off">`;
    }
  }
}

function fieldMarkup(field: IparamField, value: unknown, stored: boolean): Markup {
  return markup`<div class="field" data-iparam="${field.name}" data-type="${field.type}"
      ${field.required && !stored ? 'data-required' : null} ${field.secure ? 'data-secure' : null} ${stored ? 'data-stored' : null}
      ${field.regex ? markup`data-regex="${field.regex.pattern}" data-regex-error="${field.regex.message}"` : null}
      ${field.onChange ? markup`data-change="${field.onChange}"` : null} ${field.visible ? null : 'hidden'}>
    <label for="iparam-${field.name}">${field.displayName}${field.required ? markup` <span class="required" title="required">*</span>` : null}</label>
    ${control(field, value, stored)}
    ${field.description ? markup`<div class="hint" data-hint-for="${field.name}">${field.description}</div>` : markup`<div class="hint" data-hint-for="${field.name}"></div>`}
    <div class="field-error" data-error-for="${field.name}" role="alert"></div>
  </div>`;
}

/**
 * `/_fdk/<product>/iparams-form`: the installation form the platform draws from `config/iparams.json`, loaded in the
 * installation page's iframe. Its script offers the same `getConfigs` / `validate` / `postConfigs` as an iparams.html.
 */
export async function iparamsFormPage(site: Site, product: ProductName): Promise<Response> {
  const { context } = site;
  const parsed = await readIparamsJson(context.appDir);
  const installation = context.installations.get(product);
  const account = context.store.account(product);
  const bound: Record<string, string> = { 'product.domain': account.domain, 'product.api_key': account.apiKey };
  const publicValues = context.installations.publicValues(product) ?? {};
  const hasCss = await exists(join(context.appDir, 'config/assets/iparams.css'));
  const hasJs = await exists(join(context.appDir, 'config/assets/iparams.js'));

  const fields = parsed.ok
    ? parsed.fields.map((field) => {
        const stored = installation?.secure.includes(field.name) === true && installation.values[field.name] !== undefined;
        const bind = bindOf(field);
        const value = installation ? publicValues[field.name] : (field.defaultValue ?? (bind ? bound[bind] : undefined));
        return fieldMarkup(field, value, stored);
      })
    : markup`<p class="field-error">${parsed.problem}</p>`;

  const page = markup`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="${PRODUCT_CSS_URL}"><link rel="stylesheet" href="/_fdk/emulator.css">
${hasCss ? markup`<link rel="stylesheet" href="/_config/${product}/assets/iparams.css">` : null}
<script src="${clientScriptUrl(product, true)}"></script>
</head><body style="background:#fff">
<div class="fs-widget-wrapper"><form class="stack" id="fdk-iparams-form" novalidate>${fields}</form></div>
<script src="/_fdk/iparams-form.js"></script>
${hasJs ? markup`<script src="/_config/${product}/assets/iparams.js"></script>` : null}
</body></html>`;
  return html(page.html);
}
