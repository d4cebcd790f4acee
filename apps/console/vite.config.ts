import { defineConfig } from 'vite';

// The console is served by the gateway at /console/ under a strict CSP (no inline script or
// style), so CSS stays in files Vite emits as a stylesheet link, and nothing is inlined.
export default defineConfig({
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Inlined assets would become data: URLs; the CSP allows them for images only, keep it simple.
    assetsInlineLimit: 0,
    // Vite's modulepreload polyfill is bundled JS, but we target browsers that have it natively.
    modulePreload: { polyfill: false },
  },
});
