import { useEffect, useState } from 'react';

/**
 * The stylesheet's colours as plain values for the charts' SVG attributes, re-read when the
 * colour scheme changes. Every one of them has at least 3:1 contrast with the page's surface in
 * light and dark mode (see the top of styles.css), and the charts never rely on colour alone.
 */
const NAMES = ['--success', '--warning', '--danger', '--primary', '--focus', '--text', '--muted', '--border', '--surface'] as const;
export type ChartColors = Record<(typeof NAMES)[number], string>;

/** Light-mode values, for the moment before the stylesheet is read (and for safety). */
const FALLBACK: ChartColors = {
  '--success': '#17663a',
  '--warning': '#7a4d00',
  '--danger': '#b42318',
  '--primary': '#1c5d87',
  '--focus': '#c2410c',
  '--text': '#1b232e',
  '--muted': '#4b5563',
  '--border': '#cfd6de',
  '--surface': '#ffffff',
};

function readColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  return Object.fromEntries(NAMES.map((n) => [n, style.getPropertyValue(n).trim() || FALLBACK[n]])) as ChartColors;
}

export function useChartColors(): ChartColors {
  const [colors, setColors] = useState<ChartColors>(readColors);
  useEffect(() => {
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const reread = () => setColors(readColors());
    scheme.addEventListener('change', reread);
    return () => scheme.removeEventListener('change', reread);
  }, []);
  return colors;
}
