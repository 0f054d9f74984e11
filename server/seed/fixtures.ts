/** The fixed part of the demo data: who works where, and what they send from. */
export const TENANT = {
  id: 'tn_northwind',
  name: 'Northwind Trading',
  undoWindowSeconds: 5,
  timeZone: 'Europe/London',
};

export const SPACES = [
  { id: 'sp_retail', name: 'Retail Customer Care', position: 0 },
  { id: 'sp_wholesale', name: 'Wholesale Partners', position: 1 },
] as const;

export const TEAMS = [
  { id: 'tm_sales', spaceId: 'sp_retail', name: 'Sales' },
  { id: 'tm_support', spaceId: 'sp_retail', name: 'Support' },
  { id: 'tm_billing', spaceId: 'sp_retail', name: 'Billing' },
  { id: 'tm_partners', spaceId: 'sp_wholesale', name: 'Partner Success' },
  { id: 'tm_logistics', spaceId: 'sp_wholesale', name: 'Logistics' },
] as const;

export interface SeedUser {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'agent';
  tenantOwner: boolean;
  noteAccess: boolean;
  token: string;
  color: string;
  spaceIds: string[];
  teamIds: string[];
}

export const USERS: readonly SeedUser[] = [
  {
    id: 'usr_olivia',
    name: 'Olivia Bennett',
    email: 'olivia@northwind.example',
    role: 'admin',
    tenantOwner: true,
    noteAccess: true,
    token: 'demo-admin-token',
    color: '#7c3aed',
    spaceIds: ['sp_retail', 'sp_wholesale'],
    teamIds: ['tm_support'],
  },
  {
    id: 'usr_marco',
    name: 'Marco Rossi',
    email: 'marco@northwind.example',
    role: 'manager',
    tenantOwner: false,
    noteAccess: true,
    token: 'demo-manager-token',
    color: '#0891b2',
    spaceIds: ['sp_retail'],
    teamIds: ['tm_sales', 'tm_support'],
  },
  {
    id: 'usr_aiko',
    name: 'Aiko Tanaka',
    email: 'aiko@northwind.example',
    role: 'agent',
    tenantOwner: false,
    noteAccess: true,
    token: 'demo-agent-token',
    color: '#db2777',
    spaceIds: ['sp_retail'],
    teamIds: ['tm_support'],
  },
  {
    id: 'usr_samir',
    name: 'Samir Haddad',
    email: 'samir@northwind.example',
    role: 'agent',
    tenantOwner: false,
    noteAccess: false,
    token: 'demo-agent-nonotes-token',
    color: '#ea580c',
    spaceIds: ['sp_retail'],
    teamIds: ['tm_sales'],
  },
  {
    id: 'usr_lena',
    name: 'Lena Petrova',
    email: 'lena@northwind.example',
    role: 'agent',
    tenantOwner: false,
    noteAccess: true,
    token: 'demo-agent-twospaces-token',
    color: '#16a34a',
    spaceIds: ['sp_retail', 'sp_wholesale'],
    teamIds: ['tm_billing', 'tm_partners'],
  },
  {
    id: 'usr_joao',
    name: 'João Silva',
    email: 'joao@northwind.example',
    role: 'agent',
    tenantOwner: false,
    noteAccess: true,
    token: 'demo-agent2-token',
    color: '#2563eb',
    spaceIds: ['sp_retail'],
    teamIds: ['tm_sales', 'tm_billing'],
  },
];

export const SENDER_PROFILES = [
  {
    id: 'spf_care_sms',
    spaceId: 'sp_retail',
    name: 'Northwind Care (SMS)',
    channel: 'sms',
    teamIds: [] as string[],
    defaultCountry: 'GB',
  },
  {
    id: 'spf_billing_sms',
    spaceId: 'sp_retail',
    name: 'Northwind Billing (SMS)',
    channel: 'sms',
    teamIds: ['tm_billing'],
    defaultCountry: 'GB',
  },
  {
    id: 'spf_care_wa',
    spaceId: 'sp_retail',
    name: 'Northwind WhatsApp',
    channel: 'whatsapp',
    teamIds: [] as string[],
    defaultCountry: 'GB',
  },
  {
    id: 'spf_care_tg',
    spaceId: 'sp_retail',
    name: 'Northwind Telegram Bot',
    channel: 'telegram',
    teamIds: ['tm_support', 'tm_sales'],
    defaultCountry: 'GB',
  },
  {
    id: 'spf_wh_wa',
    spaceId: 'sp_wholesale',
    name: 'Wholesale WhatsApp',
    channel: 'whatsapp',
    teamIds: [] as string[],
    defaultCountry: 'DE',
  },
  {
    id: 'spf_wh_sms',
    spaceId: 'sp_wholesale',
    name: 'Wholesale SMS',
    channel: 'sms',
    teamIds: [] as string[],
    defaultCountry: 'US',
  },
] as const;

export const SENDERS = [
  {
    id: 'snd_care_gb',
    profileId: 'spf_care_sms',
    address: '+447700900001',
    country: 'GB',
    dailyLimit: 1000,
    sentToday: 412,
  },
  {
    id: 'snd_care_us',
    profileId: 'spf_care_sms',
    address: '+12125550100',
    country: 'US',
    dailyLimit: 500,
    sentToday: 500,
  },
  {
    id: 'snd_care_us2',
    profileId: 'spf_care_sms',
    address: '+14155550101',
    country: 'US',
    dailyLimit: 500,
    sentToday: 137,
  },
  {
    id: 'snd_care_de',
    profileId: 'spf_care_sms',
    address: '+4915112345670',
    country: 'DE',
    dailyLimit: 300,
    sentToday: 21,
  },
  {
    id: 'snd_care_fr',
    profileId: 'spf_care_sms',
    address: '+33612345670',
    country: 'FR',
    dailyLimit: 300,
    sentToday: 0,
  },
  {
    id: 'snd_care_es',
    profileId: 'spf_care_sms',
    address: '+34612345670',
    country: 'ES',
    dailyLimit: 200,
    sentToday: 55,
  },
  {
    id: 'snd_bill_gb',
    profileId: 'spf_billing_sms',
    address: '+447700900002',
    country: 'GB',
    dailyLimit: 200,
    sentToday: 12,
  },
  {
    id: 'snd_bill_us',
    profileId: 'spf_billing_sms',
    address: '+13125550102',
    country: 'US',
    dailyLimit: 200,
    sentToday: 180,
  },
  {
    id: 'snd_wa_gb',
    profileId: 'spf_care_wa',
    address: '+447700900123',
    country: 'GB',
    dailyLimit: 1000,
    sentToday: 230,
  },
  {
    id: 'snd_wa_br',
    profileId: 'spf_care_wa',
    address: '+5511912345678',
    country: 'BR',
    dailyLimit: 1000,
    sentToday: 88,
  },
  {
    id: 'snd_wa_ae',
    profileId: 'spf_care_wa',
    address: '+971501234567',
    country: 'AE',
    dailyLimit: 500,
    sentToday: 34,
  },
  {
    id: 'snd_wa_in',
    profileId: 'spf_care_wa',
    address: '+919812345678',
    country: 'IN',
    dailyLimit: 800,
    sentToday: 301,
  },
  {
    id: 'snd_tg_bot',
    profileId: 'spf_care_tg',
    address: '@northwind_care_bot',
    country: 'GB',
    dailyLimit: 5000,
    sentToday: 77,
  },
  {
    id: 'snd_whwa_de',
    profileId: 'spf_wh_wa',
    address: '+4915212345671',
    country: 'DE',
    dailyLimit: 400,
    sentToday: 40,
  },
  {
    id: 'snd_whwa_gb',
    profileId: 'spf_wh_wa',
    address: '+447700900321',
    country: 'GB',
    dailyLimit: 400,
    sentToday: 10,
  },
  {
    id: 'snd_whsms_us',
    profileId: 'spf_wh_sms',
    address: '+16175550103',
    country: 'US',
    dailyLimit: 300,
    sentToday: 5,
  },
  {
    id: 'snd_whsms_pl',
    profileId: 'spf_wh_sms',
    address: '+48512345670',
    country: 'PL',
    dailyLimit: 300,
    sentToday: 0,
  },
] as const;

export const TAGS = [
  { id: 'tag_vip', spaceId: 'sp_retail', name: 'VIP', color: '#d97706' },
  { id: 'tag_refund', spaceId: 'sp_retail', name: 'Refund', color: '#dc2626' },
  { id: 'tag_order', spaceId: 'sp_retail', name: 'Order issue', color: '#2563eb' },
  { id: 'tag_lead', spaceId: 'sp_retail', name: 'Lead', color: '#16a34a' },
  { id: 'tag_urgent', spaceId: 'sp_retail', name: 'Urgent', color: '#b91c1c' },
  { id: 'tag_feedback', spaceId: 'sp_retail', name: 'Feedback', color: '#7c3aed' },
  { id: 'tag_distributor', spaceId: 'sp_wholesale', name: 'Distributor', color: '#0d9488' },
  { id: 'tag_bulk', spaceId: 'sp_wholesale', name: 'Bulk order', color: '#4f46e5' },
] as const;

/** The last receipt each channel reaches for a delivered outbound message. */
export const FINAL_RECEIPT = { sms: 'delivered', whatsapp: 'read', telegram: 'sent' } as const;
