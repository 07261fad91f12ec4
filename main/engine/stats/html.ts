import type { CollectionStats } from './report';

/** A minimal bar chart as inline SVG (no scripts, no external assets). */
export function barChartSvg(title: string, labels: string[], series: { name: string; color: string; values: number[] }[]): string {
  const width = 600;
  const height = 180;
  const n = labels.length || 1;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const barWidth = (width - 40) / n;
  const bars: string[] = [];
  labels.forEach((label, i) => {
    let y = height - 20;
    for (const s of series) {
      const value = s.values[i] ?? 0;
      const h = (value / max) * (height - 40);
      y -= h;
      if (value > 0) {
        bars.push(
          `<rect x="${(30 + i * barWidth).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${escape(label)}: ${value} ${escape(s.name)}</title></rect>`,
        );
      }
    }
  });
  const legend = series.map((s, i) => `<text x="${30 + i * 120}" y="12" font-size="11" fill="${s.color}">■ ${escape(s.name)}</text>`).join('');
  const first = escape(labels[0] ?? '');
  const last = escape(labels[labels.length - 1] ?? '');
  return `<figure class="chart"><figcaption>${escape(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(title)}">${legend}<text x="0" y="${height - 22}" font-size="10">0</text><text x="0" y="28" font-size="10">${max}</text>${bars.join('')}<text x="30" y="${height - 4}" font-size="10">${first}</text><text x="${width - 10}" y="${height - 4}" font-size="10" text-anchor="end">${last}</text></svg></figure>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The statistics report as one HTML fragment with inline SVG charts. */
export function statsHtml(stats: CollectionStats, title: string): string {
  const t = stats.today;
  const c = stats.cardCounts;
  const minutes = (t.seconds / 60).toFixed(1);
  const correct = t.reviews ? (((t.reviews - t.again) / t.reviews) * 100).toFixed(1) : '0.0';
  const days = stats.reviewsPerDay.map((_, i) => `${i - stats.reviewsPerDay.length + 1}d`);
  const future = stats.futureDue.map((_, i) => (i === 0 ? 'today' : `+${i}d`));
  const buttonLabels = ['Again', 'Hard', 'Good', 'Easy'];
  return [
    `<center><div class="engram-stats">`,
    `<h1>${escape(title)}</h1>`,
    `<h2>Today</h2><p>Studied <b>${t.reviews}</b> cards in <b>${minutes}</b> minutes today. Again count: <b>${t.again}</b> (${correct}% correct). Learn: ${t.learn}, Review: ${t.review}, Relearn: ${t.relearn}.</p>`,
    `<h2>Card counts</h2><table class="counts"><tr><td>New</td><td>${c.new}</td></tr><tr><td>Learning</td><td>${c.learning}</td></tr><tr><td>Young</td><td>${c.young}</td></tr><tr><td>Mature</td><td>${c.mature}</td></tr><tr><td>Suspended</td><td>${c.suspended}</td></tr><tr><td>Buried</td><td>${c.buried}</td></tr></table>`,
    `<h2>Future due</h2>`,
    barChartSvg('Review cards due in the next 30 days', future, [{ name: 'due', color: '#2e8b57', values: stats.futureDue }]),
    `<h2>Reviews</h2>`,
    barChartSvg('Reviews per day, last 30 days', days, [
      { name: 'learn', color: '#2a6fdb', values: stats.reviewsPerDay.map((d) => d.learn) },
      { name: 'review', color: '#2e8b57', values: stats.reviewsPerDay.map((d) => d.review) },
      { name: 'relearn', color: '#c0392b', values: stats.reviewsPerDay.map((d) => d.relearn) },
      { name: 'other', color: '#999999', values: stats.reviewsPerDay.map((d) => d.other) },
    ]),
    `<h2>Intervals</h2>`,
    barChartSvg('Review intervals (days, upper bound)', stats.intervals.map(([b]) => `≤${b}`), [{ name: 'cards', color: '#2a6fdb', values: stats.intervals.map(([, n]) => n) }]),
    `<h2>Ease</h2>`,
    barChartSvg('Ease of review cards', stats.ease.map(([p]) => `${p}%`), [{ name: 'cards', color: '#8e44ad', values: stats.ease.map(([, n]) => n) }]),
    `<h2>Answer buttons</h2>`,
    barChartSvg('Answers in the last 30 days', buttonLabels, [
      { name: 'learning', color: '#2a6fdb', values: stats.buttons.learning },
      { name: 'young', color: '#2e8b57', values: stats.buttons.young },
      { name: 'mature', color: '#16a085', values: stats.buttons.mature },
    ]),
    `</div></center>`,
  ].join('\n');
}
