import { mount } from '../mount';
import '../phone/phone-app';
import { phoneMessages } from '@callbridge/contracts';

void mount('cb-phone-app', (phone, { host }) => {
  phone.host = host;
  const messenger = host.messenger(phoneMessages);
  phone.onIncoming = (listener) => messenger.onBroadcast('call.incoming', listener);
});
