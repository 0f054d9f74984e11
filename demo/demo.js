// The host page's own code: what a customer writes to embed the inbox. Plain JavaScript, no build.
const provider = document.getElementById('inbox');
const layout = document.querySelector('.inbox');
const list = document.getElementById('list');
const switcher = document.getElementById('user-switcher');
const back = document.getElementById('back');
const simulate = document.getElementById('simulate');
const simulateStatus = document.getElementById('simulate-status');
const errorBox = document.getElementById('error');

/** The conversation the contact can reply in: the one open now, in the space shown now. */
let selectedConversation;

function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function forgetSelection() {
  selectedConversation = undefined;
  simulate.disabled = true;
  simulateStatus.textContent = '';
  layout.dataset.pane = 'list';
}

async function loadUsers() {
  const response = await fetch('/demo/users');
  if (!response.ok) throw new Error(`The demo users could not be loaded (HTTP ${response.status}).`);
  return response.json();
}

function signIn(user) {
  // Each window keeps its own user in the URL, so two windows can be two agents.
  const url = new URL(location.href);
  url.searchParams.set('user', user.id);
  history.replaceState(null, '', url);
  forgetSelection();
  provider.tokenProvider = () => user.token;
}

async function main() {
  const users = await loadUsers();
  for (const user of users) {
    const option = document.createElement('option');
    option.value = user.id;
    option.textContent = `${user.name} — ${user.roleLabel ?? user.role}`;
    switcher.append(option);
  }
  const wanted = new URL(location.href).searchParams.get('user');
  const current = users.find((u) => u.id === wanted) ?? users[0];
  switcher.value = current.id;
  signIn(current);
  switcher.addEventListener('change', () => signIn(users.find((u) => u.id === switcher.value)));
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

main().catch((error) => showError(error.message));
