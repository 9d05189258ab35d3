/** Strings every surface shows. */
export const common = {
  loading: 'Loading…',
  retry: 'Retry',
  cancel: 'Cancel',
  call: 'Call',
  'error.start': 'Callbridge could not start: {reason}',
  'error.settings': 'An admin must check the CRM API key and the Aircall credentials in the app settings.',
  'error.timeout': 'The server did not answer in time. Try again.',
  'error.busy': 'Too many requests. Wait a minute, then try again.',
  'error.server': 'The server had a problem. Try again.',
  'direction.inbound': 'Incoming',
  'direction.outbound': 'Outgoing',
  'type.contact': 'Contact',
  'type.lead': 'Lead',
  'log.title': 'Log a call',
  'log.saved': 'Call logged.',
  'form.loadFailed': 'The form did not load. Check the connection, then try again.',
} as const;
