// What the element hands the dialog's lazily loaded templates: the state to show and what to call.
import type { NewConversationLocale } from '../../i18n/new-conversation.en.js';
import type { NewConversationState } from '../../stores/new-conversation.js';

export interface NewConversationActions {
  setProfile(senderProfileId: string): void;
  setTeam(teamId: string): void;
  setPhone(text: string): void;
  setCountry(code: string): void;
  /** The phone field lost focus: its problems may show now. */
  leavePhone(): void;
  next(): void;
  back(): void;
  setText(text: string): void;
  send(): void;
  openExisting(): void;
  retryDirectory(): void;
}

export interface StepView {
  resolved: NewConversationLocale;
  state: NewConversationState;
  /** Next was tried: every problem of the first step shows beside its field. */
  showProblems: boolean;
  /** The phone field was left: its own problem shows. */
  phoneTouched: boolean;
  actions: NewConversationActions;
}
