import { getInboxAccess, requestInboxAccess } from '../domain/access.js';
import { getOnboarding, skipOnboardingStep } from '../domain/onboarding.js';
import { inputOf, type Handler } from '../http/env.js';

export const getInboxAccessRoute: Handler = async (c) =>
  c.json(await getInboxAccess(c.get('services').db, c.get('viewer')));

/** 201 "Request Received!" the first time, 200 (alreadyRequested) after that. */
export const requestInboxAccessRoute: Handler = async (c) => {
  const { access, created } = await requestInboxAccess(c.get('services').db, c.get('viewer'));
  return c.json(access, created ? 201 : 200);
};

export const getOnboardingRoute: Handler = async (c) =>
  c.json(await getOnboarding(c.get('services').db, c.get('viewer')));

export const skipOnboardingStepRoute: Handler = async (c) => {
  const { path } = inputOf(c, 'skipOnboardingStep');
  return c.json(await skipOnboardingStep(c.get('services').db, c.get('viewer'), path.stepId));
};
