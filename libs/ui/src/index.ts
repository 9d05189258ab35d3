// Components register through their own entry (`@callbridge/ui/dial-pad`), so a placeholder bundles only those it uses.
export type { CbCallList, CallListItem } from './call-list/call-list.component';
export type { CbCreateContactForm } from './create-contact-form/create-contact-form.component';
export type { CbDialPad } from './dial-pad/dial-pad.component';
export type { CbLogCallForm, LogTarget } from './log-call-form/log-call-form.component';
export type { CbPhoneNumbers, PhoneEntry } from './phone-numbers/phone-numbers.component';
export { emit } from './events';
export type { CbEventMap, CreateContactValues, LogCallValues } from './events';
export { formatDuration, formatTime } from './format';
export { parseDuration } from './forms/duration';
export { addStrings, currentLocale, setLanguage, t } from './i18n/t';
export type { Catalogue, MessageKey } from './i18n/catalogue';
export { common as commonStrings } from './i18n/en/common';
export { forms as formStrings } from './i18n/en/forms';
export { panel as panelStrings } from './i18n/en/panel';
export { phone as phoneStrings } from './i18n/en/phone';
export { errorView, loadingView } from './states';
export { theme } from './theme.styles';
