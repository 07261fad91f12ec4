/** What Check Database found and fixed, in the order the checks ran. */
export interface CheckReport {
  /** SQLite's own quick_check passed. */
  integrityOk: boolean;
  /** One human sentence per problem found and fixed (Anki's wording where it has one). */
  problems: string[];
  /** Counts per fix, keyed by the check's name (zero counts omitted). */
  fixed: Record<string, number>;
}

export class ReportBuilder {
  private readonly problems: string[] = [];
  private readonly fixed: Record<string, number> = {};
  integrityOk = true;

  /** Records `count` fixes of `key`, described by `sentence(count)` when count > 0. */
  add(key: string, count: number, sentence: (count: number) => string): void {
    if (count <= 0) return;
    this.fixed[key] = (this.fixed[key] ?? 0) + count;
    this.problems.push(sentence(count));
  }

  note(problem: string): void {
    this.problems.push(problem);
  }

  build(): CheckReport {
    return { integrityOk: this.integrityOk, problems: [...this.problems], fixed: { ...this.fixed } };
  }
}

/** "1 card" / "2 cards". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
