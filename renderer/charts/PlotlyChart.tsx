import type { Data, Layout, PlotlyHTMLElement } from 'plotly.js-dist-min';
import type PlotlyApi from 'plotly.js-dist-min';
import { useEffect, useRef, useState } from 'react';
import { chartHeight } from './chart-figure.ts';
import { queueDraw } from './draw-queue.ts';
import { plotlyConfig } from './plotly-config.ts';
import './plotly-chart.css';

type Plotly = typeof PlotlyApi;

/** A clicked point: its trace, its position in that trace's arrays, and its customdata. */
export interface ChartPoint {
  curveNumber: number;
  pointIndex: number;
  customdata?: unknown;
}

export interface PlotlyChartProps {
  data: Data[];
  layout: Partial<Layout>;
  /** The chart in words, for screen readers (the plot itself is hidden from them) and tests. */
  ariaLabel: string;
  onPointClick?: (point: ChartPoint) => void;
}

let loaded: Plotly | null = null;
let loading: Promise<Plotly> | null = null;

/** Plotly (4.8 MB) is fetched when the first chart mounts, not with the app, and only once. */
function loadPlotly(): Promise<Plotly> {
  loading ??= import('plotly.js-dist-min').then(
    (module) => {
      loaded = module.default;
      return loaded;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Plotly once loaded; 'failed' when its chunk could not be fetched or a chart not drawn. */
type PlotlyState = Plotly | 'loading' | 'failed';

/**
 * One Plotly chart: redrawn with Plotly.react when data or layout change (pass memoised values),
 * in a task of its own (draw-queue.ts), resized with its container, purged on unmount. A quiet
 * placeholder of its height stands in while Plotly loads; the plot carries `data-drawing` while
 * a draw is queued or running.
 */
export function PlotlyChart({ data, layout, ariaLabel, onPointClick }: PlotlyChartProps) {
  const [plotly, setPlotly] = useState<PlotlyState>(loaded ?? 'loading');
  const plotRef = useRef<HTMLDivElement>(null);
  const onPointClickRef = useRef(onPointClick);
  useEffect(() => {
    onPointClickRef.current = onPointClick;
  });

  useEffect(() => {
    if (plotly !== 'loading') return;
    let current = true;
    loadPlotly().then(
      (module) => current && setPlotly(module),
      () => current && setPlotly('failed'),
    );
    return () => {
      current = false;
    };
  }, [plotly]);

  useEffect(() => {
    const div = plotRef.current;
    if (typeof plotly === 'string' || div === null) return;
    let width = div.clientWidth;
    // Plotly's own `responsive` follows the window only; a panel opening resizes the container.
    const observer = new ResizeObserver(() => {
      if (div.clientWidth === width) return;
      width = div.clientWidth;
      resizeIfShown(plotly, div);
    });
    observer.observe(div);
    return () => {
      observer.disconnect();
      plotly.purge(div);
    };
  }, [plotly]);

  useEffect(() => {
    const div = plotRef.current;
    if (typeof plotly === 'string' || div === null) return;
    let current = true;
    div.dataset.drawing = 'true';
    const dropDraw = queueDraw(() => {
      plotly.react(div, data, layout, plotlyConfig).then(
        (graph) => {
          if (!current) return;
          delete div.dataset.drawing;
          // A purge (unmount, or StrictMode's rehearsal) drops the listeners; bind after each draw.
          listenForClicks(graph, (point) => onPointClickRef.current?.(point));
        },
        () => current && setPlotly('failed'),
      );
    });
    return () => {
      current = false;
      dropDraw();
    };
  }, [plotly, data, layout]);

  const height = layout.height ?? chartHeight;
  return (
    <div className="plotly-chart">
      {plotly === 'failed' ? (
        <p className="plotly-chart-failed" style={{ height }}>
          The chart could not be drawn.
        </p>
      ) : (
        <div
          ref={plotRef}
          className={plotly === 'loading' ? 'plotly-chart-plot loading' : 'plotly-chart-plot'}
          style={{ height }}
          aria-hidden="true"
        />
      )}
      <p className="plotly-chart-description visually-hidden">{ariaLabel}</p>
    </div>
  );
}

function listenForClicks(graph: PlotlyHTMLElement, onPointClick: (point: ChartPoint) => void) {
  graph.removeAllListeners('plotly_click');
  graph.on('plotly_click', (event) => {
    const point = event.points[0];
    if (point === undefined) return;
    const { curveNumber, pointIndex, customdata } = point;
    onPointClick({ curveNumber, pointIndex, customdata });
  });
}

/** Plots.resize rejects for a hidden chart (e.g. an inactive tab); it is typed void, hence resolve. */
function resizeIfShown(plotly: Plotly, div: HTMLElement) {
  if (getComputedStyle(div).display === 'none') return;
  Promise.resolve(plotly.Plots.resize(div)).catch(() => undefined);
}
