import type { Onboarding, OnboardingStepId } from '../api/types.js';

export interface InboxOnboardingSkipDetail {
  /** The step the user skipped. */
  step: OnboardingStepId;
  /** Every step as the server has it now. */
  onboarding: Onboarding;
}

/** The user skipped an optional onboarding step and the server recorded it. */
export class InboxOnboardingSkipEvent extends CustomEvent<InboxOnboardingSkipDetail> {
  static readonly eventName = 'inbox-onboarding-skip';

  constructor(detail: InboxOnboardingSkipDetail) {
    super(InboxOnboardingSkipEvent.eventName, { detail, bubbles: true, composed: true });
  }
}
