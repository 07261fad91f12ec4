import { useEffect, useState } from 'react';
import type { CheckDatabaseResult } from '../../../../shared/bridge/study';
import { useBridge } from '../../bridge/context';
import { useNavigation } from '../../navigation';
import type { ScreenProps } from '../registry';
import { ProgressBar } from '../../components/study/ProgressBar';
import '../../styles/study.css';

function isReport(value: unknown): value is CheckDatabaseResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as CheckDatabaseResult).problems);
}

/** Tools › Check Database: runs the check (unless main already did, for guiCheckDatabase) and shows the report. */
export function CheckDatabase({ params }: ScreenProps) {
  const bridge = useBridge();
  const { navigate } = useNavigation();
  const given = isReport(params.report) ? params.report : null;
  const [fetched, setFetched] = useState<CheckDatabaseResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (given) return;
    bridge.invoke('study.checkDatabase', {}).then(setFetched, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [bridge, given]);
  const report = given ?? fetched;
  return (
    <section className="check-database" aria-label="Check Database">
      <h1>Check Database</h1>
      {error && <p role="alert">{error}</p>}
      {!report && !error && <ProgressBar label="Checking the collection…" />}
      {report && (
        <div role="status" className="check-report">
          {report.problems.length === 0 ? <p>Database rebuilt and optimized. No problems found.</p> : (
            <ul>
              {report.problems.map((problem) => <li key={problem}>{problem}</li>)}
            </ul>
          )}
        </div>
      )}
      <button type="button" className="primary" autoFocus onClick={() => navigate('decks')}>Close</button>
    </section>
  );
}
