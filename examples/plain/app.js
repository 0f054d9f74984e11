// The page's own code: sign in, and listen to the elements' events (they bubble out of the tags).
const provider = document.getElementById('inbox');
const conversation = document.getElementById('conversation');
const status = document.getElementById('status');
const error = document.getElementById('error');

/**
 * The reference server's demo hands out a token for each demo user (`?user=<id>` picks one). A real
 * host returns its own sign-in's token here, and a fresh one when asked to `refresh`.
 */
async function demoToken() {
  const response = await fetch('/demo/users');
  if (!response.ok)
    throw new Error(`No demo users (HTTP ${response.status}): is the reference server running (npm start)?`);
  const users = await response.json();
  const wanted = new URLSearchParams(location.search).get('user');
  return (users.find((u) => u.id === wanted) ?? users[0]).token;
}

provider.tokenProvider = demoToken;

const name = (event) => {
  conversation.setAttribute('aria-label', `Conversation with ${event.detail.conversation.contact.name}`);
};
document.addEventListener('inbox-conversation-select', name);
document.addEventListener('inbox-conversation-create', name);
document.addEventListener('inbox-message-send', (event) => {
  status.textContent = `Sent: ${event.detail.item.text}`;
});
document.addEventListener('inbox-error', (event) => {
  error.textContent = event.detail.error.detail;
  error.hidden = false;
});
