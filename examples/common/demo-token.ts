/**
 * The reference server's demo hands out a token for each demo user (`?user=<id>` picks one). A real
 * host returns its own sign-in's token here, and a fresh one when asked to `refresh`.
 */
export async function demoToken(): Promise<string> {
  const response = await fetch('/demo/users');
  if (!response.ok)
    throw new Error(`No demo users (HTTP ${response.status}): is the reference server running (npm start)?`);
  const users: { id: string; token: string }[] = await response.json();
  const wanted = new URLSearchParams(location.search).get('user');
  const user = users.find((u) => u.id === wanted) ?? users[0];
  if (!user) throw new Error('The reference server has no demo users.');
  return user.token;
}
