// One chunk for both access elements: whoever needs a screen first loads them all (a few KB).
export { AccessScreens } from './access-screens.js';
export { accessStyles } from './access.styles.js';
export { OnboardingSteps, hostUrl, stepTitle } from './onboarding-steps.js';
export { onboardingStyles } from './onboarding.styles.js';
