/** Registers every inbox element. Import this (or load `dist/cdn/all.js`) once per page. */
import './inbox-provider.js';
import './inbox-conversation-list.js';
import './inbox-space-switcher.js';
import './inbox-timeline.js';
import './inbox-composer.js';
import './inbox-details.js';
import './inbox-access.js';
import './inbox-onboarding.js';
import './inbox-new-conversation.js';

export * from '../index.js';
