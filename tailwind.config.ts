import type { Config } from 'tailwindcss'

/** Design tokens: see docs/decisions/004-visual-language.md. */
export default {
  content: ['./app/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#eef7f8',
          100: '#d5ecef',
          500: '#1b8a9a',
          600: '#14707e',
          700: '#0f5863',
          900: '#0b3a41',
        },
        ink: { DEFAULT: '#1f2933', muted: '#52606d', faint: '#9aa5b1' },
        ok: { DEFAULT: '#1e7b34', bg: '#e6f4ea' },
        warn: { DEFAULT: '#8a5a00', bg: '#fff4d6' },
        bad: { DEFAULT: '#b3261e', bg: '#fde7e6' },
      },
      fontFamily: { sans: ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'] },
    },
  },
  plugins: [],
} satisfies Config
