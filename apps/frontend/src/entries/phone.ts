import { mount } from '../mount';
import '../phone/phone-app';

void mount('cb-phone-app', (phone, { host }) => {
  phone.host = host;
  phone.onIncoming = (listener) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    void import('../phone/incoming-calls')
      .then(({ listenForCalls }) => listenForCalls(host, listener))
      .then(
        (stopListening) => {
          if (stopped) stopListening();
          else stop = stopListening;
        },
        // Without instance messaging the phone app still hears of calls by polling the server.
        () => undefined,
      );
    return () => {
      stopped = true;
      stop?.();
    };
  };
});
