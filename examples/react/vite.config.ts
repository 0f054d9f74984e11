import { defineConfig } from 'vite';

// The reference server (`npm start` at the repository's root) answers /api, and its demo hands out
// sign-in tokens at /demo/users. Proxied, so the page and the API share an origin.
const server = process.env.INBOX_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({ server: { proxy: { '/api': server, '/demo': server } } });
