import type { ParamDef } from '../types.js';

/** Parameters shared by several metrics, named as metrics.md names them. */
export const repeatWindow: ParamDef = {
  name: 'repeatWindow',
  kind: 'duration',
  default: '7d',
  description: 'a contact within this time of the previous one continues the episode',
};
export const answerWithin: ParamDef = {
  name: 'answerWithin',
  kind: 'seconds',
  default: 20,
  description: 'answered within this many seconds counts as in time',
};
export const shortAbandon: ParamDef = {
  name: 'shortAbandon',
  kind: 'seconds',
  default: 5,
  description: 'abandons within this many seconds are left out',
};
export const retentionWindow: ParamDef = {
  name: 'window',
  kind: 'duration',
  default: '90d',
  description: 'a customer retained this long after the first contact counts as retained',
};
export const coachingMode: ParamDef = {
  name: 'mode',
  kind: 'enum',
  default: 'any',
  values: ['any', 'video', 'in_person', 'async'],
  description: 'the session mode that counts',
};
export const coachingCadence: ParamDef = {
  name: 'cadence',
  kind: 'duration',
  default: '14d',
  description: 'length of the consecutive windows each agent should be coached in',
};
export const backfillDays: ParamDef = {
  name: 'days',
  kind: 'days',
  default: 21,
  description: 'a critical vacancy filled within this many days meets the SLA',
};
export const mfaRequired: ParamDef = {
  name: 'mfaRequired',
  kind: 'bool',
  default: true,
  description: 'a login must use MFA',
};
export const compliantDeviceRequired: ParamDef = {
  name: 'compliantDeviceRequired',
  kind: 'bool',
  default: true,
  description: 'a login must come from a compliant device',
};
export const allowedCountries: ParamDef = {
  name: 'allowedCountries',
  kind: 'countries',
  default: [],
  description: 'countries logins may come from (empty: any)',
};
export const incidentLimits: ParamDef = {
  name: 'limits',
  kind: 'limits',
  default: {
    sev1: { acknowledgeWithin: '15m', resolveWithin: '4h' },
    sev2: { acknowledgeWithin: '1h', resolveWithin: '24h' },
  },
  description: 'per severity, the time to acknowledge and to resolve',
};
