/** Colours and sizes the charts share, apart from recharts, which loads after the page (lazy.tsx). */

/**
 * Okabe & Ito's palette ("Color Universal Design", 2008): told apart with every common colour-vision
 * deficiency. Yellow last (weak on white); "Other" is grey.
 */
export const chartColors = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442']
export const otherColor = '#8C8C8C'

/** The width the server draws at, before the browser measures the card. */
export const CHART_WIDTH = 960
/** Below this width a chart is laid out for a phone. */
export const NARROW = 560
