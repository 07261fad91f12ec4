import '../../styles/study.css';

export interface ChartSeries {
  label: string;
  /** CSS class that colours the series (see study.css). */
  className: string;
}

export interface ChartColumn {
  label: string;
  /** One value per series, stacked bottom-up. */
  values: number[];
}

interface BarChartProps {
  title: string;
  series: ChartSeries[];
  columns: ChartColumn[];
  /** Show every n-th column label (long ranges). */
  labelEvery?: number;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 40 };

/** A stacked bar chart in plain SVG, with a legend and a tooltip per bar. */
export function BarChart({ title, series, columns, labelEvery = 1 }: BarChartProps) {
  const totals = columns.map((c) => c.values.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, columns.length);
  const barW = Math.max(2, step * 0.8);
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const summary = columns.map((c, i) => `${c.label}: ${totals[i]}`).join(', ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. ${summary}`}>
        <line className="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <text className="tick" x={PAD.left - 6} y={y(max) + 4} textAnchor="end">{max}</text>
        <text className="tick" x={PAD.left - 6} y={y(0) + 4} textAnchor="end">0</text>
        {columns.map((column, i) => {
          const x = PAD.left + i * step + (step - barW) / 2;
          let base = 0;
          return (
            <g key={i} className="bar">
              <title>{`${column.label}: ${column.values.map((v, s) => `${series[s]?.label ?? ''} ${v}`).join(', ')}`}</title>
              {column.values.map((value, s) => {
                const top = y(base + value);
                const rect = value > 0 ? (
                  <rect key={s} className={series[s]?.className} x={x} y={top} width={barW} height={y(base) - top} />
                ) : null;
                base += value;
                return rect;
              })}
              {i % labelEvery === 0 && (
                <text className="tick" x={x + barW / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle">{column.label}</text>
              )}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <ul className="legend">
          {series.map((s) => (
            <li key={s.label}><span className={`swatch ${s.className}`} />{s.label}</li>
          ))}
        </ul>
      )}
    </figure>
  );
}
