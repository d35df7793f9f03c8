import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { initialJsBudget } from './web/build/initial-js-budget.ts';

// Libraries change less often than our code: separate chunks cache better.
const VENDOR: Record<string, RegExp> = {
  react: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
  zod: /node_modules[\\/]zod[\\/]/,
};

// The web app lives in web/ and is built into dist/web, which the server serves
// with an SPA fallback. In development, /api is proxied to the Fastify server.
export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    // Issue #16: what a signed-out visitor and a participant load before their page first renders.
    // Each page names the route modules it renders first (layout, page); the entry and its imports
    // always count. The build fails past the budget: see web/build/initial-js-budget.ts.
    initialJsBudget({
      budgetKb: 150,
      pages: {
        'sign-in': ['app/layouts/public-layout.tsx', 'features/auth/components/sign-in-page.tsx'],
        'participant home': ['app/layouts/signed-in-layout.tsx', 'app/pages/home-page.tsx'],
      },
    }),
    // Gzip and Brotli copies beside each file, which the server sends to browsers that accept them
    // (@fastify/static preCompressed): a first visit's ~470 KB of JavaScript travels as ~130–150 KB.
    compression({ algorithms: ['gzip', 'brotliCompress'], include: /\.(js|css|html|svg)$/, threshold: 1024 }),
  ],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // Every browser Tandem supports preloads modules itself (Baseline since 2023).
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Shared chunks get their hash alone for a name: their names were only a module's they hold,
        // and each route's list of chunks to preload, in the first file every page loads, is shorter.
        chunkFileNames: (chunk) => (chunk.isDynamicEntry || chunk.name in VENDOR ? 'assets/[name]-[hash].js' : 'assets/[hash].js'),
        codeSplitting: {
          groups: Object.entries(VENDOR).map(([name, test]) => ({ name, test })),
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
