import { createMessenger } from '@callbridge/core';
import { mount } from '../mount';
import '../phone/phone-app';
import { phoneMessages } from '../phone/phone-messages';

void mount('cb-phone-app', (phone, { host, client }) => {
  phone.host = host;
  const messenger = createMessenger(client, phoneMessages);
  phone.onIncoming = (listener) => messenger.onBroadcast('call.incoming', listener);
});
