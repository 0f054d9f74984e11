// The host page's shared controls: who is signed in, the theme and the language. Plain JavaScript,
// no build: what a host writes around the elements. Choices live in the URL, so a reload or a
// second window keeps them.

const THEMES = ['light', 'dark', 'brand'];
const LANGUAGES = ['en', 'es', 'ar'];

/** Every inbox element on the page (the provider only provides; it has no look of its own). */
const inboxElements = () =>
  [...document.querySelectorAll('*')].filter(
    (el) => el.localName.startsWith('inbox-') && el.localName !== 'inbox-provider',
  );

function param(name, allowed) {
  const value = new URL(location.href).searchParams.get(name);
  return allowed.includes(value) ? value : allowed[0];
}

function remember(name, value) {
  const url = new URL(location.href);
  url.searchParams.set(name, value);
  history.replaceState(null, '', url);
  // Links to the other page carry the same choices.
  for (const link of document.querySelectorAll('a[data-keep-choices]')) {
    const target = new URL(link.href);
    target.search = url.search;
    link.href = target.href;
  }
}

/**
 * Dark is the elements' own `theme="dark"`; brand is the light theme with the host's colours, set
 * only through `--inbox-*` custom properties (see demo.css).
 */
function applyTheme(theme) {
  document.body.classList.toggle('dark', theme === 'dark');
  document.body.classList.toggle('brand', theme === 'brand');
  for (const el of inboxElements()) el.setAttribute('theme', theme === 'dark' ? 'dark' : 'light');
}

/** The elements follow `locale`; the page itself takes the language and its direction too. */
function applyLanguage(language) {
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  for (const el of inboxElements()) el.setAttribute('locale', language);
}

async function loadUsers() {
  const response = await fetch('/demo/users');
  if (!response.ok) throw new Error(`The demo users could not be loaded (HTTP ${response.status}).`);
  return response.json();
}

/**
 * Fills the switchers and signs the provider in as the chosen user. `onSignIn` runs on every change
 * of user, before the provider connects as them.
 */
export async function setUpHost({ provider, onSignIn = () => {} }) {
  const users = await loadUsers();
  const userSwitcher = document.getElementById('user-switcher');
  for (const user of users) {
    const option = document.createElement('option');
    option.value = user.id;
    option.textContent = `${user.name} — ${user.roleLabel ?? user.role}`;
    userSwitcher.append(option);
  }
  const signIn = (user) => {
    remember('user', user.id);
    onSignIn(user);
    provider.tokenProvider = () => user.token;
  };
  const wanted = new URL(location.href).searchParams.get('user');
  const current = users.find((u) => u.id === wanted) ?? users[0];
  userSwitcher.value = current.id;
  signIn(current);
  userSwitcher.addEventListener('change', () => signIn(users.find((u) => u.id === userSwitcher.value)));

  for (const [id, name, allowed, apply] of [
    ['theme-switcher', 'theme', THEMES, applyTheme],
    ['language-switcher', 'lang', LANGUAGES, applyLanguage],
  ]) {
    const select = document.getElementById(id);
    select.value = param(name, allowed);
    apply(select.value);
    remember(name, select.value);
    select.addEventListener('change', () => {
      apply(select.value);
      remember(name, select.value);
    });
  }
}

export function showError(message) {
  const box = document.getElementById('error');
  box.textContent = message;
  box.hidden = false;
}
