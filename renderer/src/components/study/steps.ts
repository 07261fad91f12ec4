/** Learning steps as Anki writes them: "1m 10m 1h 1d" (a bare number is minutes). */
const UNITS: Record<string, number> = { s: 1 / 60, m: 1, h: 60, d: 1440 };

export function formatSteps(minutes: readonly number[]): string {
  return minutes.map(formatStep).join(' ');
}

function formatStep(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60}h`;
  if (minutes < 1) return `${Math.round(minutes * 60)}s`;
  return `${Math.round(minutes * 100) / 100}m`;
}

/** Parses steps; throws with a readable message on a bad entry. */
export function parseSteps(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => {
      const match = /^(\d+(?:\.\d+)?)([smhd]?)$/i.exec(part);
      if (!match) throw new Error(`"${part}" is not a step (use e.g. 1m 10m 1h 1d)`);
      const value = Number(match[1]) * UNITS[(match[2] || 'm').toLowerCase()]!;
      if (!(value > 0)) throw new Error(`"${part}" must be longer than zero`);
      return value;
    });
}
