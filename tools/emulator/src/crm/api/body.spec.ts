import { describe, expect, it } from 'vitest';
import { fromForm, readBody } from './body';
import { read, type CrmErrorBody } from './spec-helpers';

const post = (body: BodyInit, contentType?: string) =>
  new Request('https://acme.myfreshworks.com/crm/sales/api/contacts', { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });

describe('readBody', () => {
  it('unwraps the resource key, and accepts a bare body too', async () => {
    const wrapped = await readBody(post('{"contact": {"first_name": "A"}}'), 'contact');
    const bare = await readBody(post('{"first_name": "B"}'), 'contact');
    expect(wrapped.ok && wrapped.fields).toEqual({ first_name: 'A' });
    expect(bare.ok && bare.fields).toEqual({ first_name: 'B' });
    expect(await readBody(post(''), 'contact')).toEqual({ ok: true, outer: {}, fields: {} });
  });

  it('answers 400 for a body that is not JSON or not an object', async () => {
    for (const text of ['{oops', '[1, 2]', '"text"']) {
      const result = await readBody(post(text), 'contact');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.response.status).toBe(400);
        expect((await read<CrmErrorBody>(result.response)).errors.code).toBe(400);
      }
    }
  });

  it('reads form bodies with bracket keys', async () => {
    const form = new FormData();
    form.set('phone_call[call_direction]', 'true');
    form.set('phone_call[targetable][id]', '101');
    const result = await readBody(post(form), 'phone_call');
    expect(result.ok && result.fields).toEqual({ call_direction: 'true', targetable: { id: '101' } });
    const encoded = await readBody(post('note[description]=hi', 'application/x-www-form-urlencoded'), 'note');
    expect(encoded.ok && encoded.fields).toEqual({ description: 'hi' });
  });
});

describe('fromForm', () => {
  it('builds nested objects and lists, and skips files', () => {
    const form = new FormData();
    form.append('tags[]', 'a');
    form.append('tags[]', 'b');
    form.append('a[b][c]', '1');
    form.append('plain', 'x');
    form.append('recording', new Blob(['audio']), 'call.mp3');
    expect(fromForm(form)).toEqual({ tags: ['a', 'b'], a: { b: { c: '1' } }, plain: 'x' });
  });
});
