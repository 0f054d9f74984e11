import { defineConfig } from 'vite';

// The reference server (`npm start` at the repository's root) answers /api, and its demo hands out
// sign-in tokens at /demo/users. Proxied, so the page and the API share an origin.
const server = process.env.INBOX_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  server: { proxy: { '/api': server, '/demo': server } },
  // In this repository inbox-elements is a link to the repository's root, which has React 19: one
  // React, this app's, as a host's single install would have.
  resolve: { dedupe: ['react', 'react-dom'] },
});
