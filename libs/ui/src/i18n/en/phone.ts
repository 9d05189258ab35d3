/** The phone app. */
export const phone = {
  open: 'Open',
  'create.title': 'Create contact',
  'phone.number': 'Phone number',
  'phone.keypad': 'Dial pad',
  'phone.backspace': 'Delete last digit',
  'phone.find': 'Find caller',
  'phone.incoming': 'Call from {phone}',
  'phone.outgoing': 'Call to {phone}',
  'phone.searching': 'Looking up {phone}…',
  'phone.openLabel': 'Open {name}',
  'phone.noMatch': 'No contact or lead has this number.',
  'phone.needRecord': 'Create a contact for this number to log the call.',
  'phone.create': 'Create placeholder contact',
  'phone.end': 'Call ended: log it',
  'phone.back': 'Back to dial pad',
} as const;
