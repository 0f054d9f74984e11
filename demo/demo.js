// The host page's own code: what a customer writes to embed the whole inbox. Plain JavaScript.
import { setUpHost, showError } from './host-controls.js';

const provider = document.getElementById('inbox');
const layout = document.querySelector('.inbox');
const list = document.getElementById('list');
const back = document.getElementById('back');
const showDetails = document.getElementById('show-details');
const backToConversation = document.getElementById('back-to-conversation');
const simulate = document.getElementById('simulate');
const simulateStatus = document.getElementById('simulate-status');

/** The conversation the contact can reply in: the one open now, in the space shown now. */
let selectedConversation;

function forgetSelection() {
  selectedConversation = undefined;
  simulate.disabled = true;
  simulateStatus.textContent = '';
  layout.dataset.pane = 'list';
}

document.addEventListener('inbox-conversation-select', (event) => {
  selectedConversation = event.detail.conversation;
  simulate.disabled = false;
  simulateStatus.textContent = '';
  layout.dataset.pane = 'conversation'; // In a narrow container the conversation replaces the list.
});

// A conversation started from the New conversation dialog is selected: show it like a chosen one.
document.addEventListener('inbox-conversation-create', (event) => {
  selectedConversation = event.detail.conversation;
  simulate.disabled = false;
  layout.dataset.pane = 'conversation';
});

// Another space has other conversations: nothing is open any more.
document.addEventListener('inbox-space-change', forgetSelection);

back.addEventListener('click', () => {
  layout.dataset.pane = 'list';
  list.focus();
});
showDetails.addEventListener('click', () => {
  layout.dataset.pane = 'details';
  backToConversation.focus();
});
backToConversation.addEventListener('click', () => {
  layout.dataset.pane = 'conversation';
  showDetails.focus();
});

document.addEventListener('inbox-error', (event) => showError(event.detail.error.message));

simulate.addEventListener('click', async () => {
  if (!selectedConversation) return;
  simulate.disabled = true;
  const response = await fetch('/demo/inbound', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      conversationId: selectedConversation.id,
      text: 'Hello again — any news on my request?',
    }),
  });
  simulate.disabled = !selectedConversation;
  simulateStatus.textContent = response.ok
    ? 'The contact replied: watch the row move to the top and the message arrive.'
    : `The reply could not be simulated (HTTP ${response.status}).`;
});

setUpHost({ provider, onSignIn: forgetSelection }).catch((error) => showError(error.message));
