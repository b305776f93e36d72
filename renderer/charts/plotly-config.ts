import type { Config } from 'plotly.js-dist-min';

/**
 * Every chart's Plotly config. Nothing may reach the network: Plotly 4 shows a "Share chart..."
 * button by default (showSendToCloud), which opens cloud.plotly.com with the chart's data, so it
 * is off and its URL blank. The PNG download stays (drawn locally). Box and lasso select have no
 * meaning here: a click selects a bin.
 */
export const plotlyConfig: Partial<Config> = {
  displaylogo: false,
  responsive: true,
  showSendToCloud: false,
  plotlyServerURL: '',
  showTips: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d'],
};
