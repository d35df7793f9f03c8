import { useEffect, useState } from 'react';

/**
 * The stylesheet's colours as plain values for a chart's SVG attributes, read again when the colour
 * scheme changes (the same approach as program health's charts).
 */
const NAMES = ['--primary', '--text', '--muted', '--border', '--surface'] as const;
export type ChartColors = Record<(typeof NAMES)[number], string>;

const FALLBACK: ChartColors = {
  '--primary': '#1c5d87',
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
