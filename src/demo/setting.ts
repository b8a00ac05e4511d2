/**
 * The demo's setting (demo-scenario.md): the parties, their sites and languages, the
 * workflows and channels. What happens to them in 2026 is in story.ts.
 */

export type VendorId = 'brightpath' | 'coastline' | 'in_house';
export const VENDORS: readonly VendorId[] = ['brightpath', 'coastline', 'in_house'];

export interface SiteDef {
  readonly site: string;
  /** Short prefix of the site's staff ids. */
  readonly code: string;
  readonly vendor: VendorId;
  readonly timezone: string;
  readonly country: string;
  /** Share of all contacts routed to the site (vendor split 45 / 35 / 20). */
  readonly share: number;
  /** Contact languages (BCP 47) and their shares. */
  readonly languages: Readonly<Record<string, number>>;
  /** Channel mix: voice, chat, email, messaging. */
  readonly channels: readonly [number, number, number, number];
}

export const SITES: readonly SiteDef[] = [
  {
    site: 'lisbon',
    code: 'lis',
    vendor: 'brightpath',
    timezone: 'Europe/Lisbon',
    country: 'PT',
    share: 0.245,
    languages: { 'pt-PT': 0.55, es: 0.25, en: 0.2 },
    channels: [0.26, 0.33, 0.16, 0.25],
  },
  {
    site: 'manila',
    code: 'mnl',
    vendor: 'brightpath',
    timezone: 'Asia/Manila',
    country: 'PH',
    share: 0.205,
    languages: { en: 1 },
    channels: [0.3, 0.34, 0.14, 0.22],
  },
  {
    site: 'capetown',
    code: 'cpt',
    vendor: 'coastline',
    timezone: 'Africa/Johannesburg',
    country: 'ZA',
    share: 0.17,
    languages: { en: 0.75, de: 0.25 },
    channels: [0.32, 0.3, 0.16, 0.22],
  },
  {
    site: 'krakow',
    code: 'krk',
    vendor: 'coastline',
    timezone: 'Europe/Warsaw',
    country: 'PL',
    share: 0.18,
    languages: { pl: 0.5, de: 0.3, en: 0.2 },
    channels: [0.28, 0.32, 0.17, 0.23],
  },
  {
    site: 'dublin',
    code: 'dub',
    vendor: 'in_house',
    timezone: 'Europe/Dublin',
    country: 'IE',
    share: 0.2,
    languages: { en: 0.8, fr: 0.2 },
    channels: [0.3, 0.3, 0.18, 0.22],
  },
];

export const CHANNELS = ['voice', 'chat', 'email', 'messaging'] as const;
export const EMAIL = 2;
export const MESSAGING = 3;

export interface WorkflowDef {
  readonly id: string;
  /** Simple requests: the chatbot answers them from the launch on. */
  readonly simple: boolean;
  /** Onboarding contacts come from new customers and drive retention. */
  readonly onboarding: boolean;
  /** Share of new episodes (simple about 43% of episodes, ~40% of contacts after repeats). */
  readonly share: number;
  readonly handleSeconds: number;
  readonly offerRate: number;
  /** Share of contacts without a customer id. */
  readonly anonymous: number;
}

type Kind = 'complex' | 'onboarding' | 'simple';
const wf = (
  id: string,
  kind: Kind,
  share: number,
  handleSeconds: number,
  offerRate: number,
  anonymous: number,
) =>
  ({
    id,
    simple: kind === 'simple',
    onboarding: kind === 'onboarding',
    share,
    handleSeconds,
    offerRate,
    anonymous,
  }) as const;

export const WORKFLOWS: readonly WorkflowDef[] = [
  wf('card_dispute', 'complex', 0.135, 540, 0.02, 0.01),
  wf('chargeback', 'complex', 0.07, 600, 0.01, 0.01),
  wf('account_onboarding', 'onboarding', 0.08, 720, 0.12, 0),
  wf('kyc_review', 'onboarding', 0.065, 660, 0.02, 0),
  wf('payment_issue', 'complex', 0.14, 480, 0.05, 0.01),
  wf('fraud_alert', 'complex', 0.08, 600, 0, 0.01),
  wf('password_reset', 'simple', 0.2, 240, 0, 0.05),
  wf('general_inquiry', 'simple', 0.23, 300, 0.1, 0.15),
];

/** Per channel: handle-time factor, survey answer rate, mean wait (s), mean patience (s). */
export const CHANNEL_PARAMS = {
  handleFactor: [1, 1.25, 0.7, 1.1],
  surveyRate: [0.2, 0.3, 0.18, 0.28],
  waitMean: [30, 22, 0, 45],
  answeredAtOnce: [0.6, 0.65, 0, 0.55],
  patienceMean: [400, 450, 0, 1200],
} as const;
