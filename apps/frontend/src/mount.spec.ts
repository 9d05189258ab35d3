import { describe, expect, it } from 'vitest';
import { mountCallList } from './mount';

describe('mountCallList', () => {
  it('replaces the template body with the call list', async () => {
    document.body.innerHTML = '<p>loading</p>';
    const list = mountCallList(document, [
      { id: '1', direction: 'outbound', outcome: 'Connected', durationSeconds: 30, startedAt: '2026-11-01T10:00:00Z' },
    ]);
    await (list as HTMLElementTagNameMap['cb-call-list']).updateComplete;
    expect(document.body.children).toHaveLength(1);
    expect(list.shadowRoot?.querySelectorAll('li')).toHaveLength(1);
  });
});
