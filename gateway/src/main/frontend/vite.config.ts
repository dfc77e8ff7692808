import { defineConfig } from 'vite';
import { precompressed } from './precompressed.mjs';

// The gateway serves the built files at "/" (Maven passes --outDir target/classes/static).
// Everything is bundled: no CDN, no external font or script at run time.
export default defineConfig({
  base: '/',
  plugins: [precompressed()],
  build: {
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev` against a running gateway (local stack): API and sign-in go through it.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/oauth2': 'http://127.0.0.1:8080',
      '/login': 'http://127.0.0.1:8080',
      '/logout': 'http://127.0.0.1:8080',
    },
  },
});
