import type { components } from '../../src/api/schema.js';

export type Capabilities = components['schemas']['Capabilities'];

export interface RoleSubject {
  role: string;
  tenantOwner: boolean;
  noteAccess: boolean;
}

/**
 * Capabilities come from the inbox role (custom roles get an agent's rights). The UI renders from
 * these and the server enforces the same ones, so this is the only place that reads role names.
 */
export function capabilitiesFor(u: RoleSubject): Capabilities {
  const notes = u.noteAccess;
  if (u.role === 'admin') {
    return {
      seeAllConversations: true,
      readNotes: true,
      writeNotes: true,
      assign: true,
      changeStatus: true,
      editContacts: true,
      applyTags: true,
      manageTags: true,
      seeSenders: true,
      startConversations: true,
      accessSettings: true,
      seeOnboarding: true,
    };
  }
  const manager = u.role === 'manager';
  return {
    seeAllConversations: false,
    readNotes: notes,
    writeNotes: notes,
    assign: manager,
    changeStatus: true,
    editContacts: manager,
    applyTags: true,
    manageTags: manager,
    seeSenders: manager,
    startConversations: true,
    accessSettings: manager,
    seeOnboarding: u.tenantOwner,
  };
}

/** A user without inbox access may do nothing in it (they may only ask for it). */
export const NO_CAPABILITIES: Capabilities = {
  seeAllConversations: false,
  readNotes: false,
  writeNotes: false,
  assign: false,
  changeStatus: false,
  editContacts: false,
  applyTags: false,
  manageTags: false,
  seeSenders: false,
  startConversations: false,
  accessSettings: false,
  seeOnboarding: false,
};

/** A one-line summary for the demo login list. */
export function summarize(c: Capabilities): string {
  const parts = [c.seeAllConversations ? 'sees all conversations' : 'sees own teams only'];
  parts.push(c.readNotes ? 'reads notes' : 'no note access');
  if (c.assign) parts.push('assigns');
  if (c.manageTags) parts.push('manages tags');
  if (c.seeSenders) parts.push('sees senders');
  if (c.accessSettings) parts.push('settings');
  if (c.seeOnboarding) parts.push('onboarding');
  return parts.join(', ');
}
