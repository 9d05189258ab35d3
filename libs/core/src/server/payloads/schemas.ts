import { z } from 'zod';
import type { EventName } from '../../platform/events';
import { appointmentSchema, emailConversationSchema, phoneCallAssociationsSchema, phoneCallSchema, salesActivitySchema, taskSchema } from './activities';
import { cpqDocumentSchema, customModuleRecordSchema, productSchema, userAgentAvailabilitySchema } from './catalog';
import { changesSchema } from './changes';
import { actorSchema, bareEnvelope, envelope } from './envelope';
import { recordEventData, requireChanges } from './event-data';
import { contactSchema, dealAssociationsSchema, dealSchema, leadSchema, salesAccountSchema } from './records';

const contactData = recordEventData('contact', contactSchema);
const leadData = recordEventData('lead', leadSchema);
const dealData = recordEventData('deal', dealSchema, dealAssociationsSchema);
const salesAccountData = recordEventData('sales_account', salesAccountSchema);
const appointmentData = recordEventData('appointment', appointmentSchema);
const taskData = recordEventData('task', taskSchema);
const phoneCallData = recordEventData('phone_call', phoneCallSchema, phoneCallAssociationsSchema);
const salesActivityData = recordEventData('sales_activity', salesActivitySchema);
const productData = recordEventData('product', productSchema);
const cpqDocumentData = recordEventData('cpq_document', cpqDocumentSchema);
const emailConversationData = recordEventData('email_conversation', emailConversationSchema);

const customModuleData = z
  .looseObject({
    actor: actorSchema.optional(),
    custom_module_record: customModuleRecordSchema.optional(),
    custom_module: customModuleRecordSchema.optional(),
    associations: z.looseObject({}).optional(),
    changes: changesSchema.optional(),
  })
  .superRefine((data, ctx) => {
    if (data.custom_module_record || data.custom_module) return;
    ctx.addIssue({
      code: 'custom',
      path: ['custom_module_record'],
      message: 'expected the record: data.custom_module_record (Freshworks CRM) or data.custom_module (Freshsales), received neither',
    });
  });

const userAgentAvailabilityData = z.looseObject({
  actor: actorSchema.optional(),
  user_agent_availability: userAgentAvailabilitySchema,
  associations: z.looseObject({}).optional(),
  /** Per channel `{changed: [[old, new], ...]}`, not model_changes. */
  changes: z.record(z.string(), z.unknown()).optional(),
});

/** The raw request body, as the platform parsed it (JSON, or form fields), or its text (XML). */
const externalBody = z.unknown().refine((v) => v !== undefined, { message: 'expected the request body, received undefined' });

/** Every serverless event's payload, by event name; `parsePayload` picks from here. */
export const PAYLOAD_SCHEMAS = {
  onAppInstall: bareEnvelope('onAppInstall'),
  afterAppUpdate: bareEnvelope('afterAppUpdate'),
  onAppUninstall: bareEnvelope('onAppUninstall'),
  onExternalEvent: envelope('onExternalEvent', externalBody).extend({
    headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  }),
  /** `data` is what the app passed to `$schedule.create`. */
  onScheduledEvent: envelope('onScheduledEvent', z.record(z.string(), z.unknown())),

  onContactCreate: envelope('onContactCreate', contactData),
  onContactUpdate: envelope('onContactUpdate', requireChanges(contactData, 'contact')),
  onLeadCreate: envelope('onLeadCreate', leadData),
  onLeadUpdate: envelope('onLeadUpdate', requireChanges(leadData, 'lead')),
  onLeadDelete: envelope('onLeadDelete', leadData),
  onDealCreate: envelope('onDealCreate', dealData),
  onDealUpdate: envelope('onDealUpdate', requireChanges(dealData, 'deal')),
  onSalesAccountCreate: envelope('onSalesAccountCreate', salesAccountData),
  onSalesAccountUpdate: envelope('onSalesAccountUpdate', requireChanges(salesAccountData, 'sales_account')),
  onAppointmentCreate: envelope('onAppointmentCreate', appointmentData),
  onAppointmentUpdate: envelope('onAppointmentUpdate', requireChanges(appointmentData, 'appointment')),
  onTaskCreate: envelope('onTaskCreate', taskData),
  onTaskUpdate: envelope('onTaskUpdate', requireChanges(taskData, 'task')),
  onPhoneCallCreate: envelope('onPhoneCallCreate', phoneCallData),
  onPhoneCallUpdate: envelope('onPhoneCallUpdate', requireChanges(phoneCallData, 'phone_call')),
  onSalesActivityCreate: envelope('onSalesActivityCreate', salesActivityData),
  onSalesActivityUpdate: envelope('onSalesActivityUpdate', requireChanges(salesActivityData, 'sales_activity')),
  onProductCreate: envelope('onProductCreate', productData),
  onProductUpdate: envelope('onProductUpdate', requireChanges(productData, 'product')),
  onCpqDocumentCreate: envelope('onCpqDocumentCreate', cpqDocumentData),
  onCpqDocumentUpdate: envelope('onCpqDocumentUpdate', requireChanges(cpqDocumentData, 'cpq_document')),
  onCpqDocumentDelete: envelope('onCpqDocumentDelete', cpqDocumentData),
  onCustomModuleCreate: envelope('onCustomModuleCreate', customModuleData),
  onCustomModuleUpdate: envelope('onCustomModuleUpdate', requireChanges(customModuleData, 'custom_module')),
  onEmailConversationCreate: envelope('onEmailConversationCreate', emailConversationData),
  onEmailConversationUpdate: envelope('onEmailConversationUpdate', requireChanges(emailConversationData, 'email_conversation')),
  onEmailConversationDelete: envelope('onEmailConversationDelete', emailConversationData),
  onUserAgentAvailabilityUpdate: envelope('onUserAgentAvailabilityUpdate', userAgentAvailabilityData),
} as const satisfies Record<EventName, z.ZodType>;

export type PayloadSchemas = typeof PAYLOAD_SCHEMAS;

/** The parsed payload of one event. */
export type EventPayload<E extends EventName> = z.output<PayloadSchemas[E]>;

/** Where each record event keeps its record in `data`. */
export const EVENT_RECORD_KEY = {
  onContactCreate: 'contact',
  onContactUpdate: 'contact',
  onLeadCreate: 'lead',
  onLeadUpdate: 'lead',
  onLeadDelete: 'lead',
  onDealCreate: 'deal',
  onDealUpdate: 'deal',
  onSalesAccountCreate: 'sales_account',
  onSalesAccountUpdate: 'sales_account',
  onAppointmentCreate: 'appointment',
  onAppointmentUpdate: 'appointment',
  onTaskCreate: 'task',
  onTaskUpdate: 'task',
  onPhoneCallCreate: 'phone_call',
  onPhoneCallUpdate: 'phone_call',
  onSalesActivityCreate: 'sales_activity',
  onSalesActivityUpdate: 'sales_activity',
  onProductCreate: 'product',
  onProductUpdate: 'product',
  onCpqDocumentCreate: 'cpq_document',
  onCpqDocumentUpdate: 'cpq_document',
  onCpqDocumentDelete: 'cpq_document',
  onCustomModuleCreate: 'custom_module_record',
  onCustomModuleUpdate: 'custom_module_record',
  onEmailConversationCreate: 'email_conversation',
  onEmailConversationUpdate: 'email_conversation',
  onEmailConversationDelete: 'email_conversation',
  onUserAgentAvailabilityUpdate: 'user_agent_availability',
} as const satisfies Partial<Record<EventName, string>>;

export type RecordEventName = keyof typeof EVENT_RECORD_KEY;
