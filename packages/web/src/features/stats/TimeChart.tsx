import { fr } from "@codegouvfr/react-dsfr";
import { useEffect, useRef } from "react";
import type uPlot from "uplot";

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  /** Bars for counts, a line for rates and delays. */
  kind?: "bars" | "line";
}

interface TimeChartProps {
  /** Labels of the x axis (days or months), in order. */
  labels: string[];
  series: ChartSeries[];
  /** Says what the chart shows, for people who cannot see it (the table beside it has the figures). */
  description: string;
  formatValue?: (value: number) => string;
  height?: number;
}

// DSFR illustrative colours (blue France, and the « illustrative » palette), readable on white.
const colours = ["#000091", "#c3992a", "#009081", "#ce614a", "#6a6af4"];

/**
 * A chart drawn by uPlot (ADR 015), loaded only when a chart is on screen: the library is in its
 * own chunk, never on the home page's first visit. The canvas is hidden from assistive technology;
 * the table beside each chart carries the same figures.
 */
export function TimeChart({ labels, series, description, formatValue, height = 260 }: TimeChartProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let chart: uPlot | undefined;
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    void Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([module]) => {
      if (cancelled) return;
      const UPlot = module.default;
      const bars = UPlot.paths.bars?.({ size: [0.6, 40] });
      const xs = labels.map((_, i) => i);
      chart = new UPlot(
        {
          width: Math.max(280, element.clientWidth),
          height,
          legend: { show: true },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: false } },
          axes: [
            {
              values: (_u, ticks) => ticks.map((i) => labels[Math.round(i)] ?? ""),
              stroke: "#3a3a3a",
            },
            { values: (_u, ticks) => ticks.map((v) => (formatValue ? formatValue(v) : String(v))), stroke: "#3a3a3a" },
          ],
          series: [
            { label: "", value: (_u, i) => (i === null ? "" : (labels[i] ?? "")) },
            ...series.map((s, i) => ({
              label: s.label,
              stroke: colours[i % colours.length],
              fill: s.kind === "line" ? undefined : `${colours[i % colours.length]}cc`,
              width: 2,
              ...(s.kind === "line" ? {} : { paths: bars }),
              value: (_u: uPlot, v: number | null) => (v === null ? "–" : formatValue ? formatValue(v) : String(v)),
            })),
          ],
        },
        [xs, ...series.map((s) => s.values)] as uPlot.AlignedData,
        element,
      );
      observer = new ResizeObserver(() => chart?.setSize({ width: Math.max(280, element.clientWidth), height }));
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [labels, series, height, formatValue]);

  return (
    <figure className={fr.cx("fr-mb-2w")}>
      <div ref={container} aria-hidden="true" className="app-chart" style={{ minHeight: height }} />
      <figcaption className={fr.cx("fr-text--sm", "fr-mt-1w")}>{description}</figcaption>
    </figure>
  );
}
