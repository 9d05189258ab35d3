import type { Area } from './context';
import { crmApiArea } from './crm/api-area';
import { pagesArea } from './pages/area';
import { phoneArea } from './phone/area';
import { serverlessArea } from './serverless/area';

/** Every area of the emulator, in the order they register. Serverless first: it sets the installation hooks. */
export const AREAS: readonly Area[] = [serverlessArea, crmApiArea, phoneArea, pagesArea];
