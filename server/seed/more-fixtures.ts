/**
 * Demo data beyond the seeded inbox (fixtures.ts), kept apart so the generated conversations stay
 * exactly as they were: users in each inbox-access state, a sender profile whose sender is almost
 * used up today, and a second, new tenant halfway through onboarding.
 */
import type { SeedUser } from './fixtures.js';

export interface MoreUser extends SeedUser {
  tenantId: string;
  inboxAccess: 'none' | 'requested' | 'granted';
  /** For `requested`: how long ago they asked. */
  requestedDaysAgo?: number;
}

/** Northwind users who do not have the inbox yet; their teams apply once access is approved. */
export const ACCESS_USERS: readonly MoreUser[] = [
  {
    id: 'usr_nadia',
    tenantId: 'tn_northwind',
    name: 'Nadia Karim',
    email: 'nadia@northwind.example',
    role: 'agent',
    tenantOwner: false,
    noteAccess: true,
    token: 'demo-noaccess-token',
    color: '#9333ea',
    spaceIds: ['sp_retail'],
    teamIds: ['tm_support'],
    inboxAccess: 'none',
  },
  {
    id: 'usr_tomas',
    tenantId: 'tn_northwind',
    name: 'Tomás Herrera',
    email: 'tomas@northwind.example',
    role: 'agent',
    tenantOwner: false,
    noteAccess: true,
    token: 'demo-requested-token',
    color: '#0f766e',
    spaceIds: ['sp_retail'],
    teamIds: ['tm_sales'],
    inboxAccess: 'requested',
    requestedDaysAgo: 2,
  },
];

/**
 * A profile for trying the daily limit: one UK sender with 3 of its 10 messages left today
 * (each new conversation or send to a UK number takes one; an undo gives it back), and no
 * fallback country, so a number of any other country has no sender at all.
 */
export const ALERTS_PROFILE = {
  id: 'spf_alerts_sms',
  spaceId: 'sp_retail',
  name: 'Northwind Alerts (SMS)',
  channel: 'sms',
  defaultCountry: null,
} as const;

export const ALERTS_SENDER = {
  id: 'snd_alerts_gb',
  profileId: ALERTS_PROFILE.id,
  address: '+447700900777',
  country: 'GB',
  dailyLimit: 10,
  sentToday: 7,
} as const;

/**
 * A second, small tenant that has just started: a channel, a sender profile and a team exist;
 * no agents invited, no tags, nothing sent yet — onboarding half done.
 */
export const HARBOR = {
  tenant: { id: 'tn_harbor', name: 'Harbor Lane Bakery', timeZone: 'America/New_York', undoWindowSeconds: 5 },
  space: { id: 'sp_harbor', name: 'Harbor Lane', position: 0 },
  team: { id: 'tm_harbor_shop', spaceId: 'sp_harbor', name: 'Shop' },
  profile: {
    id: 'spf_harbor_sms',
    spaceId: 'sp_harbor',
    name: 'Harbor Lane SMS',
    channel: 'sms',
    defaultCountry: 'US',
  },
  sender: {
    id: 'snd_harbor_us',
    profileId: 'spf_harbor_sms',
    address: '+16175550177',
    country: 'US',
    dailyLimit: 250,
    sentToday: 0,
  },
  owner: {
    id: 'usr_grace',
    tenantId: 'tn_harbor',
    name: 'Grace Okafor',
    email: 'grace@harborlane.example',
    role: 'admin',
    tenantOwner: true,
    noteAccess: true,
    token: 'demo-owner2-token',
    color: '#b45309',
    spaceIds: ['sp_harbor'],
    teamIds: ['tm_harbor_shop'],
    inboxAccess: 'granted',
  } satisfies MoreUser,
} as const;

/** Every sender's number, so no generated contact ever has one. */
export const MORE_SENDER_ADDRESSES: readonly string[] = [ALERTS_SENDER.address, HARBOR.sender.address];
