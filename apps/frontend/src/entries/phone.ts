import { mount } from '../mount';
import '../phone/phone-app';
import { phoneMessages } from '@callbridge/contracts';

void mount('cb-phone-app', (phone, { host }) => {
  phone.host = host;
  const messenger = host.messenger(phoneMessages);
  phone.onIncoming = (listener) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    void messenger.then((m) => {
      if (!stopped) stop = m.onBroadcast('call.incoming', listener);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  };
});
