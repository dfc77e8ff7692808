import type { Plugin } from 'vite';

/** Writes a Brotli and a gzip copy of each built script and style sheet next to it (precompressed.mjs). */
export function precompressed(): Plugin;
