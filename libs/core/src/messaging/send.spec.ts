import { describe, expect, it, vi } from 'vitest';
import { createFakePlatform } from '../testing/fake-client';
import { sendMessage } from './send';

describe('sendMessage', () => {
  it('turns a send that throws, rejects or returns nothing into one promise', async () => {
    const platform = createFakePlatform();
    const client = platform.client();
    const other = platform.client({ location: 'left_nav_cti' });
    const to = [platform.instanceIdOf(other)];

    await expect(sendMessage(client, { hello: 1 }, to)).resolves.toBeUndefined();

    vi.spyOn(client.instance, 'send').mockReturnValueOnce(undefined);
    await expect(sendMessage(client, 1, to)).resolves.toBeUndefined();

    vi.spyOn(client.instance, 'send').mockImplementationOnce(() => {
      throw new TypeError('postMessage failed');
    });
    await expect(sendMessage(client, 1, to)).rejects.toMatchObject({
      code: 'send-failed',
      message: `Could not send a message to instance ${to[0]}: postMessage failed`,
    });

    await expect(sendMessage(client, 1)).rejects.toMatchObject({
      code: 'send-failed',
      message: expect.stringContaining('Could not send a message to the parent instance: 400') as unknown,
    });
  });
});
