import { defineConfig } from 'vite';

// Nothing to build: Vite only serves the page. The reference server (`npm start` at the repository's
// root) answers /api, hands out demo tokens at /demo/users and serves the CDN bundle at /dist.
const server = process.env.INBOX_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({ server: { proxy: { '/api': server, '/demo': server, '/dist': server } } });
